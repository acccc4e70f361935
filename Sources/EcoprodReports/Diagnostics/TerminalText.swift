/// Text that may reach a terminal, with every character a terminal would act on shown in a
/// visible, escaped form.
///
/// Answer sets come from productions and sources from editors: a title holding
/// `ESC ] 0 ; … BEL` would set the terminal's title, `ESC [ 2 J` clear the screen, and the
/// bidirectional overrides reorder what a reviewer reads. Human-readable outputs (text
/// diagnostics, score and diff text, progress) pass their texts through here; machine formats
/// keep the exact text in their own escaping.
public enum TerminalText {
    /// `text` with C0 controls (but a line break where `keepsLineBreaks`), DEL, C1 controls and
    /// the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
    /// written as `\u{…}` (`\t`, `\r`, `\n` for those three).
    public static func visible(_ text: String, keepsLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepsLineBreaks) }) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepsLineBreaks) else {
                output.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case "\n": output += "\\n"
            default: output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return output
    }

    static func needsEscape(_ scalar: Unicode.Scalar, _ keepsLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: return !keepsLineBreaks
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
