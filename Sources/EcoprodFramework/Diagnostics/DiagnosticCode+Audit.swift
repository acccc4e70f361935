/// The registry's entries for the audit: plans, findings and certificates (U1xx).
extension DiagnosticCode {
    var auditEntry: Entry {
        switch self {
        case .findingsMalformed:
            Entry(
                .error, "Findings malformed",
                explanation:
                    "The auditor's findings are not valid JSON or YAML, or do not have the shape of Schemas/findings.schema.json: a plan digest, and per criterion an outcome (confirmed or refuted) and a note. Unknown members are refused: a finding states only what the auditor checked.",
                example: "\"outcome\": \"ok\"",
                fix: "Write `confirmed` or `refuted`, with a note, for each sampled claim.")
        case .findingsForAnotherPlan:
            Entry(
                .error, "Findings answer another plan",
                explanation:
                    "The findings name, by SHA-256, the plan they answer; that digest is not the plan given's. Findings for one production's plan cannot certify another's.",
                example: "findings written for last year's plan",
                fix: "Fill in the template the plan wrote, or correct the plan digest to the plan you audited.")
        case .findingsCoverage:
            Entry(
                .error, "Findings do not cover the sample",
                explanation:
                    "Every sampled claim needs exactly one finding, and nothing else may have one: an unsampled claim was not drawn, so its finding would let an auditor choose what counts.",
                example: "no finding for A3, or a finding for G2 which was not drawn",
                fix: "Give one finding for each criterion of the plan's sample, and only those.")
        case .planMalformed:
            Entry(
                .error, "Audit plan malformed",
                explanation:
                    "The audit plan is not valid JSON, or not an in-toto Statement with the audit-plan predicate of Schemas/audit-plan.schema.json.",
                example: "a plan edited by hand", fix: "Use the plan `ecoprod audit plan` wrote, unchanged.")
        case .planForAnotherStatement:
            Entry(
                .error, "Plan for another statement",
                explanation:
                    "The plan's subject is the SHA-256 of the statement file it samples, and it names the answers' digest; the statement or answers given are not those.",
                example: "a statement scored again after the plan was drawn",
                fix: "Audit the statement the plan was drawn for, or draw a new plan for the new statement.")
        case .sampleDiffers:
            Entry(
                .error, "Sample does not replay",
                explanation:
                    "Replaying the draw from the statement's bytes, the beacon and the bundle's audit policy does not give the plan's seed, tickets and sample, in the same order. A plan whose sample was chosen, reordered or trimmed is refused.",
                example: "a mandatory claim removed from the sample",
                fix: "Draw the plan again with `ecoprod audit plan`; never edit its sample.")
        case .certificateDenied:
            Entry(
                .error, "Certificate denied",
                explanation:
                    "With every refuted claim counted not met, the production is no longer eligible: a refuted mandatory claim, or points that fall below the threshold. No certificate is written; the U110 notes say what each refuted claim cost.",
                example: "a refuted mandatory claim",
                fix: "The production may submit new evidence and be audited again.")
        case .certificateMalformed:
            Entry(
                .error, "Certificate malformed",
                explanation:
                    "The certificate is not valid JSON, or not an in-toto Statement with the certificate predicate of Schemas/certificate.schema.json.",
                example: "a certificate edited by hand", fix: "Use the certificate `ecoprod certify` wrote, unchanged.")
        case .certificateDiffers:
            Entry(
                .error, "Certificate does not match its inputs",
                explanation:
                    "Recomputed from the statement, answers, plan and findings, a digest or a figure of the certificate differs: its score, stars, refuted claims or an input's digest was changed after it was signed, or it was issued for other inputs.",
                example: "stars raised from 1 to 3 in the certificate",
                fix: "Trust only a certificate whose every figure recomputes; ask the label for the genuine one.")
        case .claimRefuted:
            Entry(
                .note, "Refuted claim",
                explanation:
                    "The auditor refuted this claim: it is counted not met, and the note says what it cost (points, a mandatory criterion, stars).",
                example: "C4 refuted: −2 points", fix: "None: this explains a certificate's figures or its denial.")
        case .noAuditPolicy:
            Entry(
                .error, "No audit policy",
                explanation:
                    "The bundle the production was scored against has no `audit:` policy, so there is no rule to draw a sample by. Releases before the policy was written down cannot be audited this way.",
                example: "a statement scored against ecoprod-label 1.1.0",
                fix: "Migrate the answers to a release with an audit policy, score and state them again.")
        case .certificateInputsDiffer:
            Entry(
                .error, "Certificate issued for other inputs",
                explanation:
                    "The certificate names its statement, answers, plan and findings by SHA-256, and the production and bundle they are about; an input given to verify-certificate differs. A finding changed after certification, or another production's statement, is refused here.",
                example: "a finding changed from refuted to confirmed after the certificate was issued",
                fix: "Verify against the exact files the certificate was issued for.")
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
            .fileUnreadable, .missingFrameworkFile, .pathOutsideFramework, .fileNameNotUTF8, .writeRefused,
            .writeFailed, .releaseLocked:
            preconditionFailure("\(self) is registered in DiagnosticCode+Registry.swift")
        }
    }
}
