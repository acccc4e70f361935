import EcoprodFramework
import Foundation
import TestSupport
import Testing

private let kit = "Tests/Conformance/ecoprod-label-1.1.0"
private let kit100 = "Tests/Conformance/ecoprod-label-1.0.0"

/// A kit answer set as one compact line.
private func line(_ path: String) throws -> String {
    String(
        decoding: try JSONParser().parse(Array(try Data(contentsOf: packageRoot.appendingPathComponent(path))))
            .canonicalBytes(), as: UTF8.self)
}

@Suite(.serialized) struct ScoreAndMigrateCommandTests {
    @Test func scoreJSONMatchesTheConformanceKit() throws {
        let result = try runEcoprod([
            "score", "\(kit)/performance-exactly-at-threshold.answers.json", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try JSONParser().parse(
            Array(
                try Data(
                    contentsOf: packageRoot.appendingPathComponent(
                        "\(kit)/performance-exactly-at-threshold.expected.json"))))
        #expect(try JSONParser().parse(result.stdoutBytes) == expected)
    }

    @Test func scoreTextIsAShortReportWithBars() throws {
        let result = try runEcoprod(["score", "\(kit)/unanswered-criteria.answers.json", "--locale", "en"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Score "))
        #expect(result.stdout.contains("\nEligible, 1 star ★\n"), "\(result.stdout)")
        #expect(result.stdout.contains("█"))
        #expect(result.stdout.contains("criteria unanswered (counted as not met): "))
        let french = try runEcoprod(["score", "\(kit)/unanswered-criteria.answers.json"])
        #expect(french.stdout.contains("\nÉligible, 1 étoile ★\n"), "\(french.stdout)")
        #expect(french.stdout.contains("critères sans réponse (comptés non remplis) : "))
    }

    @Test func scoringAgainstAnotherVersionSaysToMigrate() throws {
        let result = try runEcoprod([
            "score", "\(kit100)/all-met.answers.json", "--bundle", "Framework/releases/ecoprod-label-1.1.0.json",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("A107"))
        #expect(result.stderr.contains("ecoprod migrate"))
    }

    @Test func scoringPicksTheAnswersOwnReleaseFromTheFolder() throws {
        let result = try runEcoprod(["score", "\(kit100)/all-met.answers.json", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try JSONParser().parse(result.stdoutBytes)["framework"]?["version"] == "1.0.0")
    }

    @Test func unknownTypeIsAnErrorWithItsJSONPath() throws {
        let result = try runEcoprod([
            "score", "\(kit)/unknown-production-type.answers.json", "--diagnostics-format", "json",
        ])
        #expect(result.status == 1)
        let diagnostics = try JSONParser().parse(result.stdoutBytes)["diagnostics"]?.arrayValue ?? []
        #expect(diagnostics.first?["code"] == "A105")
        #expect(diagnostics.first?["path"] == "$.production.type")
        #expect((diagnostics.first?["line"]?.integerValue ?? 0) > 1)
    }

    @Test func jsonlStreamsAndReportsBadLinesByNumber() throws {
        let folder = try temporaryFolder("ecoprod-score")
        let lines = [
            try line("\(kit)/all-met.answers.json"), "{\"broken\": ", "",
            try line("\(kit)/one-mandatory-missing.answers.json"),
        ]
        let input = folder.appendingPathComponent("batch.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        let result = try runEcoprod(["score", input.path, "--jsonl"])
        #expect(result.status == 1)
        // One record per non-blank line, each with its line; the blank third line is counted.
        let outputs = try result.stdout.split(separator: "\n").map { try JSONParser().parse(Array($0.utf8)) }
        #expect(outputs.map { $0["line"]?.integerValue } == [1, 2, 4])
        #expect(outputs[0]["eligible"] == true)
        #expect(outputs[1]["diagnostics"]?.arrayValue?.first?["code"] == "A101")
        #expect(outputs[2]["eligible"] == false)
        #expect(result.stderr.contains("batch.jsonl:2:"))
        #expect(result.stderr.contains("2 answer sets scored, 1 failed"))
    }

    @Test func jsonlReadsStdin() throws {
        let input = Array((try line("\(kit)/all-met.answers.json") + "\n").utf8)
        let result = try runEcoprod(["score", "-", "--jsonl"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    @Test func migrateMovesAnswersForwardAndWritesAReport() throws {
        let folder = try temporaryFolder("ecoprod-score")
        let output = folder.appendingPathComponent("migrated.json").path
        let report = folder.appendingPathComponent("report.json").path
        let result = try runEcoprod([
            "migrate", "\(kit100)/all-met.answers.json", "--to", "1.1.0", "--output", output, "--report", report,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let migrated = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: output))))
        #expect(migrated["framework"]?["version"] == "1.1.0")
        #expect(migrated["answers"]?.objectValue?.count == 80)
        let steps = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: report))))["steps"]?
            .arrayValue
        #expect(steps?.count == 1)
        let scored = try runEcoprod(["score", output])
        #expect(scored.status == 0, "\(scored.stderr)")
    }

    @Test func migrateBackwardsIsRefused() throws {
        let result = try runEcoprod(["migrate", "\(kit)/all-met.answers.json", "--to", "1.0.0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("backwards"))
    }

    @Test func migrateToTheSameVersionIsANoOp() throws {
        let result = try runEcoprod(["migrate", "\(kit)/all-met.answers.json", "--to", "1.1.0"])
        #expect(result.status == 0)
        let original = try JSONParser().parse(
            Array(try Data(contentsOf: packageRoot.appendingPathComponent("\(kit)/all-met.answers.json"))))
        #expect(try JSONParser().parse(result.stdoutBytes) == original)
        #expect(result.stderr.contains("déjà à jour, rien à migrer"), "\(result.stderr)")
    }

    @Test func migrateJSONLStreamsEveryLine() throws {
        let folder = try temporaryFolder("ecoprod-score")
        let input = folder.appendingPathComponent("old.jsonl")
        let one = try line("\(kit100)/all-met.answers.json")
        try Data((Array(repeating: one, count: 50).joined(separator: "\n") + "\n").utf8).write(to: input)
        let output = folder.appendingPathComponent("new.jsonl").path
        let result = try runEcoprod(["migrate", input.path, "--to", "1.1.0", "--jsonl", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 50)
        #expect(result.stderr.contains("50 answer sets migrated to 1.1.0"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        let again = try runEcoprod(["migrate", input.path, "--to", "1.1.0", "--jsonl", "--output", output])
        #expect(again.status == 1)
        #expect(again.stderr.contains("W001"))
        #expect(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count == 50)
    }

    @Test func diffWithAnswersReportsTheImpactPerProduction() throws {
        // The kit's answer sets alone, without its expected outputs.
        let answers = try temporaryFolder("ecoprod-score")
        for name in try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent(kit100).path)
        where name.hasSuffix(".answers.json") {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent("\(kit100)/\(name)"), to: answers.appendingPathComponent(name))
        }
        let result = try runEcoprod([
            "diff", "Framework/releases/ecoprod-label-1.0.0.json", "Framework/releases/ecoprod-label-1.1.0.json",
            "--answers", answers.path, "--format", "json", "--locale", "en",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let impact = try JSONParser().parse(result.stdoutBytes)["impact"]
        // Adding a scheme changes no score: the six scorable kit productions keep theirs, and
        // the two the kit expects to be refused (unknown type, mandatory not applicable) say so.
        #expect(impact?["summary"] == "0 of 6 productions lose eligibility; 0 change stars; 2 could not be compared.")
        let productions = impact?["productions"]?.arrayValue ?? []
        #expect(productions.count == 8)
        for production in productions where production["problem"] == nil {
            #expect(production["before"] == production["after"])
        }
        let text = try runEcoprod([
            "diff", "Framework/releases/ecoprod-label-1.0.0.json", "Framework/releases/ecoprod-label-1.1.0.json",
            "--answers", answers.path,
        ])
        #expect(
            text.stdout.contains("Effet sur 8 productions : 0 production sur 6 perd l'éligibilité"), "\(text.stdout)")
    }

    /// Issue 27's reproduction: a rename released in 2.0.0, two releases after 1.0.0. The
    /// impact of 1.0.0 → the sources must give each production what `migrate --to 2.0.0` then
    /// `score` gives; it used to drop the 1.1.0 → 2.0.0 rename and lose A7's answer.
    @Test func impactAcrossTwoReleasesMatchesMigrateThenScore() throws {
        let folder = try releaseWorkspace()
        try edit(folder, "Framework/framework.yaml", "version: 1.2.0", "version: 2.0.0")
        try edit(folder, "Framework/departments/A-production.yaml", "  - id: A7\n", "  - id: A11\n    replaces: [A7]\n")
        #expect(try runEcoprod(["release", "--date", "2026-12-01"], in: folder).status == 0)
        let answers = folder.appendingPathComponent("answers")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent(kit100).path)
            .filter { $0.hasSuffix(".answers.json") }.sorted()
        for name in names {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent("\(kit100)/\(name)"), to: answers.appendingPathComponent(name))
        }
        let diff = try runEcoprod(
            [
                "diff", "Framework/releases/ecoprod-label-1.0.0.json", "Framework", "--answers", "answers", "--format",
                "json",
            ],
            in: folder)
        #expect(diff.status == 0, "\(diff.stderr)")
        let rows = try JSONParser().parse(diff.stdoutBytes)["impact"]?["productions"]?.arrayValue ?? []
        #expect(rows.count == names.count)
        var compared = 0
        for row in rows where row["problem"] == nil {
            let file = try #require(row["source"]?.stringValue)
            let migrated = try runEcoprod(["migrate", file, "--to", "2.0.0"], in: folder)
            let scored = try runEcoprod(["score", "-", "--format", "json"], in: folder, stdin: migrated.stdoutBytes)
            let expected = try JSONParser().parse(scored.stdoutBytes)
            #expect(row["after"]?["percent"] == expected["percent"], "\(file)")
            #expect(row["after"]?["eligible"] == expected["eligible"], "\(file)")
            #expect(row["after"]?["stars"] == expected["stars"], "\(file)")
            compared += 1
        }
        #expect(compared == 6)
        let backwards = try runEcoprod(
            [
                "diff", "Framework/releases/ecoprod-label-2.0.0.json", "Framework/releases/ecoprod-label-1.1.0.json",
                "--answers", "answers",
            ], in: folder)
        #expect(backwards.status == 1)
        #expect(backwards.stderr.contains("2.0.0 is not an ancestor of 1.1.0"), "\(backwards.stderr)")
    }
}
