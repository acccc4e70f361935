import EcoprodFramework
import Foundation

/// `verify`: bundles' digests, structure, layout, lineage chain and signatures.
public struct BundleVerification: Sendable {
    public var bundles: [String]
    /// A releases folder, verified as one complete history with its own trust list.
    public var releases: String?
    /// The allowed-signers file; single bundles are checked against one only when it is given.
    public var allowedSigners: String?

    public init(bundles: [String], releases: String?, allowedSigners: String?) {
        self.bundles = bundles
        self.releases = releases
        self.allowedSigners = allowedSigners
    }

    /// What was verified.
    public struct Verified: Sendable {
        public var history: ReleaseHistory
        /// Whether signatures were checked.
        public var signed: Bool
        /// The warnings and notes found.
        public var diagnostics: [Diagnostic]
    }

    public func run() throws(UseCaseFailure) -> Verified {
        var collector = DiagnosticCollector()
        var files = bundles
        if let releases {
            if !FileManager.default.fileExists(atPath: releases) {
                collector.emit(.fileUnreadable(releases, reason: "no such folder"))
            }
            files += ReleaseHistory.bundleFiles(in: releases)
        }
        // A releases folder brings its own trust list (DIR/../allowed_signers); single bundles
        // are checked against one only when --allowed-signers names it.
        var signers: SignerPolicy?
        if let releases {
            signers = AnswerReading(allowedSigners: allowedSigners).signers(forBundlesIn: releases, into: &collector)
        } else if let file = allowedSigners {
            signers = SignerPolicy.load(file, into: &collector)
        }
        let history = ReleaseHistory.verify(files: files, complete: releases != nil, signers: signers, into: &collector)
        try collector.failOnErrors()
        return Verified(history: history, signed: signers != nil, diagnostics: collector.sorted())
    }
}
