import EcoprodFramework
import Foundation

/// Where answer-set commands find bundles, and how they read answers.
enum AnswerInput {
    /// Loads the release history from `--releases` (default `Framework/releases`), or a single
    /// `--bundle`, verifying each.
    static func history(bundle: String?, releases: String?, into diagnostics: inout DiagnosticCollector) -> ReleaseHistory {
        if let bundle {
            return ReleaseHistory.verify(files: [bundle], complete: false, into: &diagnostics)
        }
        let directory = releases ?? "Framework/releases"
        if !FileManager.default.fileExists(atPath: directory) {
            diagnostics.emit(.fileUnreadable(directory, reason: "no such folder; pass --releases DIR or --bundle FILE"))
            return .empty
        }
        return ReleaseHistory.load(directory: directory, into: &diagnostics)
    }
}
