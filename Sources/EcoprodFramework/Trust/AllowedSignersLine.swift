/// The lexical layer of an allowed-signers line: fields split on white space outside double
/// quotes, and the comma-separated options of the options field.
enum AllowedSignersLine {
    /// The white-space-separated fields, quotes kept inside a field, each with its 1-based column.
    static func fields(_ text: String, line: Int) throws(AllowedSigners.Problem) -> [(text: String, column: Int)] {
        var fields: [(text: String, column: Int)] = []
        var current = ""
        var start = 0
        var quoted = false
        var quoteColumn = 0
        for (offset, character) in text.enumerated() {
            if character == "\"" {
                if !quoted { quoteColumn = offset + 1 }
                quoted.toggle()
            }
            if !quoted, character == " " || character == "\t" {
                if !current.isEmpty { fields.append((current, start + 1)) }
                current = ""
                continue
            }
            if current.isEmpty { start = offset }
            current.append(character)
        }
        guard !quoted else {
            throw AllowedSigners.Problem(message: "unterminated quote", line: line, column: quoteColumn)
        }
        if !current.isEmpty { fields.append((current, start + 1)) }
        return fields
    }

    /// A comma-separated list, surrounding quotes removed: `"a,b"` is `[a, b]`.
    static func list(_ text: String) -> [String] {
        unquote(text).split(separator: ",").map(String.init)
    }

    static func unquote(_ text: String) -> String {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
    }

    /// `name` or `name="value"` options separated by commas outside quotes, with their offsets.
    static func options(_ text: String) -> [(name: String, value: String?, offset: Int)] {
        var options: [(name: String, value: String?, offset: Int)] = []
        var current = ""
        var start = 0
        var quoted = false
        func flush() {
            guard !current.isEmpty else { return }
            if let equals = current.firstIndex(of: "=") {
                options.append(
                    (String(current[..<equals]), unquote(String(current[current.index(after: equals)...])), start))
            } else {
                options.append((current, nil, start))
            }
        }
        for (offset, character) in text.enumerated() {
            if character == "\"" { quoted.toggle() }
            if character == ",", !quoted {
                flush()
                current = ""
                continue
            }
            if current.isEmpty { start = offset }
            current.append(character)
        }
        flush()
        return options
    }
}
