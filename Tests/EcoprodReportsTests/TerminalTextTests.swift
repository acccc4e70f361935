import EcoprodFramework
import Foundation
import Testing

@testable import EcoprodReports

/// Untrusted text never reaches a terminal as control sequences: every text renderer shows it
/// escaped, and the machine formats keep it exact in their own escaping.
struct TerminalTextTests {
    /// Sets the terminal's title, clears the screen, rings, and reverses the line.
    static let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J \u{9B}31m \u{202E}droW\u{2066} \u{7F}"

    /// Whether `text` holds anything a terminal acts on (a line break aside).
    static func isInert(_ text: String) -> Bool {
        !text.unicodeScalars.contains { TerminalText.needsEscape($0, true) }
    }

    @Test(arguments: [
        ("\u{1B}[2J", "\\u{1B}[2J"), ("a\tb", "a\\tb"), ("\u{7F}", "\\u{7F}"), ("\u{85}", "\\u{85}"),
        ("\u{202E}x", "\\u{202E}x"),
        ("\u{2069}", "\\u{2069}"), ("line\nbreak", "line\\nbreak"), ("é « ok » 🎬", "é « ok » 🎬"),
    ])
    func controlsAreShownEscaped(_ text: String, _ shown: String) {
        #expect(TerminalText.visible(text) == shown)
        #expect(TerminalText.visible("a\nb", keepsLineBreaks: true) == "a\nb")
    }

    @Test func textDiagnosticsEscapeMessagesNotesHelpAndQuotedLines() {
        let source = Array("points: \"\(Self.hostile)\"\nnext: 1\n".utf8)
        let diagnostic = Diagnostic(
            .wrongType, "points must be an integer, found '\(Self.hostile)'",
            at: SourceLocation(file: "evil\u{1B}.yaml", line: 1, column: 9),
            notes: [Diagnostic.Note("first \(Self.hostile)", at: SourceLocation(file: "x", line: 1, column: 1))],
            help: "help \(Self.hostile)")
        for colour in [false, true] {
            let text = TextDiagnosticRenderer(sources: ["evil\u{1B}.yaml": source], colour: colour).render([diagnostic])
            // With colour, the renderer's own SGR sequences are the only escapes.
            let withoutColour = text.replacingOccurrences(
                of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            #expect(Self.isInert(withoutColour), "\(withoutColour.debugDescription)")
            #expect(withoutColour.contains("\\u{1B}]0;owned\\u{7}"))
        }
        // The caret still points under the value, counted in what is shown.
        let plain = TextDiagnosticRenderer(sources: ["f": source], colour: false).render([
            Diagnostic(.wrongType, "m", at: SourceLocation(file: "f", line: 1, column: 14, endLine: 1, endColumn: 19))
        ])
        let lines = plain.split(separator: "\n", omittingEmptySubsequences: false)
        let quoted = lines[2]
        let caret = lines[3]
        let column = caret.distance(from: caret.startIndex, to: caret.firstIndex(of: "^")!)
        #expect(quoted.dropFirst(column).hasPrefix("owned"), "\(quoted)\n\(caret)")
    }

    @Test func theScoreAndDiffTextEscapeInputTexts() throws {
        var scored = try ScoreHTMLRendererTests.example()
        scored.report.production.title = Self.hostile
        scored.report.production.scheme = Self.hostile
        #expect(Self.isInert(ScoreTextRenderer().render(scored)))
        var framework = scored.bundle.framework
        framework.criteria[0].title = LocalizedText(["fr": Self.hostile, "en": Self.hostile])
        let diff = FrameworkDiff(from: scored.bundle.framework, to: framework)
        #expect(!diff.changes.isEmpty)
        #expect(Self.isInert(DiffTextRenderer().render(diff)))
        // Machine formats keep the exact text, in JSON's escaping.
        let json = DiffJSONRenderer().render(diff)
        #expect(json.contains("\\u001b]0;owned\\u0007"))
    }
}
