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
    /// When and by what the answers were scored, for the page a production sends on: the day
    /// (`YYYY-MM-DD`) and the tool with its version (`ecoprod 0.1.0`).
    public var scored: (on: String, by: String)?

    public init(locale: String? = nil, scored: (on: String, by: String)? = nil) {
        self.locale = locale
        self.scored = scored
    }

    /// The whole page for one scored answer set, in the bundle's words.
    public func render(_ scored: ScoredAnswers) -> String {
        document(scored).markup
    }

    /// The page as a tree of nodes; ``render`` writes its markup.
    func document(_ scored: ScoredAnswers) -> HTMLDocument {
        let report = scored.report
        let framework = scored.bundle.framework
        let page = HTMLPage(locale: locale, available: framework.identity.locales)
        let type = framework.productionTypes.first { $0.id == report.production.type }
        let scheme = framework.scoring.schemes.first { $0.id == report.production.scheme }
        return page.document(
            title: "\(report.production.title) — \(ReportLabel.scoreReport[page.primaryLocale]) \(report.percent) %"
        ) {
            element(.header) {
                "\n"
                element(.p, .class("kicker")) { page.label(.scoreReport) }
                "\n"
                element(.h1) { report.production.title }
                "\n"
                element(.dl, .class("facts")) {
                    "\n"
                    element(.dt) { page.label(.productionType) }
                    element(.dd) { if let type { page.localized(type.title) } else { report.production.type } }
                    "\n"
                    element(.dt) { page.label(.scheme) }
                    element(.dd) { if let scheme { page.localized(scheme.title) } else { report.production.scheme } }
                    "\n"
                    element(.dt) { page.label(.referenceFramework) }
                    element(.dd) {
                        page.localized(framework.identity.title)
                        " \(framework.identity.version)"
                    }
                    "\n"
                    element(.dt) { page.label(.digest) }
                    element(.dd) { element(.code) { scored.bundle.digest } }
                    "\n"
                }
                "\n"
            }
            "\n"
            element(.main) {
                "\n"
                verdict(report, scheme: scheme, page)
                stillNeeded(report, framework: framework, page)
                mandatoryChecklist(report, framework: framework, page)
                departments(report, framework: framework, page)
                evidence(scored, page)
            }
            "\n"
            element(.footer) {
                page.label(.generatedFrom)
                " "
                element(.code) { scored.bundle.digest }
                "."
                if let stamp = self.scored {
                    " "
                    page.label(.scoredOn)
                    " \(stamp.on), "
                    page.label(.scoredBy)
                    " \(stamp.by)."
                }
            }
            "\n"
        }
    }

    /// A section with its heading, followed by a line break.
    private func section(
        _ id: String, _ attributes: HTMLAttribute..., heading: HTMLNode, @HTMLBuilder _ content: () -> [HTMLNode]
    ) -> HTMLNode {
        group {
            HTMLNode.element(
                .section, [.labelledBy(id)] + attributes,
                [.text("\n"), element(.h2, .id(id)) { heading }, .text("\n")] + content())
            "\n"
        }
    }

    /// The gauge, the verdict and the stars.
    private func verdict(_ report: ScoreReport, scheme: Scheme?, _ page: HTMLPage) -> HTMLNode {
        // Why, in the same words as the checklist below.
        var reasons: [(Int?, ReportLabel)] = []
        if !report.mandatoryMissing.isEmpty {
            reasons.append(
                (
                    report.mandatoryMissing.count,
                    report.mandatoryMissing.count == 1 ? .mandatoryNotMetOne : .mandatoryNotMetMany
                ))
        }
        if report.pointsNeeded > 0 { reasons.append((nil, .thresholdNotReached)) }
        let maximum = scheme?.levels.map(\.stars).max() ?? report.stars
        let heading = group {
            page.label(.score)
            ": \(report.percent) %"
        }
        return section("verdict", .class("panel"), heading: heading) {
            ScoreGauge(report: report, levels: scheme?.levels ?? []).svg(
                title: "\(ReportLabel.score[page.primaryLocale]) \(report.percent) %")
            "\n"
            element(.p, .class("verdict \(report.eligible ? "status-met" : "status-not-met")")) {
                page.label(report.eligible ? .eligible : .notEligible)
                if !report.eligible {
                    for (index, reason) in reasons.enumerated() {
                        index == 0 ? " — " : "; "
                        if let count = reason.0 { "\(count) " }
                        page.label(reason.1)
                    }
                } else {
                    " "
                    element(.span, .class("stars"), HTMLAttribute("aria-label", "\(report.stars) ★")) {
                        String(repeating: "★", count: report.stars)
                            + String(repeating: "☆", count: max(0, maximum - report.stars))
                    }
                }
            }
            "\n"
            element(.dl, .class("facts")) {
                "\n"
                element(.dt) { page.label(.points) }
                element(.dd) { "\(report.points) / \(report.applicablePoints)" }
                "\n"
                element(.dt) { page.label(.threshold) }
                element(.dd) { ScoringRulesSection.threshold(report.threshold, page) }
                "\n"
                element(.dt) { page.label(.mandatoryChecklist) }
                element(.dd) {
                    "\(report.mandatoryMet.count) / \(report.mandatoryMet.count + report.mandatoryMissing.count)"
                }
                "\n"
            }
            "\n"
        }
    }

    /// A link to a criterion's row in the evidence table.
    private func answerLink(_ id: String) -> HTMLNode {
        element(.a, HTMLAttribute("href", "#answer-\(id)")) { id }
    }

    /// Mandatory criteria to meet, points to gain, criteria left unanswered.
    private func stillNeeded(_ report: ScoreReport, framework: Framework, _ page: HTMLPage) -> HTMLNode {
        let titles = Dictionary(framework.criteria.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        return section("still-needed", heading: page.label(.stillNeeded)) {
            if report.eligible && report.unanswered.isEmpty {
                element(.p) { page.label(.nothingNeeded) }
                "\n"
            } else {
                element(.ul) {
                    "\n"
                    for id in report.mandatoryMissing {
                        element(.li) {
                            element(.span, .class("status-not-met")) { page.label(.mandatoryToMeet) }
                            ": "
                            answerLink(id)
                            " "
                            if let title = titles[id] { page.localized(title) }
                        }
                        "\n"
                    }
                    if report.pointsNeeded > 0 {
                        element(.li) {
                            element(.strong) { String(report.pointsNeeded) }
                            " "
                            page.label(.morePointsNeeded)
                        }
                        "\n"
                    }
                    if !report.unanswered.isEmpty {
                        element(.li) {
                            element(.strong) { String(report.unanswered.count) }
                            " "
                            page.label(.unansweredCount)
                            ": "
                            for (index, id) in report.unanswered.enumerated() {
                                if index > 0 { ", " }
                                answerLink(id)
                            }
                        }
                        "\n"
                    }
                }
                "\n"
            }
        }
    }

    /// Column headers: ID, then the labels; the column at `numberColumn` holds numbers.
    private func header(_ labels: [ReportLabel], numberColumn: Int? = nil, _ page: HTMLPage) -> HTMLNode {
        element(.thead) {
            element(.tr) {
                element(.th, .colHeader) { "ID" }
                for (index, label) in labels.enumerated() {
                    if index == numberColumn {
                        element(.th, .colHeader, .number) { page.label(label) }
                    } else {
                        element(.th, .colHeader) { page.label(label) }
                    }
                }
            }
        }
    }

    private func mandatoryChecklist(_ report: ScoreReport, framework: Framework, _ page: HTMLPage) -> HTMLNode {
        let met = Set(report.mandatoryMet)
        let listed = Set(report.mandatoryMet + report.mandatoryMissing)
        let unanswered = Set(report.unanswered)
        return section("mandatory", heading: page.label(.mandatoryChecklist)) {
            element(.table) {
                "\n"
                element(.caption) { page.label(.mandatoryCriteriaRule) }
                "\n"
                header([.criterion, .status], page)
                "\n"
                element(.tbody) {
                    "\n"
                    for criterion in framework.criteria where criterion.mandatory && listed.contains(criterion.id) {
                        element(.tr) {
                            element(.th, .rowHeader) { criterion.id }
                            element(.td) { page.localized(criterion.title) }
                            element(.td) {
                                if met.contains(criterion.id) {
                                    Self.status(.met, page)
                                } else {
                                    element(.span, .class("status-not-met")) {
                                        "✗ "
                                        page.label(unanswered.contains(criterion.id) ? .unanswered : .notMet)
                                    }
                                }
                            }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
        }
    }

    /// Bars per department (points met out of applicable), with the threshold marked, and the
    /// same numbers as a table.
    private func departments(_ report: ScoreReport, framework: Framework, _ page: HTMLPage) -> HTMLNode {
        let titles = Dictionary(
            framework.departments.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let shown = report.departments.filter { $0.applicablePoints > 0 }
        let rows = shown.map { department in
            BarChart.Row(
                label: group {
                    "\(department.id) · "
                    if let title = titles[department.id] { page.localized(title, element: .tspan) }
                },
                segments: [.init(value: department.points, fill: ReportStyle.accent)],
                outOf: department.applicablePoints,
                annotation: "\(department.percent) % (\(department.points)/\(department.applicablePoints))")
        }
        let chart = BarChart(
            title: ReportLabel.perDepartment[page.primaryLocale],
            description: shown.map { "\($0.id): \($0.points)/\($0.applicablePoints)" }.joined(separator: ", "),
            rows: rows, markerBasisPoints: report.threshold.basisPoints,
            markerLabel: "\(report.threshold.comparison.symbol) \(report.threshold.basisPoints.shortText) %",
            normalized: true)
        return section("departments", heading: page.label(.perDepartment)) {
            element(.figure) {
                "\n"
                chart.svg(id: "departments-chart")
                "\n"
            }
            "\n"
            element(.table, .class("summary")) {
                "\n"
                element(.caption) { page.label(.perDepartment) }
                "\n"
                element(.thead) {
                    element(.tr) {
                        element(.th, .colHeader) { page.label(.department) }
                        element(.th, .colHeader, .number) { page.label(.points) }
                        element(.th, .colHeader, .number) { "%" }
                    }
                }
                "\n"
                element(.tbody) {
                    "\n"
                    for department in shown {
                        element(.tr) {
                            element(.th, .rowHeader) {
                                "\(department.id) · "
                                if let title = titles[department.id] { page.localized(title) }
                            }
                            element(.td, .number) { "\(department.points) / \(department.applicablePoints)" }
                            element(.td, .number) { department.percent }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
        }
    }

    /// Every criterion that applies to the production, with its answer and the evidence given.
    private func evidence(_ scored: ScoredAnswers, _ page: HTMLPage) -> HTMLNode {
        let framework = scored.bundle.framework
        let type = scored.report.production.type
        let byDepartment = Dictionary(grouping: framework.criteria.filter { $0.applies(to: type) }, by: \.department)
        return section("evidence", heading: page.label(.evidenceProvided)) {
            for department in framework.departments {
                if let criteria = byDepartment[department.id] {
                    element(.h3) {
                        "\(department.id) · "
                        page.localized(department.title)
                    }
                    "\n"
                    element(.table) {
                        "\n"
                        header([.criterion, .points, .status, .evidenceProvided], numberColumn: 1, page)
                        "\n"
                        element(.tbody) {
                            "\n"
                            for criterion in criteria {
                                answerRow(criterion, scored.answers.answers[criterion.id], page)
                                "\n"
                            }
                        }
                        "\n"
                    }
                    "\n"
                }
            }
            if !scored.answers.retired.isEmpty {
                element(.h3) { page.label(.retiredAnswers) }
                "\n"
                element(.ul) {
                    "\n"
                    for retired in scored.answers.retired {
                        element(.li) {
                            element(.code) { retired.id }
                            " (\(retired.version.description))"
                        }
                        "\n"
                    }
                }
                "\n"
            }
        }
    }

    /// One criterion with its answer: status, evidence, note and justification.
    private func answerRow(_ criterion: Criterion, _ answer: Answer?, _ page: HTMLPage) -> HTMLNode {
        element(.tr, .id("answer-\(criterion.id)")) {
            element(.th, .rowHeader) { criterion.id }
            element(.td) {
                page.localized(criterion.title)
                if criterion.mandatory {
                    " "
                    element(.span, .class("badge mandatory")) { page.label(.mandatory) }
                }
            }
            element(.td, .number) { String(criterion.points) }
            element(.td) { Self.status(answer?.status, page) }
            element(.td) {
                if let answer {
                    if !answer.evidence.isEmpty {
                        element(.ul, .class("compact")) {
                            for item in answer.evidence { element(.li) { item } }
                        }
                    }
                    for (label, text) in [(ReportLabel.noteLabel, answer.note), (.justification, answer.justification)]
                    {
                        if let text {
                            element(.p, .class("guidance")) {
                                page.label(label)
                                ": "
                                text
                            }
                        }
                    }
                }
            }
        }
    }

    private static func status(_ status: AnswerStatus?, _ page: HTMLPage) -> HTMLNode {
        switch status {
        case .met:
            return element(.span, .class("status-met")) {
                "✓ "
                page.label(.met)
            }
        case .notMet:
            return element(.span, .class("status-not-met")) {
                "✗ "
                page.label(.notMet)
            }
        case .notApplicable:
            return element(.span, .class("status-not-applicable")) {
                "— "
                page.label(.notApplicable)
            }
        case nil:
            return element(.span, .class("status-unanswered")) {
                "? "
                page.label(.unanswered)
            }
        }
    }
}
