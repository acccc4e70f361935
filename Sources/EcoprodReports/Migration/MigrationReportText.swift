import EcoprodFramework

/// A migration report for people, in one locale: kept answers counted, every other action
/// listed. The JSON report (`--report`) keeps each action's kind and detail for tools.
public struct MigrationReportText: Sendable {
    public var locale: String

    public init(locale: String) {
        self.locale = locale
    }

    public func render(_ report: MigrationReport) -> String {
        let words = DiffWords(locale)
        let french = words.french
        var lines: [String] = []
        if report.steps.isEmpty {
            lines.append(
                "\(report.from) → \(report.to)\(words.colon)"
                    + (french ? "déjà à jour, rien à migrer" : "already there, nothing to migrate"))
        }
        for step in report.steps {
            let kept = step.actions.filter { $0.kind == .kept }.count
            let answers =
                french
                ? "\(kept) réponse\(kept == 1 ? "" : "s") gardée\(kept == 1 ? "" : "s")"
                : "\(kept) answer\(kept == 1 ? "" : "s") kept"
            lines.append("\(step.from) → \(step.to)\(words.colon)\(answers)")
            for action in step.actions {
                if let line = line(action, words) { lines.append("  " + line) }
            }
        }
        return lines.map { TerminalText.visible($0) }.joined(separator: "\n") + "\n"
    }

    /// One action in words; nil for a kept answer, which is only counted.
    private func line(_ action: MigrationReport.Action, _ words: DiffWords) -> String? {
        let french = words.french
        let ids = action.from.joined(separator: ", ")
        let targets = action.to.joined(separator: ", ")
        switch action.kind {
        case .kept: return nil
        case .renamed: return "\(ids) \(french ? "devient" : "renamed to") \(targets)"
        case .split:
            return french
                ? "\(ids) scindé en \(targets) (copié ; à revoir)"
                : "\(ids) split into \(targets) (copied; review them)"
        case .merged:
            let combine = action.detail.flatMap(MigrationRule.Combination.init(rawValue:))
            let verb = french ? "fusionnés dans" : "merged into"
            return "\(ids) \(verb) \(targets) (\((combine ?? .allMet).words(french: french)))"
        case .retired:
            return french
                ? "\(ids) retiré ; réponse conservée parmi les réponses retirées"
                : "\(ids) retired; answer kept under 'retired'"
        case .new: return french ? "\(targets) est nouveau : à répondre" : "\(targets) is new: to answer"
        case .changed:
            return french
                ? "\(targets) : points, caractère obligatoire ou applicabilité modifiés ; réponse gardée"
                : "\(targets): \(action.detail ?? "changed")"
        case .conflict:
            return french
                ? "\(ids) : \(targets) avait déjà une réponse ; la réponse déplacée est conservée parmi les réponses retirées"
                : "\(ids): \(action.detail ?? "conflict")"
        }
    }
}
