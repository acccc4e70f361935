import EcoprodFramework

/// A production's score as a one-page report, ready to send to the auditor: the gauge against
/// the threshold, the stars, the mandatory checklist, the departments, what is still needed,
/// and the evidence listed for each criterion.
///
/// Everything shown comes from the score (`ScoreReport`), the answers and the bundle they were
/// scored against; nothing is recomputed here.
public struct ScoreHTMLRenderer: Sendable {
    /// The one locale to show; nil shows every locale of the framework, with a switch.
    public var locale: String?

    public init(locale: String? = nil) {
        self.locale = locale
    }

    /// The whole page for one scored answer set, in the bundle's words.
    public func render(_ scored: ScoredAnswers) -> String {
        let report = scored.report
        let framework = scored.bundle.framework
        var page = HTMLPage(locale: locale, available: framework.identity.locales)
        let type = framework.productionTypes.first { $0.id == report.production.type }
        let scheme = framework.scoring.schemes.first { $0.id == report.production.scheme }

        page.raw("<header>\n<p class=\"kicker\">")
        page.label(.scoreReport)
        page.raw("</p>\n<h1>")
        page.text(report.production.title)
        page.raw("</h1>\n<dl class=\"facts\">\n<dt>")
        page.label(.productionType)
        page.raw("</dt><dd>")
        if let type { page.localized(type.title) } else { page.text(report.production.type) }
        page.raw("</dd>\n<dt>")
        page.label(.scheme)
        page.raw("</dt><dd>")
        if let scheme { page.localized(scheme.title) } else { page.text(report.production.scheme) }
        page.raw("</dd>\n<dt>")
        page.label(.referenceFramework)
        page.raw("</dt><dd>")
        page.localized(framework.identity.title)
        page.text(" \(framework.identity.version)")
        page.raw("</dd>\n<dt>")
        page.label(.digest)
        page.raw("</dt><dd><code>\(HTMLPage.escape(scored.bundle.digest))</code></dd>\n</dl>\n</header>\n<main>\n")

        verdict(report, scheme: scheme, into: &page)
        stillNeeded(report, framework: framework, into: &page)
        mandatoryChecklist(report, framework: framework, into: &page)
        departments(report, framework: framework, into: &page)
        evidence(scored, into: &page)
        page.raw("</main>\n<footer>")
        page.label(.generatedFrom)
        page.raw(" <code>\(HTMLPage.escape(scored.bundle.digest))</code>.</footer>\n")
        return page.document(title: "\(report.production.title) — \(ReportLabel.scoreReport[page.primaryLocale]) \(report.percent) %")
    }

    /// The gauge, the verdict and the stars.
    private func verdict(_ report: ScoreReport, scheme: Scheme?, into page: inout HTMLPage) {
        page.raw("<section aria-labelledby=\"verdict\" class=\"panel\">\n<h2 id=\"verdict\">")
        page.label(.score)
        page.raw(": \(report.percent) %</h2>\n")
        page.raw(ScoreGauge(report: report, levels: scheme?.levels ?? []).svg(title: "\(ReportLabel.score[page.primaryLocale]) \(report.percent) %"))
        page.raw("<p class=\"verdict \(report.eligible ? "status-met" : "status-not-met")\">")
        page.label(report.eligible ? .eligible : .notEligible)
        if !report.eligible {
            // Why, in the same words as the checklist below.
            var reasons: [(Int?, ReportLabel)] = []
            if !report.mandatoryMissing.isEmpty { reasons.append((report.mandatoryMissing.count, report.mandatoryMissing.count == 1 ? .mandatoryNotMetOne : .mandatoryNotMetMany)) }
            if report.pointsNeeded > 0 { reasons.append((nil, .thresholdNotReached)) }
            for (index, reason) in reasons.enumerated() {
                page.raw(index == 0 ? " — " : "; ")
                if let count = reason.0 { page.text("\(count) ") }
                page.label(reason.1)
            }
        }
        if report.eligible {
            let maximum = scheme?.levels.map(\.stars).max() ?? report.stars
            page.raw(" <span class=\"stars\" aria-label=\"\(report.stars) ★\">\(String(repeating: "★", count: report.stars))\(String(repeating: "☆", count: max(0, maximum - report.stars)))</span>")
        }
        page.raw("</p>\n<dl class=\"facts\">\n<dt>")
        page.label(.points)
        page.raw("</dt><dd>\(report.points) / \(report.applicablePoints)</dd>\n<dt>")
        page.label(.threshold)
        page.raw("</dt><dd>")
        ScoringRulesSection.threshold(report.threshold, into: &page)
        page.raw("</dd>\n<dt>")
        page.label(.mandatoryChecklist)
        page.raw("</dt><dd>\(report.mandatoryMet.count) / \(report.mandatoryMet.count + report.mandatoryMissing.count)</dd>\n</dl>\n</section>\n")
    }

    /// Mandatory criteria to meet, points to gain, criteria left unanswered.
    private func stillNeeded(_ report: ScoreReport, framework: Framework, into page: inout HTMLPage) {
        let titles = Dictionary(framework.criteria.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        page.raw("<section aria-labelledby=\"still-needed\">\n<h2 id=\"still-needed\">")
        page.label(.stillNeeded)
        page.raw("</h2>\n")
        if report.eligible && report.unanswered.isEmpty {
            page.raw("<p>")
            page.label(.nothingNeeded)
            page.raw("</p>\n</section>\n")
            return
        }
        page.raw("<ul>\n")
        for id in report.mandatoryMissing {
            page.raw("<li><span class=\"status-not-met\">")
            page.label(.mandatoryToMeet)
            page.raw("</span>: <a href=\"#answer-\(HTMLPage.escape(id))\">\(HTMLPage.escape(id))</a> ")
            if let title = titles[id] { page.localized(title) }
            page.raw("</li>\n")
        }
        if report.pointsNeeded > 0 {
            page.raw("<li><strong>\(report.pointsNeeded)</strong> ")
            page.label(.morePointsNeeded)
            page.raw("</li>\n")
        }
        if !report.unanswered.isEmpty {
            page.raw("<li><strong>\(report.unanswered.count)</strong> ")
            page.label(.unansweredCount)
            page.raw(": ")
            page.raw(report.unanswered.map { "<a href=\"#answer-\(HTMLPage.escape($0))\">\(HTMLPage.escape($0))</a>" }.joined(separator: ", "))
            page.raw("</li>\n")
        }
        page.raw("</ul>\n</section>\n")
    }

    private func mandatoryChecklist(_ report: ScoreReport, framework: Framework, into page: inout HTMLPage) {
        let met = Set(report.mandatoryMet)
        let listed = Set(report.mandatoryMet + report.mandatoryMissing)
        let unanswered = Set(report.unanswered)
        page.raw("<section aria-labelledby=\"mandatory\">\n<h2 id=\"mandatory\">")
        page.label(.mandatoryChecklist)
        page.raw("</h2>\n<table>\n<caption>")
        page.label(.mandatoryCriteriaRule)
        page.raw("</caption>\n<thead><tr><th scope=\"col\">ID</th><th scope=\"col\">")
        page.label(.criterion)
        page.raw("</th><th scope=\"col\">")
        page.label(.status)
        page.raw("</th></tr></thead>\n<tbody>\n")
        for criterion in framework.criteria where criterion.mandatory && listed.contains(criterion.id) {
            page.raw("<tr><th scope=\"row\">\(HTMLPage.escape(criterion.id))</th><td>")
            page.localized(criterion.title)
            page.raw("</td><td>")
            page.raw(met.contains(criterion.id) ? "<span class=\"status-met\">✓ " : "<span class=\"status-not-met\">✗ ")
            page.label(met.contains(criterion.id) ? .met : (unanswered.contains(criterion.id) ? .unanswered : .notMet))
            page.raw("</span></td></tr>\n")
        }
        page.raw("</tbody>\n</table>\n</section>\n")
    }

    /// Bars per department (points met out of applicable), with the threshold marked, and the
    /// same numbers as a table.
    private func departments(_ report: ScoreReport, framework: Framework, into page: inout HTMLPage) {
        let titles = Dictionary(framework.departments.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let shown = report.departments.filter { $0.applicablePoints > 0 }
        let rows = shown.map { department in
            BarChart.Row(
                label: "\(HTMLPage.escape(department.id)) · " + (titles[department.id].map { page.markup($0, element: "tspan") } ?? ""),
                segments: [.init(value: department.points, fill: ReportStyle.accent)], outOf: department.applicablePoints,
                annotation: "\(department.percent) % (\(department.points)/\(department.applicablePoints))")
        }
        let chart = BarChart(
            title: ReportLabel.perDepartment[page.primaryLocale],
            description: shown.map { "\($0.id): \($0.points)/\($0.applicablePoints)" }.joined(separator: ", "),
            rows: rows, markerBasisPoints: report.threshold.basisPoints,
            markerLabel: "\(report.threshold.comparison.symbol) \(report.threshold.basisPoints.shortText) %", normalized: true)
        page.raw("<section aria-labelledby=\"departments\">\n<h2 id=\"departments\">")
        page.label(.perDepartment)
        page.raw("</h2>\n<figure>\n")
        page.raw(chart.svg(id: "departments-chart"))
        page.raw("</figure>\n<table class=\"summary\">\n<caption>")
        page.label(.perDepartment)
        page.raw("</caption>\n<thead><tr><th scope=\"col\">")
        page.label(.department)
        page.raw("</th><th scope=\"col\" class=\"number\">")
        page.label(.points)
        page.raw("</th><th scope=\"col\" class=\"number\">%</th></tr></thead>\n<tbody>\n")
        for department in shown {
            page.raw("<tr><th scope=\"row\">\(HTMLPage.escape(department.id)) · ")
            if let title = titles[department.id] { page.localized(title) }
            page.raw("</th><td class=\"number\">\(department.points) / \(department.applicablePoints)</td><td class=\"number\">\(department.percent)</td></tr>\n")
        }
        page.raw("</tbody>\n</table>\n</section>\n")
    }

    /// Every criterion that applies to the production, with its answer and the evidence given.
    private func evidence(_ scored: ScoredAnswers, into page: inout HTMLPage) {
        let framework = scored.bundle.framework
        let type = scored.report.production.type
        let byDepartment = Dictionary(grouping: framework.criteria.filter { $0.applies(to: type) }, by: \.department)
        page.raw("<section aria-labelledby=\"evidence\">\n<h2 id=\"evidence\">")
        page.label(.evidenceProvided)
        page.raw("</h2>\n")
        for department in framework.departments {
            guard let criteria = byDepartment[department.id] else { continue }
            page.raw("<h3>\(HTMLPage.escape(department.id)) · ")
            page.localized(department.title)
            page.raw("</h3>\n<table>\n<thead><tr><th scope=\"col\">ID</th><th scope=\"col\">")
            for (index, label) in [ReportLabel.criterion, .points, .status, .evidence].enumerated() {
                if index > 0 { page.raw(index == 1 ? "<th scope=\"col\" class=\"number\">" : "<th scope=\"col\">") }
                page.label(label == .evidence ? .evidenceProvided : label)
                page.raw("</th>")
            }
            page.raw("</tr></thead>\n<tbody>\n")
            for criterion in criteria {
                let answer = scored.answers.answers[criterion.id]
                page.raw("<tr id=\"answer-\(HTMLPage.escape(criterion.id))\"><th scope=\"row\">\(HTMLPage.escape(criterion.id))</th><td>")
                page.localized(criterion.title)
                if criterion.mandatory {
                    page.raw(" <span class=\"badge mandatory\">")
                    page.label(.mandatory)
                    page.raw("</span>")
                }
                page.raw("</td><td class=\"number\">\(criterion.points)</td><td>")
                Self.status(answer?.status, into: &page)
                page.raw("</td><td>")
                if let answer {
                    if !answer.evidence.isEmpty {
                        page.raw("<ul class=\"compact\">" + answer.evidence.map { "<li>\(HTMLPage.escape($0))</li>" }.joined() + "</ul>")
                    }
                    for (label, text) in [(ReportLabel.noteLabel, answer.note), (.justification, answer.justification)] {
                        guard let text else { continue }
                        page.raw("<p class=\"guidance\">")
                        page.label(label)
                        page.raw(": ")
                        page.text(text)
                        page.raw("</p>")
                    }
                }
                page.raw("</td></tr>\n")
            }
            page.raw("</tbody>\n</table>\n")
        }
        if !scored.answers.retired.isEmpty {
            page.raw("<h3>")
            page.label(.retiredAnswers)
            page.raw("</h3>\n<ul>\n")
            for retired in scored.answers.retired {
                page.raw("<li><code>\(HTMLPage.escape(retired.id))</code> (\(HTMLPage.escape(retired.version.description)))</li>\n")
            }
            page.raw("</ul>\n")
        }
        page.raw("</section>\n")
    }

    private static func status(_ status: AnswerStatus?, into page: inout HTMLPage) {
        switch status {
        case .met:
            page.raw("<span class=\"status-met\">✓ ")
            page.label(.met)
        case .notMet:
            page.raw("<span class=\"status-not-met\">✗ ")
            page.label(.notMet)
        case .notApplicable:
            page.raw("<span class=\"status-not-applicable\">— ")
            page.label(.notApplicable)
        case nil:
            page.raw("<span class=\"status-unanswered\">? ")
            page.label(.unanswered)
        }
        page.raw("</span>")
    }
}
