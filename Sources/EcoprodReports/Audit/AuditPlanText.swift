import EcoprodFramework

/// The audit plan for the auditor to read, in one locale: the production, the draw's inputs,
/// and each sampled claim with its title, why it was drawn, the evidence the framework expects
/// and what the production gave.
public struct AuditPlanText: Sendable {
    public var locale: String

    public init(locale: String) {
        self.locale = locale
    }

    public func render(_ plan: AuditPlan, scored: ScoredAnswers) -> String {
        let words = DiffWords(locale)
        let french = words.french
        let colon = words.colon
        let framework = scored.bundle.framework
        let criteria = Dictionary(framework.criteria.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lines = [
            (french ? "Plan d'audit — " : "Audit plan — ") + plan.production.title,
            "\(plan.bundle.id) \(plan.bundle.version) (\(plan.bundle.digest))",
            (french ? "Balise" : "Beacon") + colon + plan.beacon,
            (french ? "Graine" : "Seed") + colon + plan.seed,
            (french ? "Échantillon" : "Sample") + colon + "\(plan.sample.count) "
                + (french ? "critères sur \(plan.tickets.count) déclarés" : "of \(plan.tickets.count) claims"),
            "",
        ]
        for pick in plan.sample {
            guard let criterion = criteria[pick.criterion] else { continue }
            let answer = scored.answers.answers[pick.criterion]
            let status = answer.map { StatusWords.word($0.status, french: french) } ?? "—"
            lines.append("\(pick.criterion) \(criterion.title[locale] ?? "")  [\(reason(pick.reason, french: french))]")
            lines.append("  " + words.label(.status) + colon + status)
            let expected = criterion.evidence.compactMap { $0[locale] }
            if !expected.isEmpty {
                lines.append("  " + words.label(.evidence) + colon + expected.joined(separator: "; "))
            }
            if let given = answer?.evidence, !given.isEmpty {
                lines.append("  " + words.label(.evidenceProvided) + colon + given.joined(separator: "; "))
            }
        }
        return lines.map { TerminalText.visible($0) }.joined(separator: "\n") + "\n"
    }

    private func reason(_ reason: AuditDraw.Reason, french: Bool) -> String {
        switch reason {
        case .mandatory: return french ? "obligatoire" : "mandatory"
        case .department: return french ? "tiré pour son poste" : "drawn for its department"
        case .draw: return french ? "tiré" : "drawn"
        }
    }
}

/// An answer status in words, as the reports label it.
enum StatusWords {
    static func word(_ status: AnswerStatus, french: Bool) -> String {
        switch status {
        case .met: return ReportLabel.met[french ? "fr" : "en"]
        case .notMet: return ReportLabel.notMet[french ? "fr" : "en"]
        case .notApplicable: return ReportLabel.notApplicable[french ? "fr" : "en"]
        }
    }
}
