import EcoprodFramework

/// `file:line:col: error[CODE]: message`, the source line with a caret under the problem, then
/// notes and help: the format a person reads in a terminal.
///
/// Colour is the caller's decision (a TTY, and NO_COLOR unset); the renderer only applies it.
/// Every text that came from an input (messages quote values, lines are quoted) is shown through
/// ``TerminalText``, so an input cannot send a terminal control sequence.
public struct TextDiagnosticRenderer: DiagnosticRenderer {
    /// The bytes of each file, by the path diagnostics use, for the quoted source line.
    public var sources: [String: [UInt8]]
    public var colour: Bool

    public init(sources: [String: [UInt8]], colour: Bool) {
        self.sources = sources
        self.colour = colour
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var cache: [String: [Substring]] = [:]
        var output = ""
        for diagnostic in diagnostics {
            output += render(diagnostic, lines: &cache)
        }
        return output
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func severityLabel(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return paint("error", "1;31")
        case .warning: return paint("warning", "1;33")
        case .note: return paint("note", "1;36")
        }
    }

    private func lines(of file: String, cache: inout [String: [Substring]]) -> [Substring]? {
        if let cached = cache[file] { return cached }
        guard let bytes = sources[file] else { return nil }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let split = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        cache[file] = split
        return split
    }

    private func render(_ diagnostic: Diagnostic, lines cache: inout [String: [Substring]]) -> String {
        let location = diagnostic.location
        let visible = { (text: String) in TerminalText.visible(text) }
        let place =
            location.cell.map { "\(visible(location.file)):\(visible($0)):" }
            ?? (location.isWholeFile
                ? "\(visible(location.file)):" : "\(visible(location.file)):\(location.line):\(location.column):")
        var output =
            "\(paint(place, "1")) \(severityLabel(diagnostic.severity))[\(diagnostic.code)]: \(paint(visible(diagnostic.message), "1"))\n"
        if location.cell == nil, let lines = lines(of: location.file, cache: &cache), location.line >= 1,
            location.line <= lines.count
        {
            let line = Array(String(lines[location.line - 1]).replacingTabs().unicodeScalars)
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            let startColumn = min(max(location.column, 1), line.count + 1)
            var width = 1
            if location.endLine == location.line, let end = location.endColumn, end > startColumn {
                width = min(end, line.count + 1) - startColumn
            }
            // Columns count scalars of the line as written; the caret counts what is shown.
            func shown(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
                TerminalText.visible(String(String.UnicodeScalarView(scalars))).unicodeScalars.count
            }
            let before = shown(line[..<(startColumn - 1)])
            let underlined = max(1, shown(line[(startColumn - 1)..<min(line.count, startColumn - 1 + width)]))
            let marker = "^" + String(repeating: "~", count: max(0, underlined - 1))
            output += " \(gutter) |\n"
            output += " \(number) | \(TerminalText.visible(String(String.UnicodeScalarView(line))))\n"
            output +=
                " \(gutter) | \(String(repeating: " ", count: before))\(paint(marker, diagnostic.severity == .error ? "1;31" : "1;33"))\n"
        }
        for note in diagnostic.notes {
            if let at = note.location {
                output +=
                    "  \(paint("note", "1;36")): \(visible(at.file)):\(at.line):\(at.column): \(visible(note.message))\n"
            } else {
                output += "  \(paint("note", "1;36")): \(visible(note.message))\n"
            }
        }
        if let help = diagnostic.help {
            output += "  \(paint("help", "1;32")): \(visible(help))\n"
        }
        return output
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}
