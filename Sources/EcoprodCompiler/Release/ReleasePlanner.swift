import EcoprodFramework
import EcoprodReports
import Foundation

#if canImport(Glibc)
    import Glibc
#endif
import StrictYAML

/// What a release will write: the frozen bundle and the changelog, worked out before anything is written.
public struct ReleasePlan: Sendable {
    public var bundle: FrameworkBundle
    /// `<releases>/<id>-<version>.json`.
    public var bundlePath: String
    /// The diff against the latest release; nil for a first release.
    public var diff: FrameworkDiff?
    public var changelogPath: String
    /// The new section alone.
    public var changelogEntry: String
    /// The whole changelog after the release.
    public var changelogText: String
}

/// Works out a release: compile against the release history, diff against the latest release,
/// enforce the version, and prepare the bundle and changelog. Writing is a separate step, so
/// `--dry-run` shares every check.
public struct ReleasePlanner: Sendable {
    public var directory: String
    public var changelogPath: String
    /// The release date, `YYYY-MM-DD`.
    public var date: String
    public var limits: YAMLLimits
    /// The locale of the changelog's lines and of the notes on an understated version; nil for
    /// the framework's first locale.
    public var locale: String?

    public init(directory: String, changelogPath: String, date: String, limits: YAMLLimits = .default, locale: String? = nil) {
        self.directory = directory
        self.changelogPath = changelogPath
        self.date = date
        self.limits = limits
        self.locale = locale
    }

    public var releasesDirectory: String { FrameworkCompiler.releasesDirectory(of: directory) }

    /// Plans the release; every problem found goes to `diagnostics`, and nil means refuse.
    public func plan(into diagnostics: inout DiagnosticCollector) -> (plan: ReleasePlan?, sources: FrameworkSources) {
        let history = ReleaseHistory.load(directory: releasesDirectory, into: &diagnostics)
        let compiler = FrameworkCompiler(options: .init(limits: limits, releaseDate: date, history: history))
        let result = compiler.compile(directory: directory)
        diagnostics.emit(contentsOf: result.diagnostics)
        guard !diagnostics.hasErrors, let framework = result.framework else { return (nil, result.sources) }
        let version = framework.identity.version
        let versionLocation = Self.versionLocation(result.sources)
        if let existing = history.release(version) {
            diagnostics.emit(Diagnostic(
                .error, .versionAlreadyReleased, "version \(version) is already released as \(existing.file)", at: versionLocation,
                help: "a release is frozen; raise 'version:' in framework.yaml to release these changes"))
            return (nil, result.sources)
        }
        var diff: FrameworkDiff?
        if let latest = history.latest {
            let latestVersion = latest.bundle.framework.identity.version
            if version <= latestVersion {
                diagnostics.emit(Diagnostic(
                    .error, .versionNotIncreasing, "version \(version) is not greater than the latest release \(latestVersion)", at: versionLocation,
                    help: "releases only move forward; set 'version:' above \(latestVersion)"))
                return (nil, result.sources)
            }
            let computed = FrameworkDiff(from: latest.bundle.framework, to: framework, oldDigest: latest.bundle.digest)
            diff = computed
            if let bump = computed.requiredBump {
                let minimum = bump.minimumVersion(after: latestVersion)
                if version < minimum {
                    let scoring = computed.changes.filter { $0.bump == bump }.prefix(5)
                    diagnostics.emit(Diagnostic(
                        .error, .versionUnderstated,
                        "version \(version) understates the change: the diff from \(latestVersion) requires a \(bump.rawValue) bump, so at least \(minimum)",
                        at: versionLocation,
                        notes: scoring.map { Diagnostic.Note("\($0.bump.rawValue): \($0.summary(in: computed.descriptionLocale(locale)))") },
                        help: "set 'version: \(minimum)' in framework.yaml"))
                    return (nil, result.sources)
                }
            } else {
                diagnostics.emit(Diagnostic(
                    .warning, .versionUnderstated, "nothing changed since \(latestVersion); this release only renumbers it", at: versionLocation))
            }
        }
        let bundle = FrameworkBundle(framework: framework)
        let existing = FileManager.default.contents(atPath: changelogPath).map { String(decoding: $0, as: UTF8.self) }
        let entry = Changelog.entry(for: framework, date: date, diff: diff, locale: locale)
        let plan = ReleasePlan(
            bundle: bundle, bundlePath: releasesDirectory + "/" + bundle.fileName, diff: diff, changelogPath: changelogPath,
            changelogEntry: entry, changelogText: Changelog.inserting(entry, into: existing))
        return (plan, result.sources)
    }

    /// Writes the bundle and the changelog all or nothing: both are staged as flushed temporary
    /// files, then renamed into place one after the other with interrupting signals held back.
    public func execute(_ plan: ReleasePlan) throws(AtomicFileWriter.Failure) {
        let bundle = try AtomicFileWriter().stage(plan.bundle.fileBytes(), to: plan.bundlePath)
        let changelog: StagedFile?
        do {
            changelog = try AtomicFileWriter(force: true).stage(Array(plan.changelogText.utf8), to: plan.changelogPath)
        } catch {
            bundle?.discard()
            throw error
        }
        try InterruptCleanup.withSignalsBlocked { () throws(AtomicFileWriter.Failure) in
            if let bundle {
                do throws(AtomicFileWriter.Failure) {
                    try bundle.commit()
                } catch {
                    changelog?.discard()
                    throw error
                }
            }
            if let changelog {
                do throws(AtomicFileWriter.Failure) {
                    try changelog.commit()
                } catch {
                    if bundle != nil { unlink(plan.bundlePath) }
                    throw error
                }
            }
        }
    }

    private static func versionLocation(_ sources: FrameworkSources) -> SourceLocation {
        guard let file = sources.framework else { return .file("framework.yaml") }
        let lines = String(decoding: file.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("version:") }) else { return SourceLocation(file: file.path, line: 1, column: 1) }
        let line = lines[index]
        let valueStart = line.dropFirst("version:".count).prefix { $0 == " " }.count + "version:".count + 1
        return SourceLocation(file: file.path, line: index + 1, column: valueStart, endLine: index + 1, endColumn: line.trimmingCharacters(in: .whitespaces).count + 1)
    }
}

