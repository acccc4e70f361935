import EcoprodFramework
import EcoprodGrid
import Foundation

extension AnswerReading {
    /// `import`: the grid at `path`, refused before it is read when it is over the size limit.
    public func importGrid(at path: String, releases: String?, into diagnostics: inout DiagnosticCollector)
        -> GridImport?
    {
        if let size = InputFile.size(path), size > limits.maxFileBytes {
            diagnostics.emit(.gridTooLarge(path, size: size, limit: limits.maxFileBytes))
            return nil
        }
        guard let bytes = InputFile.read(path, into: &diagnostics) else { return nil }
        return grid(bytes, file: path, releases: releases, into: &diagnostics)
    }

    /// The fill of a grid for `bundle`: the answers as they are when written for it, else
    /// migrated to it through `history`; refused when the bundle's policy refuses them.
    public func fill(
        _ document: AnswerDocument, bundle: FrameworkBundle, history: ReleaseHistory, locale: String,
        into diagnostics: inout DiagnosticCollector
    ) -> GridWriter.Fill? {
        var current = document.answers
        var report: MigrationReport?
        if current.framework != BundleReference(bundle) {
            let version = bundle.framework.identity.version
            guard
                let (migrated, migration) = Migrator(history: history).migrate(
                    current, to: version, into: &diagnostics, locate: document.locate)
            else { return nil }
            guard migrated.framework == BundleReference(bundle) else {
                diagnostics.emit(
                    .migratedElsewhere(migrated.framework, bundle: bundle, at: document.locate("$.framework")))
                return nil
            }
            current = migrated
            report = migration
        }
        guard Scorer(bundle: bundle).score(current, into: &diagnostics, locate: document.locate) != nil else {
            return nil
        }
        return GridWriter.Fill(answers: current, migration: report, locale: locale)
    }

    /// `render --format xlsx`: the grid of `bundle`, pre-filled from the answers at `answers`
    /// when given. The releases are needed only to migrate: answers written for this bundle
    /// need none, so the default folder is read only when it exists.
    public func renderGrid(
        _ bundle: FrameworkBundle, locale: String, answers: String?, releases: String?
    ) throws(UseCaseFailure) -> [UInt8] {
        var fill: GridWriter.Fill?
        if let answers {
            var diagnostics = DiagnosticCollector()
            let needsHistory = releases != nil || FileManager.default.fileExists(atPath: Self.defaultReleases)
            let history = needsHistory ? history(releases: releases, into: &diagnostics) : .empty
            try diagnostics.failOnErrors()
            guard let document = self.answers(at: answers, history: history, also: bundle, into: &diagnostics),
                let made = self.fill(document, bundle: bundle, history: history, locale: locale, into: &diagnostics)
            else { throw .input(diagnostics.sorted()) }
            fill = made
        }
        return try GridWriting.bytes(bundle, locale: locale, fill: fill)
    }
}

extension Diagnostic {
    static func migratedElsewhere(_ reference: BundleReference, bundle: FrameworkBundle, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .answersVersionMismatch,
            "the answers migrate to \(bundle.framework.identity.version) with digest \(reference.digest), not this bundle's \(bundle.digest)",
            at: location,
            help: "render the grid from the released bundle, or pass --releases with the folder it belongs to")
    }
}
