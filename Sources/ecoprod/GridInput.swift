import ArgumentParser
import EcoprodFramework
import EcoprodReports
import Foundation

/// The options of the commands that read answers, as a JSON answer set or a filled grid,
/// against the releases (score, migrate, render, import): the diagnostics' format, the allowed
/// signers, and the limits a workbook is read within (README "Formats › The grid").
///
/// One group rather than three: swift-argument-parser reflects on each group's type, and looks
/// up its conformances, on every parse; two groups fewer were 3% of an `import`'s
/// instructions. The limits are optional, their defaults named in their help: a defaulted
/// `Int` option has its default described on every parse, help or not.
struct AnswerReadingOptions: ParsableArguments {
    private static let defaults = GridLimits.default

    @Option(name: .long, help: DiagnosticFormatOption.help)
    var diagnosticsFormat: DiagnosticFormat = .text

    @Option(name: .long, help: TrustOptions.help)
    var allowedSigners: String?

    @Option(name: .long, help: "Largest workbook file read, in bytes (default: \(defaults.maxFileBytes)).")
    var maxGridBytes: Int?

    @Option(name: .long, help: "Most entries (parts) in the workbook's zip package (default: \(defaults.maxEntries)).")
    var maxEntries: Int?

    @Option(name: .long, help: "Most bytes the parts read may decompress to, together (default: \(defaults.maxUncompressedBytes)).")
    var maxUncompressedBytes: Int?

    @Option(name: .long, help: "Highest compression ratio of a part over 1 MiB (default: \(defaults.maxCompressionRatio)).")
    var maxCompressionRatio: Int?

    @Option(name: .long, help: "Deepest XML nesting in a part (default: \(defaults.maxXMLDepth)).")
    var maxXMLDepth: Int?

    func validate() throws {
        let values = [
            ("--max-grid-bytes", maxGridBytes), ("--max-entries", maxEntries), ("--max-uncompressed-bytes", maxUncompressedBytes),
            ("--max-compression-ratio", maxCompressionRatio), ("--max-xml-depth", maxXMLDepth),
        ]
        for (name, value) in values where (value ?? 1) <= 0 {
            throw ValidationError("\(name) must be a positive integer")
        }
    }

    /// Which allowed-signers file applies.
    var trust: TrustOptions { TrustOptions(allowedSigners: allowedSigners) }

    /// The grid's limits, each given or its default.
    var limits: GridLimits {
        GridLimits(
            maxFileBytes: maxGridBytes ?? Self.defaults.maxFileBytes, maxEntries: maxEntries ?? Self.defaults.maxEntries,
            maxUncompressedBytes: maxUncompressedBytes ?? Self.defaults.maxUncompressedBytes,
            maxCompressionRatio: maxCompressionRatio ?? Self.defaults.maxCompressionRatio, maxXMLDepth: maxXMLDepth ?? Self.defaults.maxXMLDepth)
    }
}

/// Answer sets from grids, and grids from answer sets, for the commands that accept either.
enum GridInput {
    /// Reads a grid, finding the bundle it names among `history`'s releases.
    /// `also` is one more bundle to look in (the one a grid is being rendered from).
    static func read(
        _ bytes: [UInt8], file: String, history: ReleaseHistory, also: FrameworkBundle? = nil, limits: GridLimits, into diagnostics: inout DiagnosticCollector
    ) -> GridImport? {
        GridImporter(limits: limits).read(bytes, file: file, bundle: { id, version in
            let candidates = (also.map { [$0] } ?? []) + (history.release(version).map { [$0.bundle] } ?? [])
            return candidates.first { $0.framework.identity.id == id && $0.framework.identity.version == version }
        }, into: &diagnostics)
    }

    /// Reads a grid, verifying only the release it names (`DIR/<id>-<version>.json`, with its
    /// signature when DIR's allowed-signers file applies; every release when no file has that
    /// name). It is verified on this thread: on another, contending for the Swift runtime's
    /// caches with the sheets being read, it took longer than both in turn (README, Performance).
    static func read(_ bytes: [UInt8], file: String, releases: String?, trust: TrustOptions, limits: GridLimits, into diagnostics: inout DiagnosticCollector) -> GridImport? {
        let folder = URL(fileURLWithPath: releases ?? "Framework/releases")
        var loading = DiagnosticCollector()
        let imported = GridImporter(limits: limits).read(bytes, file: file, bundle: { id, version in
            let named = folder.appendingPathComponent("\(id)-\(version).json").path
            let history = FileManager.default.fileExists(atPath: named)
                ? AnswerInput.history(bundle: named, releases: nil, trust: trust, into: &loading)
                : AnswerInput.history(bundle: nil, releases: folder.path, trust: trust, into: &loading)
            guard !loading.hasErrors, let release = history.release(version), release.bundle.framework.identity.id == id else { return nil }
            return release.bundle
        }, into: &diagnostics)
        diagnostics.emit(contentsOf: loading.diagnostics)
        return loading.hasErrors ? nil : imported
    }

    /// The answers `path` holds (an answer set or a grid, told by content), with where each value is.
    static func answers(
        at path: String, history: ReleaseHistory, also: FrameworkBundle? = nil, limits: GridLimits, into diagnostics: inout DiagnosticCollector
    ) -> (answers: AnswerSet, locate: (String) -> SourceLocation, isGrid: Bool)? {
        guard let bytes = Console.read(path) else {
            diagnostics.emit(.fileUnreadable(path, reason: "no such file"))
            return nil
        }
        if GridImporter.isWorkbook(bytes) {
            guard let grid = read(bytes, file: path, history: history, also: also, limits: limits, into: &diagnostics) else { return nil }
            return (grid.answers, grid.locate, true)
        }
        guard let (answers, locator) = AnswerSetDecoder().decodeLocated(bytes, file: path, into: &diagnostics) else { return nil }
        return (answers, locator.location(of:), false)
    }

    /// The fill of a grid for `bundle`: the answers as they are when written for it, else
    /// migrated to it through `history`; refused when the bundle's policy refuses them.
    static func fill(
        _ answers: AnswerSet, locate: (String) -> SourceLocation, bundle: FrameworkBundle, history: ReleaseHistory, locale: String,
        into diagnostics: inout DiagnosticCollector
    ) -> GridWriter.Fill? {
        var current = answers
        var report: MigrationReport?
        if answers.framework != BundleReference(bundle) {
            let version = bundle.framework.identity.version
            guard let (migrated, migration) = Migrator(history: history).migrate(answers, to: version, into: &diagnostics, locate: locate) else { return nil }
            guard migrated.framework == BundleReference(bundle) else {
                diagnostics.emit(Diagnostic(
                    .answersVersionMismatch, "the answers migrate to \(version) with digest \(migrated.framework.digest), not this bundle's \(bundle.digest)",
                    at: locate("$.framework"), help: "render the grid from the released bundle, or pass --releases with the folder it belongs to"))
                return nil
            }
            current = migrated
            report = migration
        }
        guard Scorer(bundle: bundle).score(current, into: &diagnostics, locate: locate) != nil else { return nil }
        return GridWriter.Fill(answers: current, migration: report, locale: locale)
    }
}
