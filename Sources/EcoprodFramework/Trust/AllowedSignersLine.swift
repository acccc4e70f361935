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

    /// The options field read as OpenSSH's `sshsigopt_parse` reads it: each option is
    /// `cert-authority` or `name="value"` (the quotes required, `\"` inside them a quote), options
    /// are separated by single commas, a name may appear once, and anything else is refused
    /// with its 0-based offset. Names compare without regard to case.
    static func options(_ text: String) throws(OptionProblem) -> [(name: String, value: String?, offset: Int)] {
        let characters = Array(text)
        var options: [(name: String, value: String?, offset: Int)] = []
        var index = 0
        while index < characters.count {
            let start = index
            if let name = valuedOptions.first(where: { starts(characters, at: index, with: $0 + "=") }) {
                guard !options.contains(where: { $0.name == name }) else {
                    throw OptionProblem(message: "multiple \"\(name)\" clauses", offset: start)
                }
                index += name.count + 1
                options.append((name, try dequote(characters, at: &index), start))
            } else if starts(characters, at: index, with: "cert-authority") {
                index += "cert-authority".count
                options.append(("cert-authority", nil, start))
            } else {
                let name = String(characters[index...].prefix { $0 != "," && $0 != "=" })
                throw OptionProblem(message: "unknown option '\(name)'", offset: start)
            }
            if index == characters.count { break }
            guard characters[index] == "," else {
                throw OptionProblem(message: "unknown key option after \(options.last?.name ?? "")", offset: index)
            }
            index += 1
            guard index < characters.count else {
                throw OptionProblem(message: "unexpected end of options after ','", offset: index - 1)
            }
        }
        return options
    }

    /// The options that take a quoted value.
    static let valuedOptions = ["namespaces", "valid-after", "valid-before"]

    /// A problem in the options field, at an offset into it.
    struct OptionProblem: Error {
        var message: String
        var offset: Int
    }

    private static func starts(_ characters: [Character], at index: Int, with name: String) -> Bool {
        let name = Array(name)
        guard index + name.count <= characters.count else { return false }
        return zip(characters[index..<(index + name.count)], name).allSatisfy { $0.lowercased() == $1.lowercased() }
    }

    /// A double-quoted value at `index`, which moves past its closing quote.
    private static func dequote(_ characters: [Character], at index: inout Int) throws(OptionProblem) -> String {
        guard index < characters.count, characters[index] == "\"" else {
            throw OptionProblem(
                message: "missing start quote: OpenSSH requires the value in double quotes", offset: index)
        }
        let start = index
        index += 1
        var value = ""
        while index < characters.count, characters[index] != "\"" {
            if characters[index] == "\\", index + 1 < characters.count, characters[index + 1] == "\"" { index += 1 }
            value.append(characters[index])
            index += 1
        }
        guard index < characters.count else { throw OptionProblem(message: "missing end quote", offset: start) }
        index += 1
        return value
    }
}
