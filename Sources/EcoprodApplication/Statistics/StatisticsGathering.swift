import EcoprodFramework
import Foundation

/// `stats`: answer sets from files, JSONL streams, grids or folders of them, each carried to
/// one release (the newest by default) by the migrations that exist, scored, and counted into
/// one tally as it streams past: one pass, memory flat in the number of productions.
public struct StatisticsGathering: Sendable {
    public var inputs: [String]
    public var reading: AnswerReading
    public var bundle: String?
    public var releases: String?
    public var options: StatisticsReport.Options

    public init(
        inputs: [String], reading: AnswerReading, bundle: String?, releases: String?,
        options: StatisticsReport.Options
    ) {
        self.inputs = inputs
        self.reading = reading
        self.bundle = bundle
        self.releases = releases
        self.options = options
    }

    /// The statistics, and the problems of the answer sets left out (never naming a production).
    public func run() throws(UseCaseFailure) -> (report: StatisticsReport, diagnostics: [Diagnostic]) {
        var setup = DiagnosticCollector()
        let history = reading.history(releases: releases ?? (bundle.map { Self.folder(of: $0) }), into: &setup)
        let target: FrameworkBundle?
        if let bundle {
            let named = reading.history(bundle: bundle, into: &setup).latest?.bundle
            target = named.flatMap { history.release($0.framework.identity.version)?.bundle }
        } else {
            target = history.latest?.bundle
        }
        guard let target, !setup.hasErrors else {
            if !setup.hasErrors {
                throw .usage("no release to compute statistics for: pass --releases DIR or --bundle FILE")
            }
            throw .input(setup.sorted())
        }
        var state = State(
            tally: StatisticsTally(bundle: target), migrator: Migrator(history: history),
            scorer: Scorer(bundle: target), history: history)
        var diagnostics = DiagnosticCollector()
        for path in inputs.flatMap({ Self.files(under: $0, into: &diagnostics) }) {
            read(path, into: &state, diagnostics: &diagnostics)
        }
        var report = StatisticsReport(state.tally, options: options)
        report.migratedFrom = state.migratedFrom
        report.leftOut = state.leftOut
        return (report, diagnostics.diagnostics)
    }

    /// What the pass carries: the tally, and the tools that bring each set to the target.
    struct State {
        var tally: StatisticsTally
        let migrator: Migrator
        let scorer: Scorer
        let history: ReleaseHistory
        var migratedFrom: [String: Int] = [:]
        var leftOut = 0
    }

    static func folder(of path: String) -> String { URL(fileURLWithPath: path).deletingLastPathComponent().path }

    /// A file as given, or a folder's answer files (`*.json`, `*.jsonl`, `*.xlsx`), sorted. A
    /// folder that cannot be listed is an error; one with no answer file is said (Q106), since
    /// statistics over none of its productions would otherwise pass for a result.
    static func files(under path: String, into diagnostics: inout DiagnosticCollector) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            diagnostics.emit(.fileUnreadable(path, reason: "the folder cannot be listed"))
            return []
        }
        let files = names.filter { name in
            [".json", ".jsonl", ".xlsx"].contains { name.hasSuffix($0) } && !name.hasPrefix(".")
        }
        if files.isEmpty {
            diagnostics.emit(
                Diagnostic(
                    .warning, .noAnswerFiles, "\(path) holds no answer file (*.json, *.jsonl, *.xlsx)",
                    at: .file(path)))
        }
        return files.sorted().map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
    }

    private func read(_ path: String, into state: inout State, diagnostics: inout DiagnosticCollector) {
        if path.hasSuffix(".jsonl") {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                diagnostics.emit(.fileUnreadable(path, reason: "not readable"))
                return
            }
            var batch: [(Int, [UInt8])] = []
            JSONLinesReader(handle: handle).forEachLine { number, bytes in
                batch.append((number, bytes))
                if batch.count == Self.batchSize {
                    count(batch, file: path, into: &state, diagnostics: &diagnostics)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            count(batch, file: path, into: &state, diagnostics: &diagnostics)
            return
        }
        guard let document = reading.answers(at: path, history: state.history, into: &diagnostics) else {
            state.leftOut += 1
            return
        }
        add(document.answers, locate: document.locate, into: &state, diagnostics: &diagnostics)
    }

    /// Lines held at once: the memory of a batch, whatever the stream's length.
    static let batchSize = 2048
    /// Parts a batch is counted in, on every core: fixed, so that sums add up in the same order
    /// on every machine.
    static let parts = 8

    /// A batch of lines counted in parts on every core, the parts' tallies merged in order.
    private func count(
        _ batch: [(Int, [UInt8])], file: String, into state: inout State, diagnostics: inout DiagnosticCollector
    ) {
        guard !batch.isEmpty else { return }
        let size = (batch.count + Self.parts - 1) / Self.parts
        let template = State(
            tally: StatisticsTally(bundle: state.tally.bundle), migrator: state.migrator, scorer: state.scorer,
            history: state.history)
        var results = [(State, [Diagnostic])?](repeating: nil, count: Self.parts)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: Self.parts) { part in
                var local = template
                var found = DiagnosticCollector()
                for (number, bytes) in batch.dropFirst(part * size).prefix(size) {
                    guard
                        let (answers, locator) = AnswerSetDecoder().decodeLocated(
                            bytes, file: file, line: number, into: &found)
                    else {
                        local.leftOut += 1
                        continue
                    }
                    add(answers, locate: locator.location(of:), into: &local, diagnostics: &found)
                }
                slots[part] = (local, found.diagnostics)
            }
        }
        for case (let part, let found)? in results {
            state.tally.merge(part.tally)
            state.leftOut += part.leftOut
            for (version, count) in part.migratedFrom { state.migratedFrom[version, default: 0] += count }
            diagnostics.emit(contentsOf: found)
        }
    }

    /// One answer set: migrated to the target when older, scored, counted; or left out.
    private func add(
        _ answers: AnswerSet, locate: (String) -> SourceLocation, into state: inout State,
        diagnostics: inout DiagnosticCollector
    ) {
        let target = state.tally.bundle.framework.identity
        let version = answers.framework.version
        guard answers.framework.id == target.id, let release = state.history.release(version),
            release.bundle.digest == answers.framework.digest, version <= target.version
        else {
            state.leftOut += 1
            diagnostics.emit(
                Diagnostic(
                    .warning, .answersOutsideHistory,
                    "an answer set for \(answers.framework.id) \(version) is outside the release history leading to \(target.version): left out",
                    at: locate("$.framework")))
            return
        }
        var current = answers
        if version < target.version {
            var migration = DiagnosticCollector()
            guard let migrated = state.migrator.migrate(answers, to: target.version, into: &migration, locate: locate)
            else {
                state.leftOut += 1
                diagnostics.emit(contentsOf: migration.diagnostics)
                return
            }
            current = migrated.answers
            state.migratedFrom[version.description, default: 0] += 1
        }
        var scoring = DiagnosticCollector()
        guard let report = state.scorer.score(current, into: &scoring, locate: locate) else {
            state.leftOut += 1
            diagnostics.emit(contentsOf: scoring.diagnostics)
            return
        }
        state.tally.add(ScoredAnswers(report: report, answers: current, bundle: state.tally.bundle))
    }
}
