import EcoprodCompiler
import EcoprodFramework
import Foundation

extension EcoprodBenchmarks {
    /// Score and migrate over JSONL, against `JSONSerialization` parsing the same lines.
    static func answerRows(binary: String, work: URL, lineCounts: [Int]) throws -> [Row] {
        var synthetic = SyntheticFramework(criteria: 80, seed: 7)
        let (oldSources, newSources) = synthetic.versions()
        guard let old = FrameworkCompiler().compile(oldSources).framework else {
            throw BenchmarkError("80-criteria framework does not compile")
        }
        let oldBundle = FrameworkBundle(framework: old)
        let history = ReleaseHistory(releases: [.init(file: "releases/synthetic-1.0.0.json", bundle: oldBundle)])
        guard let new = FrameworkCompiler(options: .init(history: history)).compile(newSources).framework else {
            throw BenchmarkError("next version does not compile")
        }
        let newBundle = FrameworkBundle(framework: new)
        let releases = work.appendingPathComponent("releases")
        try FileManager.default.createDirectory(at: releases, withIntermediateDirectories: true)
        try Data(oldBundle.fileBytes()).write(to: releases.appendingPathComponent(oldBundle.fileName))
        try Data(newBundle.fileBytes()).write(to: releases.appendingPathComponent(newBundle.fileName))
        let fullHistory = ReleaseHistory(releases: [
            .init(file: "old", bundle: oldBundle), .init(file: "new", bundle: newBundle),
        ])
        var rows: [Row] = []
        var scoreTimes: [Int: Double] = [:]
        var migrateTimes: [Int: Double] = [:]
        for count in lineCounts {
            log("generating \(count) answer sets")
            var generator = SplitMix(seed: UInt64(count))
            var lines: [[UInt8]] = []
            lines.reserveCapacity(count)
            for index in 0..<count {
                var answers: [String: Answer] = [:]
                for criterion in old.criteria where generator.next() % 8 != 0 {
                    let status: AnswerStatus =
                        criterion.mandatory || generator.next() % 4 != 0
                        ? .met : (generator.next() % 2 == 0 ? .notMet : .notApplicable)
                    answers[criterion.id] = Answer(
                        status: status,
                        fields: [
                            "evidence": .array([.string("\(criterion.id)-preuve-\(index).pdf")]),
                            "note": .string("Vérifié sur le plateau"),
                        ])
                }
                let set = AnswerSet(
                    framework: BundleReference(oldBundle),
                    production: Production(
                        title: "Production \(index)", type: SyntheticFramework.types[index % 7], scheme: "performance"),
                    answers: answers)
                lines.append(set.jsonValue.canonicalBytes())
            }
            let file = work.appendingPathComponent("answers-\(count).jsonl")
            FileManager.default.createFile(atPath: file.path, contents: nil)
            let handle = try FileHandle(forWritingTo: file)
            for line in lines { handle.write(Data(line + [0x0A])) }
            try handle.close()
            let megabytes = Double(lines.reduce(0) { $0 + $1.count + 1 }) / 1_048_576
            let runs = count >= 100_000 ? 3 : 7
            let floor = Measurement.median(runs: runs) {
                for line in lines { _ = try? JSONSerialization.jsonObject(with: Data(line)) }
            }
            let scorer = Scorer(bundle: oldBundle)
            let score = Measurement.median(runs: runs) {
                for (number, line) in lines.enumerated() {
                    var diagnostics = DiagnosticCollector()
                    guard
                        let (answers, locator) = AnswerSetDecoder().decodeLocated(
                            line, file: "a.jsonl", line: number + 1, into: &diagnostics),
                        let report = scorer.score(answers, into: &diagnostics, locate: locator.location(of:))
                    else { continue }
                    _ = report.jsonValue.canonicalBytes()
                }
            }
            let migrator = Migrator(history: fullHistory)
            let migrate = Measurement.median(runs: runs) {
                for (number, line) in lines.enumerated() {
                    var diagnostics = DiagnosticCollector()
                    guard
                        let (answers, locator) = AnswerSetDecoder().decodeLocated(
                            line, file: "a.jsonl", line: number + 1, into: &diagnostics),
                        let (migrated, _) = migrator.migrate(
                            answers, to: new.identity.version, into: &diagnostics, locate: locator.location(of:))
                    else { continue }
                    _ = migrated.jsonValue.canonicalBytes()
                }
            }
            scoreTimes[count] = score
            migrateTimes[count] = migrate
            let label = "\(count.formatted()) sets (\(String(format: "%.1f", megabytes)) MB)"
            func throughput(_ seconds: Double) -> String { String(format: "%.0f sets/s", Double(count) / seconds) }
            let scoreRSS =
                Measurement.peakRSS(
                    binary, ["score", file.path, "--jsonl", "--releases", releases.path], workingDirectory: work
                ).map { String(format: "%.1f MB", Double($0) / 1024) } ?? "?"
            let migrateRSS =
                Measurement.peakRSS(
                    binary, ["migrate", file.path, "--jsonl", "--to", "2.0.0", "--releases", releases.path],
                    workingDirectory: work
                ).map { String(format: "%.1f MB", Double($0) / 1024) } ?? "?"
            rows.append(
                Row(
                    phase: "floor: JSONSerialization", size: label, seconds: floor, throughput: throughput(floor),
                    ratio: "1.00×"))
            rows.append(
                Row(
                    phase: "**score** JSONL", size: label, seconds: score, throughput: throughput(score),
                    ratio: String(format: "%.2f×", score / floor),
                    exponent: exponentText(scoreTimes, count, lineCounts), rss: scoreRSS))
            rows.append(
                Row(
                    phase: "**migrate** JSONL (1.0.0 → 2.0.0)", size: label, seconds: migrate,
                    throughput: throughput(migrate), ratio: String(format: "%.2f×", migrate / floor),
                    exponent: exponentText(migrateTimes, count, lineCounts), rss: migrateRSS))
            rows += statsRows(
                binary: binary, file: file, bundle: releases.appendingPathComponent(oldBundle.fileName),
                releases: releases, work: work, label: label, count: count)
        }
        return rows
    }

    /// `stats` against `score --jsonl` on the same stream, whole processes both: the issue's
    /// bound is 2×, and the memory must stay flat from 1,000 to 100,000 sets.
    static func statsRows(
        binary: String, file: URL, bundle: URL, releases: URL, work: URL, label: String, count: Int
    ) -> [Row] {
        let score = ["score", file.path, "--jsonl", "--releases", releases.path]
        let stats = ["stats", file.path, "--bundle", bundle.path, "--format", "json"]
        let runs = count >= 100_000 ? 1 : 3
        let scoreSeconds = Measurement.median(runs: runs, warmUp: count < 100_000) {
            runQuietly(binary, score, in: work)
        }
        let statsSeconds = Measurement.median(runs: runs, warmUp: count < 100_000) {
            runQuietly(binary, stats, in: work)
        }
        let rss =
            Measurement.peakRSS(binary, stats, workingDirectory: work).map {
                String(format: "%.1f MB", Double($0) / 1024)
            } ?? "?"
        return [
            Row(
                phase: "**stats** (process; vs `score --jsonl` process)", size: label, seconds: statsSeconds,
                throughput: String(format: "%.0f sets/s", Double(count) / statsSeconds),
                ratio: String(format: "%.2f× score", statsSeconds / scoreSeconds), rss: rss)
        ]
    }

    /// Runs the binary to its end, its output discarded.
    static func runQuietly(_ binary: String, _ arguments: [String], in directory: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
    }
}
