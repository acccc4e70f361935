import EcoprodFramework
import Foundation

/// Where answer-set commands find bundles, and how they read answers.
enum AnswerInput {
    /// Loads the release history from `--releases` (default `Framework/releases`), or a single
    /// `--bundle`, verifying each, and its signature when an allowed-signers file applies.
    static func history(bundle: String?, releases: String?, trust: TrustOptions, into diagnostics: inout DiagnosticCollector) -> ReleaseHistory {
        if let bundle {
            let folder = URL(fileURLWithPath: bundle).deletingLastPathComponent().path
            let signers = bundle == "-" && trust.allowedSigners == nil ? nil : trust.policy(forBundlesIn: folder, into: &diagnostics)
            return ReleaseHistory.verify(files: [bundle], complete: false, signers: signers, into: &diagnostics)
        }
        let directory = releases ?? "Framework/releases"
        if !FileManager.default.fileExists(atPath: directory) {
            diagnostics.emit(.fileUnreadable(directory, reason: "no such folder; pass --releases DIR or --bundle FILE"))
            return .empty
        }
        let signers = trust.policy(forBundlesIn: directory, into: &diagnostics)
        let history = ReleaseHistory.load(directory: directory, signers: signers, into: &diagnostics)
        if let signers, diagnostics.diagnostics.contains(where: { $0.code.rawValue.hasPrefix("G") }) {
            diagnostics.emit(Diagnostic(
                .note, .signatureMissing, "untrusted bundles are not scored or migrated; see which and why with: ecoprod verify --releases \(directory)",
                at: SourceLocation(file: signers.file, line: 1, column: 1),
                help: "or, for one bundle: ssh-keygen -Y verify -n ecoprod-bundle -f \(signers.file) -I SIGNER -s BUNDLE.sig < BUNDLE"))
        }
        return history
    }
}
