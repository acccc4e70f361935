import Testing

@testable import EcoprodFramework

@Suite struct JSONParserTests {
    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a member name"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate member name"),
        ("\u{FEFF}{\"a\": 1, \"a\": 2}", 1, 10, "duplicate member name"),
        ("{\n  \"b\": {\"c\": 1},\n  \"b\": 2\n}", 3, 3, "duplicate member name"),
        ("[1, 2\n, 03]", 2, 3, "leading zeros"),
        ("{\"a\": tru}", 1, 7, "expected 'true'"),
        ("\"\u{1}\"", 1, 2, "control character"),
        ("[1] [2]", 1, 5, "unexpected content"),
        ("{\"a\": \"\\x\"}", 1, 8, "invalid escape"),
        ("\"\\ud800\"", 1, 8, "unpaired high surrogate"),
        ("", 1, 1, "found end of input"),
    ])
    func syntaxErrorsCarryPositions(_ input: String, _ line: Int, _ column: Int, _ message: String) {
        do {
            _ = try JSONParser().parse(Array(input.utf8))
            Issue.record("expected a syntax error for \(input)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func integersAndOtherNumbersStayApart() throws {
        let value = try JSONParser().parse(
            Array(#"[1, -2, 9007199254740993, 1.0, 2e3, -0, 0, 123456789012345, -1234567890123456]"#.utf8))
        #expect(
            value
                == .array([
                    .integer(1), .integer(-2), .number("9007199254740993"), .number("1.0"), .number("2e3"),
                    .number("-0"), .integer(0), .integer(123_456_789_012_345),
                    .integer(-1_234_567_890_123_456),
                ]))
    }

    @Test func escapesDecodeIncludingSurrogatePairs() throws {
        let value = try JSONParser().parse(Array(#""caf\u00e9 \ud83c\udfac \"\/""#.utf8))
        #expect(value == .string("café 🎬 \"/"))
    }

    @Test func deepNestingIsRefused() {
        let input = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser().parse(Array(input.utf8)) }
    }

    @Test func positionsAreRecordedByPath() {
        let input = "{\n  \"criteria\": [\n    {\"id\": \"A1\"}\n  ]\n}"
        let table = JSONParser().positions(in: Array(input.utf8), file: "b.json")
        #expect(table["$.criteria[0].id"]?.line == 3)
        #expect(table["$.criteria[0].id"]?.column == 12)
    }

    @Test(arguments: [
        ("a", "$.a"), ("applies_to", "$.applies_to"), ("A-1", "$[\"A-1\"]"), ("1x", "$[\"1x\"]"), ("", "$[\"\"]"),
        ("_x9", "$._x9"), ("critère", "$.critère"), ("étape_2", "$.étape_2"), ("é-1", "$[\"é-1\"]"),
        ("a b", "$[\"a b\"]"),
        ("say\"hi", "$[\"say\\\"hi\"]"), ("🎬", "$[\"🎬\"]"),
    ])
    func pathsQuoteMembersThatNeedIt(_ key: String, _ path: String) {
        #expect(JSONPath.member(key, of: "$") == path)
    }
}
