/// The registry's entries for `ecoprod stats`' findings (Q1xx): what the answers of many
/// productions say about the criteria, for the editors.
extension DiagnosticCode {
    var statisticsEntry: Entry {
        switch self {
        case .criterionAlwaysMet:
            return Entry(
                .note, "Criterion nearly always met",
                explanation:
                    "At least the share given by --always-met (95% by default) of the productions it applies to meet it: it no longer tells productions apart, and its points are a given. The editors may raise its bar, or retire it.",
                example: "A1 met by 99% of 400 productions", fix: "Consider a stricter wording, or fewer points.")
        case .criterionNegativelyCorrelated:
            return Entry(
                .warning, "Criterion met more by weaker productions",
                explanation:
                    "Its corrected item–total correlation is negative: productions that meet it score lower on the rest of the framework than those that do not. In item analysis this marks an item that measures something else, often a wording that is misread.",
                example: "G9 with r = −0.21 over 300 productions",
                fix: "Read the criterion as a production would; ask productions that met it what they did.")
        case .criterionOftenNotApplicable:
            return Entry(
                .warning, "Criterion often not applicable",
                explanation:
                    "More than the share given by --not-applicable (half by default) of the productions of a type it applies to answer it not applicable: its applies_to probably names that type wrongly.",
                example: "E4 not applicable for 70% of documentaries",
                fix: "Remove the type from applies_to, or rewrite the criterion for it.")
        case .mandatoryOftenBlocks:
            return Entry(
                .note, "Mandatory criterion often blocks",
                explanation:
                    "Meeting this mandatory criterion alone would change the eligibility or the stars of at least the share given by --blocking (10% by default) of the productions it applies to: it decides certificates more than any points do.",
                example: "A5 blocks 31% of productions",
                fix: "Check that productions can meet it: guidance, evidence, timing.")
        case .answersOutsideHistory:
            return Entry(
                .warning, "Answer set outside the release history",
                explanation:
                    "The answer set names a framework or a version (or a digest) that none of the releases holds, so it cannot be migrated to the version the statistics are computed for. It is left out, and counted.",
                example: "answers written for a local build",
                fix: "Migrate the answers from a released version, or pass --releases with the release they name.")
        case .yamlSyntax, .yamlDuplicateKey, .yamlAnchor, .yamlAlias, .yamlTag, .yamlMultipleDocuments, .yamlComplexKey,
            .yamlDepthLimit, .yamlSizeLimit, .yamlNodeLimit, .yamlScalarLength, .yamlInvalidUTF8, .yamlTooManyProblems,
            .yamlCommentWithoutSpace, .yamlFlowIndentation, .yamlDashInFlow, .yamlDirective,
            .yamlBlockScalarIndentation, .unknownKey, .missingKey, .wrongType, .invalidValue, .emptyFile, .idPattern,
            .duplicateID, .invalidIDPattern, .invalidPoints, .invalidMandatory, .unknownDepartment, .emptyDepartment,
            .unknownProductionType, .unknownStage, .departmentFileTwice, .missingTranslation, .undeclaredLocale,
            .invalidLocaleTag, .thresholdRange, .missingComparison, .starLevelOrder, .starLevelBelowThreshold,
            .unreachableThreshold, .noSchemes, .invalidVersion, .versionAlreadyReleased, .versionNotIncreasing,
            .versionUnderstated, .criterionDisappeared, .staleReplaces, .mergeWithoutCombine, .combineWithoutMerge,
            .conflictingRules, .retiredIDReused, .staleRetired, .bundleSyntax, .bundleDigestMissing, .bundleFormat,
            .bundleStructure, .bundleDigestMismatch, .bundleUnknownMember, .bundleLayout, .bundleIntegrity,
            .bundleLineage, .signatureMissing, .signatureInvalid, .signerUnknown, .signerOutsideValidity,
            .signatureNamespace, .signerNotInLineage, .signatureMalformed, .allowedSignersMalformed,
            .statementMismatch, .statementMalformed, .answersSyntax, .answersStructure, .answersStatus,
            .answersUnknownCriterion, .answersUnknownType, .answersUnknownScheme, .answersVersionMismatch,
            .answersNotApplicableRefused, .answersBundleNotFound, .migrationRefused, .gridNotAWorkbook, .gridEncrypted,
            .gridLimit, .gridUnsafePath, .gridXML, .gridMissingPart, .gridIdentity, .gridStructure, .gridStatus,
            .gridPreserved, .gridPreservedDropped, .gridAmbiguous, .gridFormula, .lineTooLong, .lineMemberReserved,
            .findingsMalformed, .findingsForAnotherPlan, .findingsCoverage, .planMalformed, .planForAnotherStatement,
            .sampleDiffers, .certificateDenied, .certificateMalformed, .certificateDiffers, .claimRefuted,
            .noAuditPolicy, .certificateInputsDiffer, .registerMalformed, .checkpointNotSigned, .tileDiffers,
            .rootDiffers, .registerInconsistent, .eventOutOfOrder, .proofInvalid, .entryMalformed,
            .registerKeyMalformed, .registerFileMissing, .fileUnreadable, .missingFrameworkFile,
            .pathOutsideFramework, .fileNameNotUTF8, .writeRefused, .writeFailed, .releaseLocked:
            preconditionFailure("\(self) is registered in DiagnosticCode+Registry.swift")
        }
    }
}
