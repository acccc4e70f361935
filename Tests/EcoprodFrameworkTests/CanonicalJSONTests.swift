import Testing

@testable import EcoprodFramework

private func canonical(_ json: String) throws -> String {
    let value = try JSONParser().parse(Array(json.utf8))
    return String(decoding: value.canonicalBytes(), as: UTF8.self)
}

@Suite struct CanonicalJSONTests {
    /// RFC 8785 §3.2.2: the sample input and its canonical form.
    @Test func rfc8785SampleCanonicalizes() throws {
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let expected =
            #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try canonical(input) == expected)
    }

    /// RFC 8785 §3.2.3: members sort by UTF-16 code units, so an emoji (a surrogate pair)
    /// sorts before U+FB33 although its scalar value is larger.
    @Test func rfc8785SortsByUTF16CodeUnits() throws {
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        let value = try JSONParser().parse(Array(input.utf8))
        let order = JSONValue.sortedMembers(value.objectValue!).map(\.value.stringValue!)
        #expect(
            order == [
                "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
                "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh",
            ])
    }

    /// RFC 8785 Appendix B: IEEE 754 values and their ECMAScript text.
    @Test(arguments: [
        ("0", "0"), ("-0.0", "0"), ("1e21", "1e+21"), ("1e20", "100000000000000000000"),
        ("123456789012345680000", "123456789012345680000"), ("0.000001", "0.000001"), ("0.0000001", "1e-7"),
        ("4.5", "4.5"), ("-1.5e-9", "-1.5e-9"), ("5e-324", "5e-324"),
        ("1.7976931348623157e308", "1.7976931348623157e+308"),
        ("9007199254740993.0", "9007199254740992"), ("295147905179352830000", "295147905179352830000"),
    ])
    func numbersFormatAsECMAScript(_ input: String, _ expected: String) {
        #expect(JSONValue.ecmaScriptNumber(input) == expected)
    }

    @Test func frenchTextLigaturesAndEmojiStayLiteral() throws {
        let value: JSONValue = ["titre": "Œuvre éco-conçue : « cœur » 🎬 naïve façade", "ﬁ": "ligature"]
        let text = String(decoding: value.canonicalBytes(), as: UTF8.self)
        #expect(text == #"{"titre":"Œuvre éco-conçue : « cœur » 🎬 naïve façade","ﬁ":"ligature"}"#)
    }

    @Test(arguments: [
        ("\u{0}", #""\u0000""#), ("\u{1F}", #""\u001f""#), ("\u{7F}", "\"\u{7F}\""), ("\t", #""\t""#),
        ("\u{8}", #""\b""#), ("\u{C}", #""\f""#), ("/", #""/""#), ("\u{2028}", "\"\u{2028}\""),
    ])
    func stringEscapingFollowsRFC(_ input: String, _ expected: String) {
        #expect(String(decoding: JSONValue.string(input).canonicalBytes(), as: UTF8.self) == expected)
    }

    @Test func prettyLayoutIsSortedAndIndented() {
        let value: JSONValue = ["b": [1, 2], "a": ["c": [], "d": [:]], "e": "é"]
        let expected = """
            {
              "a": {
                "c": [],
                "d": {}
              },
              "b": [
                1,
                2
              ],
              "e": "é"
            }

            """
        #expect(String(decoding: value.prettyBytes(), as: UTF8.self) == expected)
    }
}
