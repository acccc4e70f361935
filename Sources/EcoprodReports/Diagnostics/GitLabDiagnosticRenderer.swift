import EcoprodFramework

/// A GitLab Code Quality report (`artifacts: reports: codequality`): a JSON array of issues,
/// each with its description, check, fingerprint, severity and place, so that a merge request
/// shows the framework's problems on its changed lines.
public struct GitLabDiagnosticRenderer: DiagnosticRenderer {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        let issues = diagnostics.map { diagnostic -> JSONValue in
            let location = diagnostic.location
            let severity: String
            switch diagnostic.severity {
            case .error: severity = "critical"
            case .warning: severity = "minor"
            case .note: severity = "info"
            }
            let description = (location.cell.map { $0 + ": " } ?? "") + diagnostic.message
            // Stable from run to run for the same problem, so GitLab tells new problems from old.
            let identity =
                "\(diagnostic.code)|\(location.file)|\(location.line)|\(location.column)|\(diagnostic.message)"
            let fingerprint = HexDigest.sha256(identity)
            return [
                "description": .string(description), "check_name": .string(diagnostic.code.rawValue),
                "fingerprint": .string(fingerprint), "severity": .string(severity),
                "location": ["path": .string(location.file), "lines": ["begin": .integer(max(location.line, 1))]],
            ]
        }
        return String(decoding: JSONValue.array(issues).prettyBytes(), as: UTF8.self)
    }
}
