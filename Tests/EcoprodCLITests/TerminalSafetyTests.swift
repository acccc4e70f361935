import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// Through the real binary: text from an answer set or a source never reaches the terminal as
/// a control sequence (ESC, BEL, C1, bidirectional overrides), on stdout or stderr.
struct TerminalSafetyTests {
    private func isInert(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return !text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0A: return false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
    }

    @Test func checkQuotesAHostileValueEscaped() throws {
        let folder = try copyOfFramework()
        try edit(
            folder, "Framework/departments/A-production.yaml", "points: 4", "points: \"\\e]0;owned\\a\\e[2J\\u202E\"")
        let result = try runEcoprod(["check"], in: folder, environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(isInert(Array(result.stderr.utf8)), "\(result.stderr.debugDescription)")
        #expect(result.stderr.contains("\\u{1B}]0;owned\\u{7}"))
        // The machine format keeps the exact value, in JSON's escaping.
        let json = try runEcoprod(["check", "--format", "json"], in: folder)
        #expect(json.stdout.contains("\\u001b]0;owned\\u0007"))
    }

    @Test(arguments: [["--format", "text"], ["--jsonl"]])
    func scoreShowsAHostileTitleEscaped(_ options: [String]) throws {
        var answers = try JSONParser().parse(
            Array(
                try Data(contentsOf: packageRoot.appendingPathComponent("docs/examples/les-jours-verts.answers.json"))))
        guard case .object(var members) = answers, case .object(var production)? = members["production"] else {
            Issue.record("example")
            return
        }
        production["title"] = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}\u{202E}"
        members["production"] = .object(production)
        answers = .object(members)
        let input = answers.compactBytes() + [0x0A]
        let result = try runEcoprod(["score", "-"] + options, stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        if options == ["--jsonl"] {
            // A record is data: the exact title, in JSON's escaping.
            #expect(result.stdout.contains("\\u001b]0;owned\\u0007"))
        } else {
            #expect(isInert(result.stdoutBytes), "\(result.stdout.debugDescription)")
        }
        #expect(isInert(Array(result.stderr.utf8)))
    }
}
