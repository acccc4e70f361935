import EcoprodFramework
import EcoprodGrid

/// `migrate`: answers written for an older release, carried to a later one through each
/// release's lineage rules; a grid migrates to a grid of the target release.
public struct AnswerMigration {
    public var reading: AnswerReading
    public var target: SemanticVersion
    /// The migrator, over the verified releases; made once for a stream of answer sets.
    public let migrator: Migrator
    private let history: ReleaseHistory

    /// Reads and verifies the releases; refused when they have errors.
    public init(reading: AnswerReading, releases: String?, to target: SemanticVersion) throws(UseCaseFailure) {
        self.reading = reading
        self.target = target
        var setup = DiagnosticCollector()
        history = reading.history(releases: releases, into: &setup)
        try setup.failOnErrors()
        migrator = Migrator(history: history)
    }

    /// The locale of the report for people: `requested`, checked against the target release,
    /// or that release's first locale.
    public func reportLocale(_ requested: String?) throws(UseCaseFailure) -> String {
        guard let framework = history.release(target)?.bundle.framework else { return requested ?? "en" }
        try OutputLocale.check(requested, in: framework)
        return requested ?? framework.identity.locales.first ?? "en"
    }

    /// What a migration gave.
    public struct Migrated {
        /// The migrated answers, as JSON or (for a grid) as a workbook.
        public var bytes: [UInt8]
        public var report: MigrationReport
        public var isGrid: Bool
    }

    /// Migrates the answers at `path` ("-" for stdin). A grid needs `hasOutput`: a workbook is
    /// never written to a terminal by default.
    public func migrate(at path: String, hasOutput: Bool) throws(UseCaseFailure) -> Migrated {
        var diagnostics = DiagnosticCollector()
        guard let bytes = InputFile.read(path, into: &diagnostics),
            let document = reading.answers(bytes, file: path, history: history, into: &diagnostics),
            let (migrated, report) = migrator.migrate(
                document.answers, to: target, into: &diagnostics, locate: document.locate)
        else { throw .input(diagnostics.sorted()) }
        guard let grid = document.grid, let release = history.release(target) else {
            return Migrated(bytes: migrated.jsonValue.prettyBytes(), report: report, isGrid: false)
        }
        guard hasOutput else { throw .misuse([.migratedGridNeedsOutput(path)]) }
        let fill = GridWriter.Fill(answers: migrated, migration: report, locale: grid.locale)
        return Migrated(
            bytes: try GridWriting.bytes(release.bundle, locale: grid.locale, fill: fill), report: report, isGrid: true)
    }

    /// Migrates one line of a stream: the migrated answer set's members and the report's.
    public func migrate(
        line number: Int, _ bytes: [UInt8], file: String, into diagnostics: inout DiagnosticCollector
    ) -> (answers: [String: JSONValue], report: [String: JSONValue])? {
        guard
            let (input, locator) = AnswerSetDecoder().decodeLocated(
                bytes, file: file, line: number, into: &diagnostics),
            let (migrated, migration) = migrator.migrate(
                input, to: target, into: &diagnostics, locate: locator.location(of:))
        else { return nil }
        return (migrated.members, migration.jsonValue.objectValue ?? [:])
    }
}
