import EcoprodFramework

/// A score report for people: a few lines, with a bar per department. Texts from the answer set
/// are shown through ``TerminalText``.
public struct ScoreTextRenderer: Sendable {
    public init() {}

    public func render(_ report: ScoreReport) -> String {
        let threshold = "\(report.threshold.comparison.symbol) \(report.threshold.basisPoints.shortText)%"
        var lines = [
            "\(report.production.title) — \(report.production.type), scheme \(report.production.scheme) (\(report.framework.id) \(report.framework.version))",
            "Score \(report.percent)% (\(report.points)/\(report.applicablePoints) points); threshold \(threshold): \(report.pointsNeeded == 0 ? "reached" : "not reached")",
            "Eligible: \(report.eligible ? "yes" : "no")"
                + (report.eligible
                    ? ", \(report.stars) star\(report.stars == 1 ? "" : "s") \(String(repeating: "★", count: report.stars))"
                    : ""),
            "Mandatory: \(report.mandatoryMet.count)/\(report.mandatoryMet.count + report.mandatoryMissing.count) met"
                + (report.mandatoryMissing.isEmpty
                    ? "" : "; missing \(report.mandatoryMissing.joined(separator: ", "))"),
        ]
        if report.pointsNeeded > 0 {
            lines.append("Still needed: \(report.pointsNeeded) more point\(report.pointsNeeded == 1 ? "" : "s") met")
        }
        for department in report.departments where department.applicablePoints > 0 {
            let width = 20
            let filled = department.points * width / department.applicablePoints
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            lines.append(
                "  \(department.id) \(bar) \(department.percent)% \(department.points)/\(department.applicablePoints)")
        }
        if !report.unanswered.isEmpty {
            lines.append("Unanswered (counted as not met): \(report.unanswered.joined(separator: ", "))")
        }
        return lines.map { TerminalText.visible($0) }.joined(separator: "\n") + "\n"
    }
}
