import EcoprodReports

/// Text as SpreadsheetML carries it: any Swift string, both ways, without loss.
///
/// XML 1.0 cannot hold most C0 control characters, and a parser turns a literal carriage
/// return into a line feed. ECMA-376's ST_Xstring escape (`_xHHHH_`, Part 1, 22.9.2.19) carries
/// the characters XML forbids, and a literal `_xHHHH_` in the text is itself escaped as
/// `_x005F_xHHHH_`; Excel, LibreOffice and openpyxl all read it so. A carriage return is written
/// as `&#13;`, which survives parsing.
enum XMLText {
    /// Appends `text` escaped for element content and attribute values alike.
    static func escape(_ text: String, into output: inout String) {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x5F || $0 == 0xEF }) else {
            HTMLNode.escape(text, into: &output)
            return
        }
        var plain = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x09, 0x0A: plain.unicodeScalars.append(scalar)
            case 0x0D:
                HTMLNode.escape(plain, into: &output)
                plain = ""
                output += "&#13;"
            case 0x00..<0x20, 0xFFFE, 0xFFFF: plain += hexEscape(scalar.value)
            case 0x5F where isHexEscape(scalars, at: index): plain += hexEscape(0x5F)
            default: plain.unicodeScalars.append(scalar)
            }
            index += 1
        }
        HTMLNode.escape(plain, into: &output)
    }

    /// The text a cell holds once its `_xHHHH_` escapes are undone.
    static func unescape(_ text: String) -> String {
        // Most texts hold no `_x` at all: one pass over the bytes tells.
        var previous: UInt8 = 0
        guard
            text.utf8.contains(where: { byte in
                defer { previous = byte }
                return previous == UInt8(ascii: "_") && byte == UInt8(ascii: "x")
            })
        else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if isHexEscape(scalars, at: index),
                let value = UInt32(String(String.UnicodeScalarView(scalars[index + 2..<index + 6])), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                output.append(scalar)
                index += 7
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    /// Whether `_xHHHH_` starts at `index`.
    private static func isHexEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x", scalars[index + 6] == "_"
        else { return false }
        return scalars[index + 2..<index + 6].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hexEscape(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_"
    }
}
