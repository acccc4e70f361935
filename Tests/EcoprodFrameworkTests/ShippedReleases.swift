import Foundation
import TestSupport

@testable import EcoprodFramework

/// The committed releases, verified.
let shippedHistory: ReleaseHistory = {
    var diagnostics = DiagnosticCollector()
    let history = ReleaseHistory.load(
        directory: packageRoot.appendingPathComponent("Framework/releases").path, into: &diagnostics)
    precondition(!diagnostics.hasErrors, "the committed releases must verify: \(diagnostics.diagnostics)")
    return history
}()

/// The latest committed release.
var latestRelease: FrameworkBundle { shippedHistory.latest!.bundle }

/// Builds answer sets for tests.
enum AnswerSets {
    /// An answer set for `bundle` with the given statuses (others unanswered).
    static func make(
        _ bundle: FrameworkBundle, type: String = "feature-film", scheme: String = "performance",
        title: String = "Test production",
        statuses: [String: AnswerStatus]
    ) -> AnswerSet {
        var answers: [String: Answer] = [:]
        for (id, status) in statuses {
            answers[id] = Answer(
                status: status,
                fields: ["evidence": .array([.string("evidence for \(id)")]), "note": .string("note on \(id)")])
        }
        return AnswerSet(
            framework: BundleReference(bundle), production: Production(title: title, type: type, scheme: scheme),
            answers: answers)
    }

    /// Statuses that give exactly `met` points met out of `applicable` applicable points for `type`,
    /// every mandatory criterion met; nil when the target cannot be hit.
    static func statuses(_ bundle: FrameworkBundle, type: String, met target: Int, applicable targetApplicable: Int)
        -> [String: AnswerStatus]?
    {
        let criteria = bundle.framework.criteria.filter { $0.applies(to: type) }
        var statuses: [String: AnswerStatus] = [:]
        var applicable = criteria.reduce(0) { $0 + $1.points }
        // Drop optional criteria to not-applicable, largest first, until the denominator is right.
        for criterion in criteria.filter({ !$0.mandatory }).sorted(by: { $0.points > $1.points })
        where applicable - criterion.points >= targetApplicable {
            statuses[criterion.id] = .notApplicable
            applicable -= criterion.points
        }
        guard applicable == targetApplicable else { return nil }
        var met = 0
        for criterion in criteria where criterion.mandatory {
            statuses[criterion.id] = .met
            met += criterion.points
        }
        for criterion in criteria.filter({ !$0.mandatory && statuses[$0.id] == nil }).sorted(by: {
            $0.points > $1.points
        }) {
            if met + criterion.points <= target {
                statuses[criterion.id] = .met
                met += criterion.points
            } else {
                statuses[criterion.id] = .notMet
            }
        }
        return met == target ? statuses : nil
    }
}
