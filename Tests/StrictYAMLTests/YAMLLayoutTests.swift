import Testing

@testable import StrictYAML

/// YAML 1.2 layout rules that libyaml 0.2.5 reads through: each is refused at its position, with
/// its own kind, and the valid forms next to them stay valid.
struct YAMLLayoutTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var kind: YAMLProblem.Kind
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let invalid: [Case] = [
        .init(
            name: "comment glued to a double-quoted scalar", text: "department: \"A\"# c\n", kind: .commentWithoutSpace,
            line: 1, column: 16),
        .init(
            name: "comment glued to a single-quoted scalar", text: "a:\n  b: 'x'#c\n", kind: .commentWithoutSpace,
            line: 2, column: 9),
        .init(
            name: "comment glued to a literal indicator", text: "a: |# c\n  x\n", kind: .commentWithoutSpace, line: 1,
            column: 5),
        .init(
            name: "comment glued to a folded indicator with chomping", text: "a: >-#c\n  x\n",
            kind: .commentWithoutSpace, line: 1, column: 6),
        .init(
            name: "flow sequence continued less than its key", text: "criteria:\n  - stages: [a,\n b]\n",
            kind: .flowIndentation, line: 3, column: 1),
        .init(
            name: "flow sequence continued at column 1", text: "stages: [a,\nb]\n", kind: .flowIndentation, line: 2,
            column: 1),
        .init(
            name: "flow mapping continued with a tab", text: "a:\n  b: {c: 1,\n\td: 2}\n", kind: .flowIndentation,
            line: 3, column: 1),
        .init(
            name: "closing bracket less indented", text: "a:\n  b: [\n    c,\n  ]\n", kind: .flowIndentation, line: 4,
            column: 1),
        .init(
            name: "multi-line quoted scalar less indented", text: "a:\n  b: \"one\n two\"\n", kind: .flowIndentation,
            line: 3, column: 1),
        .init(name: "a lone dash in a flow sequence", text: "a: [-]\n", kind: .dashInFlow, line: 1, column: 5),
        .init(name: "a lone dash after an entry", text: "a: [b, -]\n", kind: .dashInFlow, line: 1, column: 8),
        .init(name: "a YAML 1.1 directive", text: "%YAML 1.1\n---\na: b\n", kind: .directive, line: 1, column: 1),
        .init(
            name: "a YAML directive with leading zeros", text: "%YAML 01.02\n---\na: b\n", kind: .directive, line: 1,
            column: 1),
        .init(
            name: "a TAG directive", text: "# c\n%TAG !e! tag:example.com,2000:\n---\na: b\n", kind: .directive,
            line: 2, column: 1),
        .init(
            name: "a comment glued to a directive", text: "%YAML 1.2#c\n---\na: b\n", kind: .commentWithoutSpace,
            line: 1, column: 10),
        .init(
            name: "a literal scalar's leading empty line past its text", text: "key: |\n     \n  text\n",
            kind: .blockScalarIndentation, line: 2, column: 3),
        .init(
            name: "a folded scalar's second empty line past its text",
            text: "a:\n  key: >\n\n        \n    text\n  b: 1\n", kind: .blockScalarIndentation, line: 4, column: 5),
        .init(
            name: "the same with CRLF line ends", text: "key: |\r\n     \r\n  text\r\n", kind: .blockScalarIndentation,
            line: 2, column: 3),
    ]

    @Test(arguments: invalid)
    func refusedAtItsPosition(_ input: Case) {
        let result = YAMLReader().read(Array(input.text.utf8), file: "t.yaml")
        let problem = result.problems.first { $0.kind == input.kind }
        #expect(problem != nil, "expected \(input.kind), got \(result.problems.map { "\($0.kind) \($0.message)" })")
        #expect(problem?.range.start == SourcePosition(line: input.line, column: input.column))
    }

    /// libyaml reads the scalar as empty and fails at its text with "did not find expected key";
    /// that consequence is not reported beside its cause.
    @Test func anOverIndentedLeadingLineIsReportedInsteadOfLibyamlsError() {
        let result = YAMLReader().read(Array("a:\n  key: |\n        \n    text\n  b: 1\n".utf8), file: "t.yaml")
        #expect(result.problems.map(\.kind) == [.blockScalarIndentation])
        #expect(result.problems.first?.message.contains("line 4, indented 4") == true)
        #expect(result.problems.first?.related.first?.range.start == SourcePosition(line: 2, column: 8))
    }

    @Test(arguments: [
        "%YAML 1.2\n---\na: b\n", "%YAML 1.2 # the version\n---\na: b\n", "key: |\n  \n  text\n", "key: |\n\n  text\n",
        "key: |2\n     \n  text\n", "a:\n  key: |\n      \n  b: 1\n", "key: |\n  text\n      \n",
        "department: \"A\" # c\n", "a: 'x'\t# tab before the comment\n", "a: | # c\n  x\n", "a: >- # c\n  x\n",
        "a: b#c\n",
        "criteria:\n  - stages: [a,\n      b]\n", "stages: [a,\n  b]\n", "a:\n  b: [\n    c,\n    ]\n",
        "a:\n  b: \"one\n    two\"\n",
        "a:\n  b: \"one\n\n    two\"\n", "a: [-1, \"- x\", '-']\n", "a: [b,\n  # a comment at any indentation\n  c]\n",
        "[a,\nb]\n",
    ])
    func validLayoutsStayValid(_ text: String) {
        let result = YAMLReader().read(Array(text.utf8), file: "t.yaml")
        #expect(result.problems.isEmpty, "\(text.debugDescription): \(result.problems.map(\.message))")
        #expect(result.root != nil)
    }
}
