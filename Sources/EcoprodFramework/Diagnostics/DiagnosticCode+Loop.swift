/// The registry's entries for the label's loop after the score: the audit (plans, findings and
/// certificates, U1xx), the public register (E1xx) and the statistics for the editors (Q1xx).
extension DiagnosticCode {
    var loopEntry: Entry {
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
        case .registerMalformed:
            Entry(
                .error, "Register file malformed",
                explanation:
                    "A checkpoint, proof or note is not in its C2SP format (tlog-checkpoint, tlog-proof, signed-note): an origin, a decimal size and a base64 root hash; a proof's header, index and hashes.",
                example: "a checkpoint whose size line is '0012'", fix: "Restore the file the register wrote.")
        case .checkpointNotSigned:
            Entry(
                .error, "Checkpoint not signed by the register's key",
                explanation:
                    "The checkpoint carries no Ed25519 signature line by the verifier key given that verifies over its text: it was signed by another key, or changed after it was signed.",
                example: "a checkpoint re-signed by someone else's key",
                fix: "Check the verifier key you were given; trust no register page whose checkpoint does not verify.")
        case .tileDiffers:
            Entry(
                .error, "Tile does not recompute",
                explanation:
                    "A tile or entry bundle of the register is not what its entries give: a hash changed, a tile truncated, or a bundle whose length prefixes do not add up. Every tile is recomputed from the entries by RFC 6962's hashing.",
                example: "tile/0/000.p/5 cut to 100 bytes", fix: "Restore the register from a copy that verifies.")
        case .rootDiffers:
            Entry(
                .error, "Root does not match the entries",
                explanation:
                    "The Merkle tree hash of the entries is not the checkpoint's root: an entry was changed, removed, added or two were reordered.",
                example: "an entry's stars changed from 1 to 3", fix: "Restore the register from a copy that verifies.")
        case .registerInconsistent:
            Entry(
                .error, "Register not consistent with an earlier checkpoint",
                explanation:
                    "The earlier checkpoint given is not a prefix of this register: its size is larger (entries removed), or the first entries no longer hash to its root (history rewritten, or a fork: the same size with another root).",
                example: "a checkpoint of size 4 whose root the register's first 4 entries do not give",
                fix: "Report it: a transparency log never rewrites what it published.")
        case .eventOutOfOrder:
            Entry(
                .error, "Event does not follow",
                explanation:
                    "An event on a certificate must follow from its earlier ones: issued first; suspended after issued or reinstated; reinstated after suspended; withdrawn after any; nothing after withdrawn. Every event but issued gives a reason.",
                example: "reinstated for a certificate never suspended",
                fix: "Append the events in the order they happened.")
        case .proofInvalid:
            Entry(
                .error, "Inclusion proof does not hold",
                explanation:
                    "The proof's hashes do not lead from the entry to the checkpoint's root, or its entry is not about this certificate.",
                example: "a proof for another certificate",
                fix: "Get the proof written when the certificate was appended, or a fresh one from the register.")
        case .entryMalformed:
            Entry(
                .error, "Register entry malformed",
                explanation:
                    "An entry of the register is not canonical JSON (RFC 8785) with exactly a certificate digest, an event, the production, the stars, the framework, a date and, for every event but issued, a reason.",
                example: "an entry with an extra member", fix: "Restore the register from a copy that verifies.")
        case .registerKeyMalformed:
            Entry(
                .error, "Note key malformed",
                explanation:
                    "A register key is in golang.org/x/mod/sumdb/note's format: a verifier key <name>+<hash>+<base64> or a private key PRIVATE+KEY+<name>+<hash>+<base64>, the hash matching the name and key.",
                example: "a verifier key whose hash was retyped", fix: "Use the key files `register init` wrote.")
        case .registerFileMissing:
            Entry(
                .error, "Register file missing",
                explanation:
                    "The checkpoint's size needs a tile or an entry bundle that the register folder does not have.",
                example: "tile/entries/000.p/3 deleted", fix: "Restore the register from a copy that verifies.")
        case .criterionAlwaysMet:
            Entry(
                .note, "Criterion nearly always met",
                explanation:
                    "At least the share given by --always-met (95% by default) of the productions it applies to meet it: it no longer tells productions apart, and its points are a given. The editors may raise its bar, or retire it.",
                example: "A1 met by 99% of 400 productions", fix: "Consider a stricter wording, or fewer points.")
        case .criterionNegativelyCorrelated:
            Entry(
                .warning, "Criterion met more by weaker productions",
                explanation:
                    "Its corrected item–total correlation is negative: productions that meet it score lower on the rest of the framework than those that do not. In item analysis this marks an item that measures something else, often a wording that is misread.",
                example: "G9 with r = −0.21 over 300 productions",
                fix: "Read the criterion as a production would; ask productions that met it what they did.")
        case .criterionOftenNotApplicable:
            Entry(
                .warning, "Criterion often not applicable",
                explanation:
                    "More than the share given by --not-applicable (half by default) of the productions of a type it applies to answer it not applicable: its applies_to probably names that type wrongly.",
                example: "E4 not applicable for 70% of documentaries",
                fix: "Remove the type from applies_to, or rewrite the criterion for it.")
        case .mandatoryOftenBlocks:
            Entry(
                .note, "Mandatory criterion often blocks",
                explanation:
                    "Meeting this mandatory criterion alone would change the eligibility or the stars of at least the share given by --blocking (10% by default) of the productions it applies to: it decides certificates more than any points do.",
                example: "A5 blocks 31% of productions",
                fix: "Check that productions can meet it: guidance, evidence, timing.")
        case .answersOutsideHistory:
            Entry(
                .warning, "Answer set outside the release history",
                explanation:
                    "The answer set names a framework or a version (or a digest) that none of the releases holds, so it cannot be migrated to the version the statistics are computed for. It is left out, and counted.",
                example: "answers written for a local build",
                fix: "Migrate the answers from a released version, or pass --releases with the release they name.")
        case .noAnswerFiles:
            Entry(
                .warning, "Folder without answer files",
                explanation:
                    "A folder given to `stats` holds no file it reads as answers: `*.json` (answer sets), `*.jsonl` (one per line) or `*.xlsx` (filled grids). Nothing of it is counted, so its productions are missing from the figures.",
                example: "ecoprod stats answers/ where the grids are named *.XLSX",
                fix: "Point at the folder that holds the answers, or rename the files with those extensions.")
        case .yamlSyntax, .yamlDuplicateKey, .yamlAnchor, .yamlAlias, .yamlTag, .yamlMultipleDocuments, .yamlComplexKey,
            .yamlDepthLimit, .yamlSizeLimit, .yamlNodeLimit, .yamlScalarLength, .yamlInvalidUTF8, .yamlTooManyProblems,
            .yamlCommentWithoutSpace, .yamlFlowIndentation, .yamlDashInFlow, .yamlDirective,
            .yamlBlockScalarIndentation, .unknownKey, .missingKey, .wrongType, .invalidValue, .emptyFile, .idPattern,
            .duplicateID, .invalidIDPattern, .invalidPoints, .invalidMandatory, .unknownDepartment, .emptyDepartment,
            .unknownProductionType, .unknownStage, .departmentFileTwice, .missingTranslation, .undeclaredLocale,
            .invalidLocaleTag, .thresholdRange, .missingComparison, .starLevelOrder, .starLevelBelowThreshold,
            .unreachableThreshold, .noSchemes, .invalidVersion, .versionAlreadyReleased, .versionNotIncreasing,
            .versionUnderstated, .criterionDisappeared, .staleReplaces, .mergeWithoutCombine, .combineWithoutMerge,
            .diffWithoutReleasePath,
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
