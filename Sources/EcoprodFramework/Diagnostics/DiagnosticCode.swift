/// Every stable diagnostic code of the tool, in one enumeration.
///
/// A code never changes meaning. Each case is registered exactly once, with its default severity,
/// title, explanation and help (``DiagnosticCode/entry``), so that `ecoprod explain`, SARIF rule
/// metadata, the language server and the diagnostics page's table (docs/diagnostics.md) all read the same text. Raw values are
/// unique by construction (the compiler rejects a repeated raw value), and adding a case fails to
/// compile until its registry entry is written.
///
/// The enumeration lives in `EcoprodFramework`, below every stage that reports, so that the
/// compiler's codes, the verifier's and the scorer's share one table.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    // Y1xx: the strict YAML profile.
    case yamlSyntax = "Y101"
    case yamlDuplicateKey = "Y102"
    case yamlAnchor = "Y103"
    case yamlAlias = "Y104"
    case yamlTag = "Y105"
    case yamlMultipleDocuments = "Y106"
    case yamlComplexKey = "Y107"
    case yamlDepthLimit = "Y108"
    case yamlSizeLimit = "Y109"
    case yamlNodeLimit = "Y110"
    case yamlScalarLength = "Y111"
    case yamlInvalidUTF8 = "Y112"
    case yamlTooManyProblems = "Y113"
    case yamlCommentWithoutSpace = "Y114"
    case yamlFlowIndentation = "Y115"
    case yamlDashInFlow = "Y116"
    case yamlDirective = "Y117"
    case yamlBlockScalarIndentation = "Y118"
    // S2xx: keys and types.
    case unknownKey = "S201"
    case missingKey = "S202"
    case wrongType = "S203"
    case invalidValue = "S204"
    case emptyFile = "S205"
    // I3xx: identifiers.
    case idPattern = "I301"
    case duplicateID = "I302"
    case invalidIDPattern = "I303"
    // P4xx: points and mandatory flags.
    case invalidPoints = "P401"
    case invalidMandatory = "P402"
    // R5xx: references.
    case unknownDepartment = "R501"
    case emptyDepartment = "R502"
    case unknownProductionType = "R503"
    case unknownStage = "R504"
    case departmentFileTwice = "R505"
    // T6xx: translations.
    case missingTranslation = "T601"
    case undeclaredLocale = "T602"
    case invalidLocaleTag = "T603"
    // C7xx: the scoring policy.
    case thresholdRange = "C701"
    case missingComparison = "C702"
    case starLevelOrder = "C703"
    case starLevelBelowThreshold = "C704"
    case unreachableThreshold = "C705"
    case noSchemes = "C706"
    // V8xx: versions and releases.
    case invalidVersion = "V801"
    case versionAlreadyReleased = "V802"
    case versionNotIncreasing = "V803"
    case versionUnderstated = "V804"
    // M9xx: migration rules.
    case criterionDisappeared = "M901"
    case staleReplaces = "M902"
    case mergeWithoutCombine = "M903"
    case combineWithoutMerge = "M904"
    case conflictingRules = "M905"
    case retiredIDReused = "M906"
    case staleRetired = "M907"
    case diffWithoutReleasePath = "M908"
    // B1xx: bundles.
    case bundleSyntax = "B101"
    case bundleDigestMissing = "B102"
    case bundleFormat = "B103"
    case bundleStructure = "B104"
    case bundleDigestMismatch = "B105"
    case bundleUnknownMember = "B106"
    case bundleLayout = "B107"
    case bundleIntegrity = "B108"
    case bundleLineage = "B109"
    // G1xx: signatures and signers (SSHSIG, allowed_signers).
    case signatureMissing = "G101"
    case signatureInvalid = "G102"
    case signerUnknown = "G103"
    case signerOutsideValidity = "G104"
    case signatureNamespace = "G105"
    case signerNotInLineage = "G106"
    case signatureMalformed = "G107"
    case allowedSignersMalformed = "G108"
    case statementMismatch = "G109"
    case statementMalformed = "G110"
    // A1xx: answer sets, scoring and migration.
    case answersSyntax = "A101"
    case answersStructure = "A102"
    case answersStatus = "A103"
    case answersUnknownCriterion = "A104"
    case answersUnknownType = "A105"
    case answersUnknownScheme = "A106"
    case answersVersionMismatch = "A107"
    case answersNotApplicableRefused = "A108"
    case answersBundleNotFound = "A109"
    case migrationRefused = "A110"
    // X1xx: grids (xlsx workbooks).
    case gridNotAWorkbook = "X101"
    case gridEncrypted = "X102"
    case gridLimit = "X103"
    case gridUnsafePath = "X104"
    case gridXML = "X105"
    case gridMissingPart = "X106"
    case gridIdentity = "X107"
    case gridStructure = "X108"
    case gridStatus = "X109"
    case gridPreserved = "X110"
    case gridPreservedDropped = "X111"
    case gridAmbiguous = "X112"
    case gridFormula = "X113"
    // J1xx: batch streams (JSONL).
    case lineTooLong = "J101"
    case lineMemberReserved = "J102"
    // U1xx: audit plans, findings and certificates.
    case findingsMalformed = "U101"
    case findingsForAnotherPlan = "U102"
    case findingsCoverage = "U103"
    case planMalformed = "U104"
    case planForAnotherStatement = "U105"
    case sampleDiffers = "U106"
    case certificateDenied = "U107"
    case certificateMalformed = "U108"
    case certificateDiffers = "U109"
    case claimRefuted = "U110"
    case noAuditPolicy = "U111"
    case certificateInputsDiffer = "U112"
    // Q1xx: statistics across productions, for the editors.
    case criterionAlwaysMet = "Q101"
    case criterionNegativelyCorrelated = "Q102"
    case criterionOftenNotApplicable = "Q103"
    case mandatoryOftenBlocks = "Q104"
    case answersOutsideHistory = "Q105"
    case noAnswerFiles = "Q106"
    // E1xx: the public register (a C2SP tiled transparency log).
    case registerMalformed = "E101"
    case checkpointNotSigned = "E102"
    case tileDiffers = "E103"
    case rootDiffers = "E104"
    case registerInconsistent = "E105"
    case eventOutOfOrder = "E106"
    case proofInvalid = "E107"
    case entryMalformed = "E108"
    case registerKeyMalformed = "E109"
    case registerFileMissing = "E110"
    // F0xx, W0xx, L0xx: files, writes and locks.
    case fileUnreadable = "F001"
    case missingFrameworkFile = "F002"
    case pathOutsideFramework = "F003"
    case fileNameNotUTF8 = "F004"
    case writeRefused = "W001"
    case writeFailed = "W002"
    case releaseLocked = "L001"

    public var description: String { rawValue }

    /// The code named `text`, case-insensitively (`p401` is P401); nil for an unknown code.
    public init?(named text: String) {
        self.init(rawValue: text.uppercased())
    }

    /// The registered codes nearest to `text`, for "did you mean" on an unknown code: the same
    /// family letter first, then the fewest differing characters.
    public static func nearest(to text: String, limit: Int = 3) -> [DiagnosticCode] {
        let wanted = Array(text.uppercased())
        func distance(_ code: DiagnosticCode) -> Int {
            let candidate = Array(code.rawValue)
            let sameLength = zip(candidate, wanted).filter { $0 != $1 }.count + abs(candidate.count - wanted.count)
            return sameLength + (candidate.first == wanted.first ? 0 : 2)
        }
        return allCases.sorted { (distance($0), $0) < (distance($1), $1) }.prefix(limit).map { $0 }
    }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
