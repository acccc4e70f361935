import EcoprodFramework
import StrictYAML

extension DiagnosticCode {
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
        case .commentWithoutSpace: return .yamlCommentWithoutSpace
        case .flowIndentation: return .yamlFlowIndentation
        case .dashInFlow: return .yamlDashInFlow
        case .directive: return .yamlDirective
        case .blockScalarIndentation: return .yamlBlockScalarIndentation
        }
    }
}

extension SourceLocation {
    /// The location of a YAML node's range.
    public init(_ range: SourceRange) {
        self.init(
            file: range.file, line: range.start.line, column: range.start.column, endLine: range.end.line,
            endColumn: range.end.column)
    }
}
