import EcoprodFramework
import Foundation

/// A release history read and verified on another thread while the sources are read.
///
/// `check` needs the releases only once the sources are typed (for the lineage rules), and
/// verifying them (parse, digest, layout) costs as much as reading the YAML: started first,
/// the two overlap on two cores instead of adding up, which is most of what `check` costs
/// beyond starting the process.
final class BackgroundReleaseHistory: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once on the worker, read only after `group.wait()`: the group orders the two.
    private var outcome: (history: ReleaseHistory, diagnostics: [Diagnostic]) = (.empty, [])

    /// Starts loading `directory`'s releases.
    init(directory: String) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            var diagnostics = DiagnosticCollector()
            let history = ReleaseHistory.load(directory: directory, into: &diagnostics)
            outcome = (history, diagnostics.diagnostics)
            group.leave()
        }
    }

    /// The verified history and the problems found in it, once the worker is done.
    func wait() -> (history: ReleaseHistory, diagnostics: [Diagnostic]) {
        group.wait()
        return outcome
    }
}
