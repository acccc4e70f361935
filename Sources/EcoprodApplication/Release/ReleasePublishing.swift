import EcoprodCompiler
import EcoprodFramework
import EcoprodWriters
import Foundation

/// `release`, in two steps. ``plan()`` takes the releases folder's lock (unless a dry run) and
/// works out the release: compile, diff, enforce the version, authorize the signer. The caller
/// shows the plan's warnings and diff, and may stop there; ``PlannedRelease/publish()`` then
/// signs it and writes the bundle, its signature and the changelog as one ``Transaction``.
public struct ReleasePublishing: Sendable {
    public var planner: ReleasePlanner
    public var dryRun: Bool

    public init(planner: ReleasePlanner, dryRun: Bool) {
        self.planner = planner
        self.planner.dryRun = dryRun
        self.dryRun = dryRun
    }

    /// The changelog beside a framework folder: `CHANGELOG.md` in the folder that holds it.
    public static func defaultChangelog(for directory: String) -> String {
        let parent = (directory as NSString).deletingLastPathComponent
        return (parent as NSString).appendingPathComponent("CHANGELOG.md")
    }

    /// Plans the release under the lock; refused with every problem found.
    public func plan() throws(ReleaseFailure) -> PlannedRelease {
        var lock: ReleaseLock?
        if !dryRun {
            switch ReleaseLock.acquire(in: planner.releasesDirectory) {
            case .success(let acquired): lock = acquired
            case .failure(let failure): throw ReleaseFailure(.input(failure.diagnostic), sources: [:])
            }
        }
        var collector = DiagnosticCollector()
        let (planned, sources) = planner.plan(into: &collector)
        let quoted = sources.byPath
        guard !collector.hasErrors, let plan = planned else {
            throw ReleaseFailure(.input(collector.sorted()), sources: quoted)
        }
        return PlannedRelease(
            plan: plan, planner: planner, sources: quoted, diagnostics: collector.sorted(), lock: lock)
    }
}

/// A release worked out and not yet written, holding the releases folder's lock until it is
/// published or dropped.
public final class PlannedRelease: @unchecked Sendable {
    public private(set) var plan: ReleasePlan
    /// The sources, for quoting their lines in diagnostics.
    public let sources: [String: [UInt8]]
    /// The warnings and notes of planning.
    public let diagnostics: [Diagnostic]
    private let planner: ReleasePlanner
    private let lock: ReleaseLock?

    init(
        plan: ReleasePlan, planner: ReleasePlanner, sources: [String: [UInt8]], diagnostics: [Diagnostic],
        lock: ReleaseLock?
    ) {
        self.plan = plan
        self.planner = planner
        self.sources = sources
        self.diagnostics = diagnostics
        self.lock = lock
    }

    /// Signs the release (when a key is given), then writes the changelog, the signature and the
    /// bundle, all or nothing.
    ///
    /// The bundle is placed last: it is what makes a version released. A process killed
    /// outright (which no rollback can follow) therefore leaves either the previous state, or
    /// a changelog section and perhaps a signature for a version not yet released, which the
    /// next run of `release` writes again and completes (the section is replaced, not repeated;
    /// a signature whose bundle does not exist signs nothing, and is replaced).
    public func publish() throws(UseCaseFailure) {
        defer { lock?.release() }
        var signing = DiagnosticCollector()
        guard planner.sign(&plan, into: &signing) else { throw .input(signing.sorted()) }
        if !FileManager.default.fileExists(atPath: plan.bundlePath) { unlink(plan.signaturePath) }
        do {
            var transaction = Transaction()
            try transaction.stage(Array(plan.changelogText.utf8), to: plan.changelogPath, force: true)
            if let signature = plan.signature { try transaction.stage(signature, to: plan.signaturePath) }
            try transaction.stage(plan.bundle.fileBytes(), to: plan.bundlePath)
            try transaction.commit()
        } catch {
            throw .input(error.diagnostic)
        }
    }
}

/// A refused release, with the sources its diagnostics quote.
public struct ReleaseFailure: Error, Sendable {
    public var failure: UseCaseFailure
    public var sources: [String: [UInt8]]

    init(_ failure: UseCaseFailure, sources: [String: [UInt8]]) {
        self.failure = failure
        self.sources = sources
    }
}
