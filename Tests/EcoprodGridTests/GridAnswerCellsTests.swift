import EcoprodReports
import Testing

@testable import EcoprodGrid

/// An evidence cell is split into items at its line breaks, byte by byte, exactly as splitting
/// its `Character`s at `isNewline` would.
@Suite struct GridAnswerCellsTests {
    static let texts: [String] = [
        "", "one item", "a\nb", "a\r\nb", "a\rb", "a\u{0B}b\u{0C}c", "a\u{85}b", "a\u{2028}b\u{2029}c",
        "\n\na\n\n", "\r\n\r\n", "e\u{301}\nb\u{301}", "\n\u{301}x", "Pièce 1 : devis\nPièce 2 : facture 🎬", "a\r\r\nb",
        "\u{2027}\u{202A}",
    ]

    @Test(arguments: texts)
    func evidenceIsSplitAsCharactersAreAtLineBreaks(_ text: String) {
        #expect(GridAnswerCells.lines(text) == text.split(whereSeparator: \.isNewline).map(String.init))
    }
}
