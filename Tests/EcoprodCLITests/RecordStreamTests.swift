import EcoprodFramework
import Foundation
import TestSupport
import Testing

private let kit = "Tests/Conformance/ecoprod-label-1.1.0"

/// A kit answer set as one compact line.
private func kitLine(_ name: String) throws -> String {
    String(
        decoding: try JSONParser().parse(
            Array(try Data(contentsOf: packageRoot.appendingPathComponent("\(kit)/\(name)")))
        ).canonicalBytes(), as: UTF8.self)
}

/// Parses a JSON-lines output strictly, with a reader that is not ours: every line one complete
/// JSON object, nothing else, the stream ending with a line break.
private func strictRecords(_ stdout: [UInt8]) throws -> [[String: Any]] {
    guard !stdout.isEmpty else { return [] }
    #expect(stdout.last == 0x0A, "a JSON-lines stream ends with a line break")
    return try stdout.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line), options: [])
        return try #require(
            object as? [String: Any], "every line is an object: \(String(decoding: line, as: UTF8.self))")
    }
}

/// The batch-stream contract through the real binary: one record per non-blank input line, in
/// order, each with its line, and nothing else on stdout, whatever the diagnostics format.
@Suite(.serialized) struct RecordStreamTests {
    @Test(arguments: ["text", "json", "github", "sarif"])
    func stdoutIsOnlyJSONLinesForEveryDiagnosticsFormat(_ format: String) throws {
        let folder = try temporaryFolder("ecoprod-jsonl")
        let input = folder.appendingPathComponent("batch.jsonl")
        let lines = [
            try kitLine("all-met.answers.json"), "{\"broken\": ", "", "  ", "[1, 2]",
            try kitLine("one-mandatory-missing.answers.json"),
        ]
        try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: input)
        for command in [["score", input.path, "--jsonl"], ["migrate", input.path, "--to", "1.1.0", "--jsonl"]] {
            let result = try runEcoprod(command + ["--diagnostics-format", format])
            #expect(result.status == 1)
            let records = try strictRecords(result.stdoutBytes)
            #expect(records.map { $0["line"] as? Int } == [1, 2, 5, 6], "\(command[0]) \(format)")
            #expect(records[1]["diagnostics"] != nil && records[2]["diagnostics"] != nil)
            #expect(records[0]["diagnostics"] == nil && records[3]["diagnostics"] == nil)
            let codes = (records[1]["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
            #expect(codes == ["A101"])
            // Human-readable copies go to stderr for the formats people read.
            #expect(result.stderr.contains("batch.jsonl:2:") == (format == "text"), "\(result.stderr)")
            #expect(result.stderr.contains("failed"))
        }
    }

    /// Seeded random batches with bad and blank lines at random places: output record i answers
    /// input line i, for score and for migrate.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func recordsAnswerTheirLinesInOrder(_ seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let good = [try kitLine("all-met.answers.json"), try kitLine("performance-just-below-threshold.answers.json")]
        let bad = ["{", "null", "{\"framework\": 3}", "\"text\"", "{\"answers\": {}}"]
        var lines: [String] = []
        var expected: [(line: Int, ok: Bool)] = []
        for number in 1...40 {
            switch random.next() % 5 {
            case 0: lines.append("")
            case 1:
                lines.append(bad[Int(random.next() % UInt64(bad.count))])
                expected.append((number, false))
            default:
                lines.append(good[Int(random.next() % 2)])
                expected.append((number, true))
            }
        }
        let folder = try temporaryFolder("ecoprod-jsonl")
        let input = folder.appendingPathComponent("random.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: input)
        for command in [["score", input.path, "--jsonl"], ["migrate", input.path, "--to", "1.1.0", "--jsonl"]] {
            let result = try runEcoprod(command + ["--diagnostics-format", "json"])
            let records = try strictRecords(result.stdoutBytes)
            #expect(records.count == expected.count)
            for (record, wanted) in zip(records, expected) {
                #expect(record["line"] as? Int == wanted.line)
                #expect((record["diagnostics"] == nil) == wanted.ok, "line \(wanted.line) of seed \(seed): \(record)")
            }
            #expect(result.status == (expected.allSatisfy(\.ok) ? 0 : 1))
        }
    }

    @Test func aLineOverTheLimitIsAnErrorRecordAndTheStreamGoesOn() throws {
        let folder = try temporaryFolder("ecoprod-jsonl")
        let input = folder.appendingPathComponent("long.jsonl")
        let long = "{\"note\": \"" + String(repeating: "x", count: 300_000) + "\"}"
        try Data(([long, try kitLine("all-met.answers.json"), long].joined(separator: "\n")).utf8).write(to: input)
        let result = try runEcoprod(["score", input.path, "--jsonl", "--max-line-bytes", "100000"])
        #expect(result.status == 1)
        let records = try strictRecords(result.stdoutBytes)
        #expect(records.map { $0["line"] as? Int } == [1, 2, 3])
        for index in [0, 2] {
            let diagnostic = (records[index]["diagnostics"] as? [[String: Any]])?.first
            #expect(diagnostic?["code"] as? String == "J101")
            #expect(diagnostic?["line"] as? Int == index + 1)
        }
        #expect(records[1]["eligible"] as? Bool == true)
    }

    @Test func aResultWithItsOwnLineMemberIsRefusedNotOverwritten() throws {
        var answers = try JSONParser().parse(Array(try kitLine("all-met.answers.json").utf8)).objectValue ?? [:]
        answers["line"] = "B-roll reel 4"
        let input = Array((String(decoding: JSONValue.object(answers).canonicalBytes(), as: UTF8.self) + "\n").utf8)
        let result = try runEcoprod(
            ["migrate", "-", "--to", "1.1.0", "--jsonl", "--diagnostics-format", "json"], stdin: input)
        #expect(result.status == 1)
        let record = try #require(try strictRecords(result.stdoutBytes).first)
        #expect((record["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "J102")
    }

    /// What is wrong before any line is read (no input, no releases) goes to stderr: stdout
    /// carries records and nothing else.
    @Test(arguments: [
        ["score", "no-such.jsonl", "--jsonl"], ["score", "-", "--jsonl", "--releases", "no-such-folder"],
        ["migrate", "no-such.jsonl", "--jsonl", "--to", "1.1.0"],
    ])
    func setupErrorsStayOffStdout(_ command: [String]) throws {
        let result = try runEcoprod(command + ["--diagnostics-format", "json"], stdin: [])
        #expect(result.status == 1)
        #expect(result.stdoutBytes.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains("error[F001]"))
    }
}
