import EcoprodFramework
import StrictYAML

/// Codes for problems in `Framework/` sources. They never change meaning; the README lists them.
extension DiagnosticCode {
    // Y1xx: the strict YAML profile.
    public static let yamlSyntax = DiagnosticCode("Y101")
    public static let yamlDuplicateKey = DiagnosticCode("Y102")
    public static let yamlAnchor = DiagnosticCode("Y103")
    public static let yamlAlias = DiagnosticCode("Y104")
    public static let yamlTag = DiagnosticCode("Y105")
    public static let yamlMultipleDocuments = DiagnosticCode("Y106")
    public static let yamlComplexKey = DiagnosticCode("Y107")
    public static let yamlDepthLimit = DiagnosticCode("Y108")
    public static let yamlSizeLimit = DiagnosticCode("Y109")
    public static let yamlNodeLimit = DiagnosticCode("Y110")
    public static let yamlScalarLength = DiagnosticCode("Y111")
    public static let yamlInvalidUTF8 = DiagnosticCode("Y112")
    public static let yamlTooManyProblems = DiagnosticCode("Y113")
    // S2xx: keys and types.
    public static let unknownKey = DiagnosticCode("S201")
    public static let missingKey = DiagnosticCode("S202")
    public static let wrongType = DiagnosticCode("S203")
    public static let invalidValue = DiagnosticCode("S204")
    public static let emptyFile = DiagnosticCode("S205")
    // I3xx: identifiers.
    public static let idPattern = DiagnosticCode("I301")
    public static let duplicateID = DiagnosticCode("I302")
    public static let invalidIDPattern = DiagnosticCode("I303")
    // P4xx: points and mandatory flags.
    public static let invalidPoints = DiagnosticCode("P401")
    public static let invalidMandatory = DiagnosticCode("P402")
    // R5xx: references.
    public static let unknownDepartment = DiagnosticCode("R501")
    public static let emptyDepartment = DiagnosticCode("R502")
    public static let unknownProductionType = DiagnosticCode("R503")
    public static let unknownStage = DiagnosticCode("R504")
    public static let departmentFileTwice = DiagnosticCode("R505")
    // T6xx: translations.
    public static let missingTranslation = DiagnosticCode("T601")
    public static let undeclaredLocale = DiagnosticCode("T602")
    // C7xx: scoring policy.
    public static let thresholdRange = DiagnosticCode("C701")
    public static let missingComparison = DiagnosticCode("C702")
    public static let starLevelOrder = DiagnosticCode("C703")
    public static let starLevelBelowThreshold = DiagnosticCode("C704")
    public static let unreachableThreshold = DiagnosticCode("C705")
    public static let noSchemes = DiagnosticCode("C706")
    // V8xx: versions.
    public static let invalidVersion = DiagnosticCode("V801")
    // F0xx: files.
    public static let missingFrameworkFile = DiagnosticCode("F002")
    public static let pathOutsideFramework = DiagnosticCode("F003")

    /// The code for each kind of strict-YAML problem.
    static func forYAMLProblem(_ kind: YAMLProblem.Kind) -> DiagnosticCode {
        switch kind {
        case .syntax: return .yamlSyntax
        case .duplicateKey: return .yamlDuplicateKey
        case .anchor: return .yamlAnchor
        case .alias: return .yamlAlias
        case .tag: return .yamlTag
        case .multipleDocuments: return .yamlMultipleDocuments
        case .complexKey: return .yamlComplexKey
        case .depthLimit: return .yamlDepthLimit
        case .sizeLimit: return .yamlSizeLimit
        case .nodeLimit: return .yamlNodeLimit
        case .scalarLength: return .yamlScalarLength
        case .invalidUTF8: return .yamlInvalidUTF8
        case .tooManyProblems: return .yamlTooManyProblems
        }
    }
}

extension SourceLocation {
    /// The location of a YAML node's range.
    init(_ range: SourceRange) {
        self.init(file: range.file, line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column)
    }
}
