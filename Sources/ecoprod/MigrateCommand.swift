import ArgumentParser
import EcoprodApplication
import EcoprodFramework
import EcoprodReports
import EcoprodWriters

/// `ecoprod migrate ANSWERS --to VERSION`: answers of an older release → answers of VERSION.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Migrate an answer set to a later release, losing nothing.",
        discussion:
            "Follows each release's lineage rules in turn. The report goes to stderr, or to --report FILE as JSON.")

    @Argument(
        help: """
            The answer set (JSON) or a filled grid (xlsx, migrated to a grid: --output required), or a JSONL stream \
            with --jsonl; - reads stdin.
            """)
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

    @Option(
        name: .long, help: "With --jsonl: the longest line read, in bytes; a longer line gets an error record (J101).")
    var maxLineBytes = RecordStream.defaultMaxLineBytes

    @Flag(name: .long, help: "Replace an existing --output file with different content.")
    var force = false

    @Option(name: .long, help: "The language of the report on stderr (fr, en; default: the target release's first).")
    var locale: String?

    @OptionGroup var reading: AnswerReadingOptions

    func validate() throws {
        if maxLineBytes < 1 { throw ValidationError("--max-line-bytes must be at least 1") }
        if SemanticVersion(to) == nil {
            throw ValidationError("--to must be a semantic version such as 1.1.0, got '\(to)'")
        }
    }

    func run() throws {
        let format = jsonl ? .text : reading.diagnosticsFormat
        let migration = try failing(in: format) { () throws(UseCaseFailure) in
            try AnswerMigration(reading: reading.reading, releases: releases, to: SemanticVersion(to)!)
        }
        if jsonl { return try runLines(migration) }
        try failing(in: format) { () throws(UseCaseFailure) in
            let migrated = try migration.migrate(at: answers, hasOutput: output != nil)
            // Migrated answers, a migrated grid and the report are written quietly, as `migrate` always wrote them.
            try Console.deliver(migrated.bytes, to: output, force: force, announce: false)
            if let report {
                try Console.deliver(migrated.report.jsonValue.prettyBytes(), to: report, force: force, announce: false)
            } else {
                Console.status(MigrationReportText(locale: try migration.reportLocale(locale)).render(migrated.report))
            }
        }
    }

    private func runLines(_ migration: AnswerMigration) throws {
        let reports = try failing(in: .text) { () throws(UseCaseFailure) in
            do throws(AtomicFileWriter.Failure) {
                return try report.map { path throws(AtomicFileWriter.Failure) in
                    try BufferedOutput(path: path, force: true)
                }
            } catch {
                throw .input(error.diagnostic)
            }
        }
        let stream = AnswerStream(input: answers, output: output, force: force, maxLineBytes: maxLineBytes)
        try Console.stream(stream, format: reading.diagnosticsFormat, verb: "migrated to \(migration.target)") {
            number, bytes, diagnostics in
            guard let (migrated, report) = migration.migrate(line: number, bytes, file: answers, into: &diagnostics)
            else { return nil }
            if let reports {
                var line = report
                line["line"] = .integer(number)
                reports.write(JSONValue.object(line).compactBytes() + [0x0A])
            }
            return migrated
        }
        try failing(in: .text) { () throws(UseCaseFailure) in
            do throws(AtomicFileWriter.Failure) {
                try reports?.finish()
            } catch {
                throw .input(error.diagnostic)
            }
        }
    }
}
