import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// `ecoprod stats` through the real binary: planted criteria found, small groups suppressed
/// with no production named in any format, and mixed versions counted as if migrated first.
/// (Agreement with scipy and numpy is Tests/Stats'.)
@Suite struct StatsCommandTests {
    static func bundle() throws -> FrameworkBundle {
        var diagnostics = DiagnosticCollector()
        let history = ReleaseHistory.load(
            directory: packageRoot.appendingPathComponent("Framework/releases").path, into: &diagnostics)
        return try #require(history.release(SemanticVersion("1.2.0")!)?.bundle)
    }

    /// A deterministic draw in 0..<1000 for a production and a criterion.
    static func draw(_ production: Int, _ id: String) -> Int {
        (production * 7919 + id.unicodeScalars.reduce(0) { $0 * 31 + Int($1.value) }) % 1000
    }

    static func write(_ sets: [AnswerSet], to file: URL) throws {
        let lines = sets.map { String(decoding: $0.jsonValue.canonicalBytes(), as: UTF8.self) }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func plantedCriteriaAreFoundWithTheirCodes() throws {
        let bundle = try Self.bundle()
        let film = bundle.framework.criteria.filter { $0.applies(to: "feature-film") }
        let others = film.filter { !$0.mandatory }
        let (always, anti, rarely) = (others[10].id, others[20].id, others[30].id)
        let blocker = "A5"
        var sets: [AnswerSet] = []
        for production in 0..<60 {
            let skill = 500 + production * 8
            var answers: [String: Answer] = [:]
            for criterion in film {
                let met = Self.draw(production, criterion.id) < skill
                answers[criterion.id] = Answer(status: met ? .met : .notMet)
            }
            for criterion in film where criterion.mandatory { answers[criterion.id] = Answer(status: .met) }
            answers[always] = Answer(status: .met)
            answers[anti] = Answer(status: skill < 700 ? .met : .notMet)
            answers[rarely] = Answer(status: production % 5 == 0 ? .met : .notApplicable)
            if production % 3 == 0 { answers[blocker] = Answer(status: .notMet) }
            sets.append(
                AnswerSet(
                    framework: BundleReference(bundle),
                    production: Production(title: "Secret \(production)", type: "feature-film", scheme: "performance"),
                    answers: answers))
        }
        let folder = try temporaryFolder("ecoprod-stats")
        let stream = folder.appendingPathComponent("sets.jsonl")
        try Self.write(sets, to: stream)
        let result = try runEcoprod(["stats", stream.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let findings = (try JSONParser().parse(result.stdoutBytes)["findings"]?.arrayValue ?? []).compactMap {
            finding -> String? in
            guard let code = finding["code"]?.stringValue, let message = finding["message"]?.stringValue else {
                return nil
            }
            return code + " " + message
        }
        #expect(findings.contains { $0.hasPrefix("Q101 \(always) ") }, "\(findings)")
        #expect(findings.contains { $0.hasPrefix("Q102 \(anti) ") }, "\(findings)")
        #expect(findings.contains { $0.hasPrefix("Q103 \(rarely) ") }, "\(findings)")
        #expect(findings.contains { $0.hasPrefix("Q104 mandatory \(blocker) ") }, "\(findings)")
        #expect(!result.stdout.contains("Secret"))
    }

    @Test(arguments: ["text", "json", "csv", "html"])
    func aSmallGroupIsSuppressedAndNoProductionIsNamed(_ format: String) throws {
        let bundle = try Self.bundle()
        var sets: [AnswerSet] = []
        for production in 0..<14 {
            let type = production < 4 ? "documentary" : "feature-film"
            var answers: [String: Answer] = [:]
            for criterion in bundle.framework.criteria where criterion.applies(to: type) {
                answers[criterion.id] = Answer(status: Self.draw(production, criterion.id) < 700 ? .met : .notMet)
            }
            sets.append(
                AnswerSet(
                    framework: BundleReference(bundle),
                    production: Production(title: "Secret \(production)", type: type, scheme: "performance"),
                    answers: answers))
        }
        let folder = try temporaryFolder("ecoprod-stats")
        let stream = folder.appendingPathComponent("sets.jsonl")
        try Self.write(sets, to: stream)
        let result = try runEcoprod(["stats", stream.path, "--format", format, "--min-group", "5"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("Secret") && !result.stderr.contains("Secret"))
        // The CSV has one row per criterion, each over every type it applies to: it holds no
        // figure of a type, and with a floor of 11 only the criteria both types answer (4 + 10
        // productions) are shown: the others are suppressed.
        if format == "csv" {
            #expect(!result.stdout.contains("documentary"))
            let strict = try runEcoprod(["stats", stream.path, "--format", "csv", "--min-group", "11"])
            let rows = strict.stdout.split(separator: "\r\n").dropFirst()
            let shown = Set(
                bundle.framework.criteria.filter { $0.applies(to: "documentary") && $0.applies(to: "feature-film") }
                    .map(\.id))
            #expect(!shown.isEmpty && shown.count < bundle.framework.criteria.count)
            for row in rows {
                let id = String(row.prefix { $0 != "," })
                #expect(row.contains("suppressed") != shown.contains(id), "\(row)")
            }
        } else {
            #expect(result.stdout.contains("suppressed"))
        }
        if format == "json" {
            let groups = try JSONParser().parse(result.stdoutBytes)["groups"]?.arrayValue ?? []
            let documentary = try #require(groups.first { $0["type"] == "documentary" })
            #expect(documentary["productions"] == "suppressed" && documentary["eligible_rate"] == "suppressed")
            #expect(documentary["histogram"]?.arrayValue?.allSatisfy { $0 == "suppressed" } == true)
            let film = try #require(groups.first { $0["type"] == "feature-film" })
            #expect(film["productions"] == .number("10.0"))
        }
    }

    @Test func mixedVersionsGiveTheStatisticsOfTheSetsMigratedFirst() throws {
        let folder = try temporaryFolder("ecoprod-stats")
        let mixed = folder.appendingPathComponent("mixed")
        let migrated = folder.appendingPathComponent("migrated")
        for path in [mixed, migrated] {
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        }
        for version in ["1.0.0", "1.1.0"] {
            for name in ["all-met", "one-mandatory-missing", "performance-exactly-at-threshold", "unanswered-criteria"]
            {
                let source = "Tests/Conformance/ecoprod-label-\(version)/\(name).answers.json"
                try FileManager.default.copyItem(
                    at: packageRoot.appendingPathComponent(source),
                    to: mixed.appendingPathComponent("\(version)-\(name).json"))
                let moved = try runEcoprod([
                    "migrate", source, "--to", "1.2.0", "--output",
                    migrated.appendingPathComponent("\(version)-\(name).json").path,
                ])
                #expect(moved.status == 0, "\(moved.stderr)")
            }
        }
        let fromMixed = try runEcoprod(["stats", mixed.path, "--format", "json", "--min-group", "1"])
        let fromMigrated = try runEcoprod(["stats", migrated.path, "--format", "json", "--min-group", "1"])
        #expect(fromMixed.status == 0 && fromMigrated.status == 0, "\(fromMixed.stderr)\(fromMigrated.stderr)")
        guard case .object(var left) = try JSONParser().parse(fromMixed.stdoutBytes),
            case .object(var right) = try JSONParser().parse(fromMigrated.stdoutBytes)
        else { throw CocoaError(.fileReadCorruptFile) }
        #expect(left["migrated_from"] == ["1.0.0": 4, "1.1.0": 4])
        #expect(right["migrated_from"] == [:])
        left["migrated_from"] = nil
        right["migrated_from"] = nil
        #expect(JSONValue.object(left) == JSONValue.object(right))
        #expect(left["productions"] == 8)
    }

    /// A set from outside the release history is said (Q105, at its line) and left out; the
    /// others are counted.
    @Test func aSetFromOutsideTheHistoryIsLeftOutAndSaid() throws {
        let stream = try Self.streamWithAStranger(titled: "Secret")
        let result = try runEcoprod(["stats", stream.path, "--format", "json", "--min-group", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("sets.jsonl:2:") && result.stderr.contains("warning[Q105]"), "\(result.stderr)")
        let report = try JSONParser().parse(result.stdoutBytes)
        #expect(report["productions"] == 2 && report["left_out"] == 1)
        #expect(!result.stderr.contains("Secret") && !result.stdout.contains("Secret"))
    }

    /// `--diagnostics-format` holds for the sets left out: in its format on stderr while the
    /// report is on stdout, and on stdout when the report goes to a file.
    @Test func leftOutSetsAreReportedInTheDiagnosticsFormatAsked() throws {
        let stream = try Self.streamWithAStranger(titled: "Stranger")
        let folder = stream.deletingLastPathComponent()
        let onStderr = try runEcoprod([
            "stats", stream.path, "--format", "json", "--min-group", "1", "--diagnostics-format", "gitlab",
        ])
        #expect(onStderr.status == 0, "\(onStderr.stderr)")
        #expect(try JSONParser().parse(onStderr.stdoutBytes)["left_out"] == 1)
        let issues = try JSONParser().parse(Array(onStderr.stderr.utf8)).arrayValue ?? []
        #expect(issues.count == 1 && issues.first?["check_name"] == "Q105", "\(onStderr.stderr)")
        #expect(issues.first?["location"]?["lines"]?["begin"] == 2, "\(onStderr.stderr)")
        let report = folder.appendingPathComponent("stats.json")
        let onStdout = try runEcoprod([
            "stats", stream.path, "--format", "json", "--min-group", "1", "--diagnostics-format", "sarif",
            "--output", report.path,
        ])
        #expect(onStdout.status == 0, "\(onStdout.stderr)")
        #expect(try JSONParser().parse(onStdout.stdoutBytes)["version"] == "2.1.0", "\(onStdout.stdout)")
    }

    /// A folder with no answer file is said (Q106) rather than counted as no productions in
    /// silence; the files of another folder given beside it are still counted.
    @Test func aFolderWithoutAnswerFilesIsSaid() throws {
        let empty = try temporaryFolder("ecoprod-stats")
        try Data("not answers".utf8).write(to: empty.appendingPathComponent("grid.XLSX"))
        let stream = try Self.streamWithAStranger(titled: "Someone")
        let result = try runEcoprod(["stats", empty.path, stream.path, "--format", "json", "--min-group", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning[Q106]") && result.stderr.contains(empty.path), "\(result.stderr)")
        #expect(try JSONParser().parse(result.stdoutBytes)["productions"] == 2)
    }

    /// `sets.jsonl` in a new folder: two sets of the newest release around one (line 2) that
    /// names a version outside the history, from a production titled `title`.
    static func streamWithAStranger(titled title: String) throws -> URL {
        let bundle = try Self.bundle()
        var stranger = AnswerSet(
            framework: BundleReference(id: "ecoprod-label", version: SemanticVersion("9.9.9")!, digest: bundle.digest),
            production: Production(title: title, type: "series", scheme: "performance"), answers: [:])
        var known = stranger
        known.framework = BundleReference(bundle)
        stranger.answers["A1"] = Answer(status: .met)
        let stream = try temporaryFolder("ecoprod-stats").appendingPathComponent("sets.jsonl")
        try Self.write([known, stranger, known], to: stream)
        return stream
    }
}
