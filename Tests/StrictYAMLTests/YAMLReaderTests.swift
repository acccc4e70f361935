import Testing

@testable import StrictYAML

private func read(_ text: String, limits: YAMLLimits = .default) -> YAMLReadResult {
    YAMLReader(limits: limits).read(Array(text.utf8), file: "t.yaml")
}

private func read(bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLReadResult {
    YAMLReader(limits: limits).read(bytes, file: "t.yaml")
}

struct HostileInput: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var kind: YAMLProblem.Kind
    var line: Int
    var column: Int
    var testDescription: String { name }
}

private let aliasBomb = """
    a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
    e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]

    """

@Suite struct YAMLReaderTests {
    static let hostile: [HostileInput] = [
        .init(name: "duplicate key", bytes: Array("a: 1\nb: 2\na: 3\n".utf8), kind: .duplicateKey, line: 3, column: 1),
        .init(name: "anchor", bytes: Array("a: &x 1\n".utf8), kind: .anchor, line: 1, column: 4),
        .init(name: "alias bomb", bytes: Array(aliasBomb.utf8), kind: .anchor, line: 1, column: 4),
        .init(
            name: "python tag", bytes: Array("a: !!python/object:os.system ls\n".utf8), kind: .tag, line: 1, column: 4),
        .init(name: "local tag", bytes: Array("a: !custom 1\n".utf8), kind: .tag, line: 1, column: 4),
        .init(
            name: "second document", bytes: Array("a: 1\n---\nb: 2\n".utf8), kind: .multipleDocuments, line: 2,
            column: 1),
        .init(name: "tab indentation", bytes: Array("a:\n\tb: 1\n".utf8), kind: .syntax, line: 2, column: 1),
        .init(name: "unterminated quote", bytes: Array("a: \"open\nb: 2\n".utf8), kind: .syntax, line: 3, column: 1),
        .init(
            name: "100,000 nested brackets", bytes: Array(String(repeating: "[", count: 100_000).utf8),
            kind: .depthLimit, line: 1, column: 65),
        .init(
            name: "invalid UTF-8", bytes: Array("a: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8), kind: .invalidUTF8,
            line: 1, column: 7),
        .init(
            name: "overlong UTF-8", bytes: Array("a: b\nc: ".utf8) + [0xC0, 0xAF], kind: .invalidUTF8, line: 2,
            column: 4),
        .init(name: "complex key", bytes: Array("? [a, b]\n: 1\n".utf8), kind: .complexKey, line: 1, column: 3),
        .init(
            name: "NUL byte", bytes: Array("a: b".utf8) + [0x00] + Array("\n".utf8), kind: .syntax, line: 1, column: 5),
    ]

    @Test(arguments: hostile)
    func refusesHostileInputWithPosition(_ input: HostileInput) {
        let result = read(bytes: input.bytes)
        let problem = result.problems.first { $0.kind == input.kind }
        #expect(problem != nil, "expected a \(input.kind) problem, got \(result.problems.map(\.kind))")
        #expect(problem?.range.file == "t.yaml")
        #expect(problem?.range.start == SourcePosition(line: input.line, column: input.column))
    }

    @Test func duplicateKeyNotesTheFirstAndReadingGoesOn() throws {
        let result = read("a: 1\nb: 2\na: 3\nb: 4\nc: 5\n")
        #expect(result.problems.map(\.kind) == [.duplicateKey, .duplicateKey])
        let first = try #require(result.problems.first)
        #expect(first.related.first?.range.start == SourcePosition(line: 1, column: 1))
        let keys = result.root?.mappingEntries?.map(\.keyText)
        #expect(keys == ["a", "b", "c"])
        #expect(result.root?.mappingEntries?.first?.value.scalar?.value == "1", "the first value is kept")
    }

    @Test func aliasBombIsRefusedWithoutExpansion() {
        let result = read(aliasBomb)
        #expect(result.problems.filter { $0.kind == .alias }.count == 36)
        #expect(result.problems.filter { $0.kind == .anchor }.count == 4)
    }

    @Test(arguments: ["no", "NO", "off", "yes", "1.10", "0x10", "~x", "2024-01-01"])
    func scalarsStayText(_ text: String) {
        let result = read("v: \(text)\n")
        #expect(result.problems.isEmpty)
        #expect(result.root?.mappingEntries?.first?.value.scalar?.value == text)
    }

    @Test func coreTagsAreAccepted() {
        let result = read("a: !!str 12\nb: !!int 3\n")
        #expect(result.problems.isEmpty)
        #expect(result.root?.mappingEntries?.first?.value.tag == "tag:yaml.org,2002:str")
    }

    @Test func byteOrderMarkAndCRLFKeepLineNumbers() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: 2\r\na: 3\r\n".utf8)
        let result = read(bytes: bytes)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.range.start == SourcePosition(line: 3, column: 1))
        let b = result.root?.mappingEntries?[1]
        #expect(b?.key.range.start == SourcePosition(line: 2, column: 1))
        #expect(b?.value.range.start == SourcePosition(line: 2, column: 4))
    }

    @Test func columnsCountUnicodeScalars() {
        let result = read("é: ça\nœ: [a, &x b]\n")
        let anchor = result.problems.first { $0.kind == .anchor }
        #expect(anchor?.range.start == SourcePosition(line: 2, column: 8))
    }

    @Test func rangesSpanNodes() {
        let result = read("list:\n  - one\n  - two\n")
        let list = result.root?.mappingEntries?.first?.value
        #expect(list?.range.start == SourcePosition(line: 2, column: 3))
        #expect(list?.sequenceItems?.last?.range.end == SourcePosition(line: 3, column: 8))
    }

    @Test func emptyFileHasNoRoot() {
        let result = read("# only a comment\n")
        #expect(result.root == nil)
        #expect(result.problems.isEmpty)
    }

    struct LimitCase: Sendable, CustomTestStringConvertible {
        var name: String
        var limits: YAMLLimits
        var text: String
        var kind: YAMLProblem.Kind
        var testDescription: String { name }
    }

    static let limitCases: [LimitCase] = [
        .init(name: "file size", limits: YAMLLimits(maxFileBytes: 10), text: "a: 12345678\n", kind: .sizeLimit),
        .init(name: "depth", limits: YAMLLimits(maxDepth: 3), text: "a: [[[1]]]\n", kind: .depthLimit),
        .init(name: "nodes", limits: YAMLLimits(maxNodes: 4), text: "[1, 2, 3, 4]\n", kind: .nodeLimit),
        .init(name: "scalar length", limits: YAMLLimits(maxScalarBytes: 4), text: "a: 12345\n", kind: .scalarLength),
    ]

    @Test(arguments: limitCases)
    func limitJustOverIsReported(_ limit: LimitCase) {
        let result = read(limit.text, limits: limit.limits)
        #expect(result.problems.contains { $0.kind == limit.kind })
    }

    @Test(arguments: limitCases)
    func limitJustAtIsAccepted(_ limit: LimitCase) {
        var relaxed = limit.limits
        switch limit.kind {
        case .sizeLimit: relaxed.maxFileBytes = limit.text.utf8.count
        case .depthLimit: relaxed.maxDepth += 1
        case .nodeLimit: relaxed.maxNodes += 1
        case .scalarLength: relaxed.maxScalarBytes += 1
        default: break
        }
        #expect(!read(limit.text, limits: relaxed).problems.contains { $0.kind == limit.kind })
    }

    @Test func problemsPerFileAreCapped() {
        let text = (0..<300).map { "k\($0 % 2): &a\($0) v" }.joined(separator: "\n")
        let result = read(text, limits: YAMLLimits(maxProblems: 10))
        #expect(result.problems.count == 11)
        #expect(result.problems.last?.kind == .tooManyProblems)
    }
}

/// Control characters reach no text, written raw or as an escape: each escape below is refused
/// at its scalar (it once passed `check` and reached terminals, CSV and pull requests).
@Suite struct ControlEscapeTests {
    @Test(arguments: [
        #"title: "\e]0;PWNED\a\e[31m""#, #"title: "\x9b2J""#, #"title: "a\rb""#, #"title: "\0""#, #"title: "\N""#,
        #"title: "\x7f""#, #"title: "\u0085""#, #"title: 'a' # fine"# + "\n" + #"b: "\x1b""#,
    ])
    func anEscapedControlIsRefused(_ text: String) {
        let result = read(text + "\n")
        let problem = result.problems.first { $0.kind == .syntax }
        #expect(problem != nil, "\(text) passed: \(result.problems)")
        #expect(problem?.message.contains("control character") == true)
        #expect(problem?.range.start.line == text.split(separator: "\n").count)
    }

    @Test(arguments: [#"title: "tab\there""#, #"title: "two\nlines""#, #"title: "é\u00e9 – ok""#])
    func tabAndLineFeedEscapesStayAllowed(_ text: String) {
        #expect(read(text + "\n").problems.isEmpty)
    }
}
