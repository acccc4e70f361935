/// Matches a command's output against the lines a page expects, with trycmd's wildcards.
///
/// - `[..]` inside a line matches any text on that line, empty included;
/// - a line holding only `...` matches any number of lines, none included;
/// - `[CWD]` stands for the scratch copy the docs run in (the runner puts it in the output).
///
/// Digests and dates that a release legitimately changes are written with `[..]`; everything
/// else is compared exactly, trailing spaces included.
enum ConsolePattern {
    static func matches(_ expected: [String], _ actual: [String]) -> Bool {
        // match[i][j]: expected[i...] matches actual[j...]. Filled from the end.
        var match = Array(repeating: Array(repeating: false, count: actual.count + 1), count: expected.count + 1)
        match[expected.count][actual.count] = true
        for i in stride(from: expected.count - 1, through: 0, by: -1) {
            for j in stride(from: actual.count, through: 0, by: -1) {
                if expected[i] == "..." {
                    match[i][j] = match[i + 1][j] || (j < actual.count && match[i][j + 1])
                } else {
                    match[i][j] = j < actual.count && line(expected[i], matches: actual[j]) && match[i + 1][j + 1]
                }
            }
        }
        return match[0][0]
    }

    /// One line against a pattern whose `[..]` match any text.
    static func line(_ pattern: String, matches text: String) -> Bool {
        let pieces = pattern.components(separatedBy: "[..]")
        guard pieces.count > 1 else { return pattern == text }
        guard text.count >= pieces[0].count + pieces[pieces.count - 1].count, text.hasPrefix(pieces[0]),
            text.dropFirst(pieces[0].count).hasSuffix(pieces[pieces.count - 1])
        else {
            return false
        }
        var rest = Substring(text.dropFirst(pieces[0].count).dropLast(pieces[pieces.count - 1].count))
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = rest.range(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}
