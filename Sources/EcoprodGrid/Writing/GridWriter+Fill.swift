import EcoprodFramework
import EcoprodReports

extension GridWriter.Fill {
    /// Answers to pre-fill, with a review reason for every row a migration touched: renamed,
    /// split, merged or changed criteria, new criteria still to answer, and answers marked
    /// `needs_review`. Without a report, only `needs_review` marks rows.
    public init(answers: AnswerSet, migration report: MigrationReport?, locale: String) {
        var reasons: [String: [String]] = [:]
        for step in report?.steps ?? [] {
            for action in step.actions {
                guard let reason = Self.reason(action, version: step.to, locale: locale) else { continue }
                for id in action.to where action.kind != .new || answers.answers[id] == nil {
                    reasons[id, default: []].append(reason)
                }
            }
        }
        for (id, answer) in answers.answers {
            if let note = answer.fields["needs_review"]?.stringValue, !(reasons[id]?.isEmpty == false) {
                reasons[id, default: []].append(note)
            }
        }
        self.init(answers: answers, review: reasons.mapValues { $0.joined(separator: "\n") })
    }

    private static func reason(_ action: MigrationReport.Action, version: SemanticVersion, locale: String) -> String? {
        let from = action.from.joined(separator: ", ")
        let label: ReportLabel
        switch action.kind {
        case .kept, .retired: return nil
        case .renamed:
            label = ReportLabel("Renommé en \(version) : était \(from)", "Renamed in \(version): was \(from)")
        case .split:
            label = ReportLabel(
                "Scindé en \(version) depuis \(from) : réponse copiée, à revoir",
                "Split from \(from) in \(version): answer copied, review it")
        case .merged:
            label = ReportLabel(
                "Fusionné en \(version) depuis \(from) : à revoir", "Merged from \(from) in \(version): review it")
        case .new: label = ReportLabel("Nouveau en \(version) : à renseigner", "New in \(version): to answer")
        case .changed:
            label = ReportLabel(
                "Modifié en \(version) : \(action.detail ?? "")", "Changed in \(version): \(action.detail ?? "")")
        case .conflict:
            label = ReportLabel(
                "Conflit en \(version) : \(action.detail ?? "")", "Conflict in \(version): \(action.detail ?? "")")
        }
        return label[locale]
    }
}
