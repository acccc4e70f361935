import EcoprodFramework

/// Prints a run's diagnostics in one output format. One renderer per format, as SwiftLint has
/// one reporter per format; the CLI picks one with `--format`.
public protocol DiagnosticRenderer: Sendable {
    /// The whole output for a sorted list of diagnostics, ending with a newline when not empty.
    func render(_ diagnostics: [Diagnostic]) -> String
}

/// The output formats of `--format`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif, gitlab

    /// The renderer for this format. `sources` gives the text renderer the lines it quotes.
    public func renderer(sources: [String: [UInt8]] = [:], colour: Bool = false) -> any DiagnosticRenderer {
        switch self {
        case .text: return TextDiagnosticRenderer(sources: sources, colour: colour)
        case .json: return JSONDiagnosticRenderer()
        case .github: return GitHubDiagnosticRenderer()
        case .sarif: return SARIFDiagnosticRenderer()
        case .gitlab: return GitLabDiagnosticRenderer()
        }
    }
}

extension Array where Element == Diagnostic {
    /// "2 errors, 1 warning": the summary line of a run.
    public var summaryLine: String {
        let errors = filter { $0.severity == .error }.count
        let warnings = filter { $0.severity == .warning }.count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}
