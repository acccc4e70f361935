import EcoprodFramework

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), so that
/// problems show as annotations on a pull request's changed lines.
public struct GitHubDiagnosticRenderer: DiagnosticRenderer {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { diagnostic in
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var message = (diagnostic.location.cell.map { $0 + ": " } ?? "") + diagnostic.message
            for note in diagnostic.notes {
                message +=
                    "\nnote: " + (note.location.map { "\($0.file):\($0.line):\($0.column): " } ?? "") + note.message
            }
            if let help = diagnostic.help { message += "\nhelp: " + help }
            let location = diagnostic.location
            var properties =
                "file=\(Self.escapeProperty(location.file))"
                + (location.isWholeFile ? "" : ",line=\(location.line),col=\(location.column)")
            if let endLine = location.endLine, let endColumn = location.endColumn {
                properties += ",endLine=\(endLine),endColumn=\(endColumn)"
            }
            properties += ",title=\(Self.escapeProperty("ecoprod \(diagnostic.code)"))"
            return "::\(command) \(properties)::\(Self.escapeData(message))\n"
        }.joined()
    }

    /// Escapes a message as the workflow-command parser expects: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// Escapes a property value: as data, plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// Replaces each character found in `table` in one pass, so replacements are never re-escaped.
    /// Works on Unicode scalars, so that CR LF (one Swift `Character`) is escaped as two.
    func replacingAll(_ table: [Unicode.Scalar: String]) -> String {
        var output = ""
        output.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let replacement = table[scalar] { output += replacement } else { output.unicodeScalars.append(scalar) }
        }
        return output
    }
}
