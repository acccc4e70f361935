import Foundation

/// The released bundles of one framework, verified and in version order: what `release`
/// diffs against, what `migrate` walks, and what `verify --releases` checks as a chain.
public struct ReleaseHistory: Sendable {
    /// Verified releases, oldest first.
    public private(set) var releases: [BundleVerifier.VerifiedBundle]

    public init(releases: [BundleVerifier.VerifiedBundle]) {
        self.releases = releases.sorted { $0.bundle.framework.identity.version < $1.bundle.framework.identity.version }
    }

    /// An empty history: nothing released yet.
    public static let empty = ReleaseHistory(releases: [])

    /// Loads and verifies every `*.json` bundle in `directory`, and their lineage chain.
    /// A missing folder is an empty history, not an error.
    public static func load(
        directory: String, signers: SignerPolicy? = nil, into diagnostics: inout DiagnosticCollector
    ) -> ReleaseHistory {
        verify(files: bundleFiles(in: directory), complete: true, signers: signers, into: &diagnostics)
    }

    /// The bundle files of a releases folder: `*.json`, hidden temporary files excluded, sorted.
    public static func bundleFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { directory + "/" + $0 }
    }

    /// Reads and verifies bundle files ("-" is stdin), then their lineage. With `complete`, the
    /// files are a whole history: a previous version that is missing is an error. With `signers`,
    /// every bundle must also carry a valid signature by one of them (G101–G107), and once a
    /// release records its signer in `lineage.signer`, every later one must (G106).
    public static func verify(
        files: [String], complete: Bool, signers: SignerPolicy? = nil, into diagnostics: inout DiagnosticCollector
    ) -> ReleaseHistory {
        let outcomes = verifyEach(files)
        var verified: [BundleVerifier.VerifiedBundle] = []
        for outcome in outcomes {
            diagnostics.emit(contentsOf: outcome.diagnostics)
            if let bundle = outcome.bundle { verified.append(bundle) }
        }
        BundleVerifier().verifyLineage(verified, complete: complete, into: &diagnostics)
        if let signers {
            let trusted = verified.filter {
                BundleVerifier().verifySignature(of: $0, signers: signers, into: &diagnostics)
            }
            BundleVerifier().verifySignerContinuity(ReleaseHistory(releases: verified).releases, into: &diagnostics)
            return ReleaseHistory(releases: trusted)
        }
        return ReleaseHistory(releases: verified)
    }

    /// Each file read and verified on its own, on every core; outcomes in the files' order.
    private static func verifyEach(_ files: [String]) -> [(
        bundle: BundleVerifier.VerifiedBundle?, diagnostics: [Diagnostic]
    )] {
        let verifyOne = {
            @Sendable (path: String) -> (bundle: BundleVerifier.VerifiedBundle?, diagnostics: [Diagnostic]) in
            var diagnostics = DiagnosticCollector()
            let data =
                path == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
            guard let data else {
                diagnostics.emit(.fileUnreadable(path, reason: "no such file or not readable"))
                return (nil, diagnostics.diagnostics)
            }
            let bundle = BundleVerifier().verifyFile(Array(data), file: path, into: &diagnostics)
            return (bundle, diagnostics.diagnostics)
        }
        // Stdin is read once, on this thread; one file gains nothing from another thread.
        guard files.count > 1, !files.contains("-") else { return files.map(verifyOne) }
        var outcomes = [(bundle: BundleVerifier.VerifiedBundle?, diagnostics: [Diagnostic])](
            repeating: (nil, []), count: files.count)
        outcomes.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own slot only.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: files.count) { index in slots[index] = verifyOne(files[index]) }
        }
        return outcomes
    }

    /// The newest release.
    public var latest: BundleVerifier.VerifiedBundle? { releases.last }

    /// The newest release strictly older than `version`: the one a build of `version` descends from.
    public func latest(before version: SemanticVersion) -> BundleVerifier.VerifiedBundle? {
        releases.last { $0.bundle.framework.identity.version < version }
    }

    /// The release of exactly `version`, if any.
    public func release(_ version: SemanticVersion) -> BundleVerifier.VerifiedBundle? {
        releases.first { $0.bundle.framework.identity.version == version }
    }

    /// Every criterion ID ever retired, with the version that retired it.
    public var retiredIDs: [String: SemanticVersion] {
        var table: [String: SemanticVersion] = [:]
        for entry in releases {
            for rule in entry.bundle.framework.lineage.rules where rule.kind == .retire {
                for id in rule.from where table[id] == nil { table[id] = entry.bundle.framework.identity.version }
            }
        }
        return table
    }
}
