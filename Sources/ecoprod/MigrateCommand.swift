import ArgumentParser
import EcoprodCompiler
import EcoprodReports
import EcoprodFramework
import Foundation

/// `ecoprod migrate ANSWERS --to VERSION`: answers of an older release → answers of VERSION.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Migrate an answer set to a later release, losing nothing.",
        discussion: "Follows each release's lineage rules in turn. The report goes to stderr, or to --report FILE as JSON.")

    @Argument(help: "The answer set (JSON) or a filled grid (xlsx, migrated to a grid: --output required), or a JSONL stream with --jsonl; - reads stdin.")
    var answers: String

    @Option(name: .long, help: "The version to migrate to.")
    var to: String

    @Option(name: .long, help: "The releases folder (default: Framework/releases).")
    var releases: String?

    @Option(name: .shortAndLong, help: "Where to write the migrated answers (default: stdout).")
    var output: String?

    @Option(name: .long, help: "Write the migration report here, as JSON (JSONL with --jsonl).")
    var report: String?

    @Flag(name: .long, help: "Read one answer set per line and stream one migrated set per line.")
    var jsonl = false

    @Option(name: .long, help: "With --jsonl: the longest line read, in bytes; a longer line gets an error record (J101).")
    var maxLineBytes = RecordStream.defaultMaxLineBytes

    @Flag(name: .long, help: "Replace an existing --output file with different content.")
    var force = false

    @OptionGroup var reading: AnswerReadingOptions

    func validate() throws {
        if maxLineBytes < 1 { throw ValidationError("--max-line-bytes must be at least 1") }
        if SemanticVersion(to) == nil { throw ValidationError("--to must be a semantic version such as 1.1.0, got '\(to)'") }
    }

    func run() throws {
        let target = SemanticVersion(to)!
        var setup = DiagnosticCollector()
        let history = AnswerInput.history(bundle: nil, releases: releases, trust: reading.trust, into: &setup)
        if setup.hasErrors {
            if jsonl { Console.reportOnStderr(setup.sorted()) } else { Console.report(setup.sorted(), format: reading.diagnosticsFormat) }
            throw ExitCode(1)
        }
        let migrator = Migrator(history: history)
        if jsonl {
            try runLines(migrator, target: target)
            return
        }
        guard let bytes = Console.read(answers) else {
            Console.report([.fileUnreadable(answers, reason: "no such file")], format: reading.diagnosticsFormat)
            throw ExitCode(1)
        }
        var diagnostics = DiagnosticCollector()
        // A grid is recognised by its content, and migrates to a grid of the target release.
        let grid = GridImporter.isWorkbook(bytes) ? GridInput.read(bytes, file: answers, history: history, limits: reading.limits, into: &diagnostics) : nil
        let input: (answers: AnswerSet, locate: (String) -> SourceLocation)?
        if let grid {
            input = (grid.answers, grid.locate)
        } else if !GridImporter.isWorkbook(bytes), let (decoded, locator) = AnswerSetDecoder().decodeLocated(bytes, file: answers, into: &diagnostics) {
            input = (decoded, locator.location(of:))
        } else {
            input = nil
        }
        guard let input, let (migrated, migration) = migrator.migrate(input.answers, to: target, into: &diagnostics, locate: input.locate) else {
            Console.report(diagnostics.sorted(), format: reading.diagnosticsFormat)
            throw ExitCode(1)
        }
        if let grid, let release = history.release(target) {
            guard output != nil else {
                Console.report([Diagnostic(.error, .writeRefused, "a migrated grid is a workbook: give --output FILE (or --output - for stdout)", at: .file(answers))], format: reading.diagnosticsFormat)
                throw ExitCode(64)
            }
            let fill = GridWriter.Fill(answers: migrated, migration: migration, locale: grid.locale)
            try write(GridWriter(locale: grid.locale).write(release.bundle, fill: fill), to: output)
        } else {
            try write(migrated.jsonValue.prettyBytes(), to: output)
        }
        if let report {
            try write(migration.jsonValue.prettyBytes(), to: report)
        } else {
            Console.error(migration.text)
        }
    }

    private func runLines(_ migrator: Migrator, target: SemanticVersion) throws {
        let reports: BufferedOutput?
        do {
            reports = try report.map { path throws(AtomicFileWriter.Failure) in try BufferedOutput(path: path, force: true) }
        } catch {
            Console.reportOnStderr([error.diagnostic])
            throw ExitCode(1)
        }
        try Console.stream(answers, to: output, force: force, format: reading.diagnosticsFormat, maxLineBytes: maxLineBytes, noun: "answer set", verb: "migrated to \(target)") {
            number, bytes, diagnostics in
            guard let (input, locator) = AnswerSetDecoder().decodeLocated(bytes, file: answers, line: number, into: &diagnostics),
                let (migrated, migration) = migrator.migrate(input, to: target, into: &diagnostics, locate: locator.location(of:))
            else { return nil }
            if let reports {
                var line = migration.jsonValue.objectValue ?? [:]
                line["line"] = .integer(number)
                reports.write(JSONValue.object(line).compactBytes() + [0x0A])
            }
            return migrated.members
        }
        do {
            try reports?.finish()
        } catch {
            Console.reportOnStderr([error.diagnostic])
            throw ExitCode(1)
        }
    }

    /// Migrated answers, a migrated grid or the report: quietly, as `migrate` always wrote them.
    private func write(_ bytes: [UInt8], to path: String?) throws {
        try Console.deliver(bytes, to: path, force: force, format: reading.diagnosticsFormat, announce: false)
    }
}
