import Testing

@testable import EcoprodFramework

@Suite struct AnswerSetDecoderTests {
    private func decode(_ json: String) -> (AnswerSet?, [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        let answers = AnswerSetDecoder().decode(Array(json.utf8), file: "a.json", into: &diagnostics)
        return (answers, diagnostics.sorted())
    }

    private let header =
        #""framework": {"id": "x", "version": "1.0.0", "digest": "sha256:0000000000000000000000000000000000000000000000000000000000000000"}, "production": {"title": "T", "type": "series", "scheme": "performance"}"#

    @Test func unknownMembersAreKeptEverywhere() throws {
        let json =
            "{\(header), \"answers\": {\"A1\": {\"status\": \"met\", \"x-photo\": {\"url\": \"u\"}, \"evidence\": [\"e\"]}}, \"client\": \"tool 2\"}"
        let answers = try #require(decode(json).0)
        #expect(answers.answers["A1"]?.fields["x-photo"] == ["url": "u"])
        #expect(answers.extra["client"] == "tool 2")
        let round = try #require(decode(String(decoding: answers.jsonValue.prettyBytes(), as: UTF8.self)).0)
        #expect(round == answers)
    }

    @Test(arguments: [
        (#"{"answers": {}}"#, "A102", "$"),
        ("{HEADER, \"answers\": {\"A1\": {\"status\": \"done\"}}}", "A103", "$.answers.A1.status"),
        ("{HEADER, \"answers\": {\"A1\": {}}}", "A103", "$.answers.A1"),
        (
            "{HEADER, \"answers\": {\"A1\": {\"status\": \"met\", \"evidence\": \"one\"}}}", "A102",
            "$.answers.A1.evidence"
        ),
        ("{HEADER, \"answers\": {\"A1\": {\"status\": \"met\", \"note\": 3}}}", "A102", "$.answers.A1.note"),
        ("{HEADER, \"answers\": []}", "A102", "$.answers"),
        (
            "{HEADER, \"answers\": {}, \"retired\": [{\"id\": \"A1\", \"version\": \"1.0.0\", \"answer\": {\"status\": \"met\"}}]}",
            "A102", "$.retired[0]"
        ),
        (
            "{\"framework\": {\"id\": \"x\", \"version\": \"v1\", \"digest\": \"d\"}, \"production\": {\"title\": \"T\", \"type\": \"s\", \"scheme\": \"p\"}, \"answers\": {}}",
            "A102", "$.framework.version"
        ),
        ("[1, 2]", "A102", "$"),
        ("{HEADER, \"answers\": {\"A1\": {\"status\": \"met\"},}}", "A101", ""),
    ])
    func malformedAnswersNameTheirPath(_ template: String, _ code: String, _ path: String) throws {
        let (answers, diagnostics) = decode(template.replacingOccurrences(of: "HEADER", with: header))
        #expect(answers == nil)
        let found = try #require(diagnostics.first { $0.code.rawValue == code }, "\(diagnostics.map(\.code))")
        if !path.isEmpty { #expect(found.location.path == path) }
        #expect(found.location.line == 1)
    }

    @Test func positionsAccountForTheJSONLLine() throws {
        var diagnostics = DiagnosticCollector()
        let json = "{\(header), \"answers\": {\"A1\": {\"status\": \"maybe\"}}}"
        _ = AnswerSetDecoder().decode(Array(json.utf8), file: "batch.jsonl", line: 42, into: &diagnostics)
        #expect(diagnostics.diagnostics.first?.location.line == 42)
        #expect(diagnostics.diagnostics.first?.location.file == "batch.jsonl")
    }
}

/// A digest that is not one (cut short, as a README once printed it) is called malformed,
/// rather than taken for another build of the release.
@Suite struct AnswerDigestFormTests {
    @Test(arguments: [
        "767d…", "sha256:767d", "sha256:" + String(repeating: "A", count: 64),
        "767d" + String(repeating: "0", count: 60),
    ])
    func aMalformedDigestIsNamedAsSuch(_ digest: String) {
        let text = """
            {"framework": {"id": "ecoprod-label", "version": "1.1.0", "digest": "\(digest)"},
             "production": {"title": "t", "type": "series", "scheme": "performance"}, "answers": {}}
            """
        var diagnostics = DiagnosticCollector()
        #expect(AnswerSetDecoder().decode(Array(text.utf8), file: "a.json", into: &diagnostics) == nil)
        #expect(
            diagnostics.diagnostics.contains {
                $0.message.contains("malformed") && $0.location.path == "$.framework.digest"
            })
    }
}
