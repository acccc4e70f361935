import EcoprodFramework

/// A score report for people: a few lines, with a bar per department, in one locale. Texts
/// from the answer set are shown through ``TerminalText``.
public struct ScoreTextRenderer: Sendable {
    /// The language of the lines; nil for the framework's first locale.
    public var locale: String?

    public init(locale: String? = nil) {
        self.locale = locale
    }

    public func render(_ scored: ScoredAnswers) -> String {
        let report = scored.report
        let words = DiffWords(locale ?? scored.bundle.framework.identity.locales.first ?? "en")
        let french = words.french
        let colon = words.colon
        let label = { (label: ReportLabel) in words.label(label) }
        let threshold = "\(report.threshold.comparison.symbol) \(report.threshold.basisPoints.shortText)%"
        let reached = report.pointsNeeded == 0 ? (french ? "atteint" : "reached") : label(.thresholdNotReached)
        let starWord = (french ? "étoile" : "star") + (report.stars > 1 ? "s" : "")
        let stars = "\(report.stars) \(starWord) \(String(repeating: "★", count: report.stars))"
        let mandatoryTotal = report.mandatoryMet.count + report.mandatoryMissing.count
        var lines = [
            "\(report.production.title) — \(report.production.type), \(label(.scheme).lowercased()) \(report.production.scheme) (\(report.framework.id) \(report.framework.version))",
            "\(label(.score)) \(report.percent)% (\(report.points)/\(report.applicablePoints) points); \(label(.threshold).lowercased()) \(threshold)\(colon)\(reached)",
            (report.eligible ? label(.eligible) + ", " + stars : label(.notEligible)),
            "\(label(.mandatoryChecklist))\(colon)\(report.mandatoryMet.count)/\(mandatoryTotal) \(french ? "remplis" : "met")"
                + (report.mandatoryMissing.isEmpty
                    ? "" : "; \(french ? "manquent" : "missing") \(report.mandatoryMissing.joined(separator: ", "))"),
        ]
        if report.pointsNeeded > 0 {
            lines.append("\(label(.stillNeeded))\(colon)\(report.pointsNeeded) \(label(.morePointsNeeded))")
        }
        for department in report.departments where department.applicablePoints > 0 {
            let width = 20
            let filled = department.points * width / department.applicablePoints
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            lines.append(
                "  \(department.id) \(bar) \(department.percent)% \(department.points)/\(department.applicablePoints)")
        }
        if !report.unanswered.isEmpty {
            lines.append(
                "\(report.unanswered.count) \(label(.unansweredCount))\(colon)\(report.unanswered.joined(separator: ", "))"
            )
        }
        return lines.map { TerminalText.visible($0) }.joined(separator: "\n") + "\n"
    }
}
