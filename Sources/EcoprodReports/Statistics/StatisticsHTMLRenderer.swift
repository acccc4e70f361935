import EcoprodFramework

/// The statistics as one page for the editors, in every locale: the findings first, then a
/// histogram of percentages per scheme and type, and per department a dot plot of each
/// criterion's met rate with its Wilson interval. Suppressed figures are said to be, never
/// drawn; no production is named.
public struct StatisticsHTMLRenderer: Sendable {
    public var locale: String?

    public init(locale: String? = nil) {
        self.locale = locale
    }

    public func render(_ report: StatisticsReport) -> String {
        let page = HTMLPage(locale: locale, available: ["fr", "en"])
        let title = "\(Self.title[page.primaryLocale]) — \(report.bundle.id) \(report.bundle.version)"
        return page.document(title: title) {
            element(.header) {
                "\n"
                element(.p, .class("kicker")) { page.label(Self.title) }
                "\n"
                element(.h1) { "\(report.bundle.id) \(report.bundle.version)" }
                "\n"
                element(.p) {
                    "\(report.productions) "
                    page.label(Self.productions)
                    " · min \(report.options.minGroup)"
                }
                "\n"
            }
            "\n"
            element(.main) {
                "\n"
                element(.section, .labelledBy("findings")) {
                    element(.h2, .id("findings")) { page.label(Self.findings) }
                    element(.ul) {
                        for finding in report.findings {
                            element(.li) {
                                element(.code) { finding.code.rawValue }
                                " \(finding.message)"
                            }
                        }
                    }
                }
                "\n"
                for group in report.groups { histogram(group, page) }
                for department in report.departments { dotPlot(department, report, page) }
            }
            "\n"
        }.markup
    }

    /// Productions per band of ten percentage points.
    private func histogram(_ group: StatisticsReport.GroupFigures, _ page: HTMLPage) -> HTMLNode {
        let id = "group-\(group.scheme)-\(group.type)"
        let counts = group.histogram.map { figure -> Double in
            if case .value(let number) = figure { return number }
            return 0
        }
        let highest = max(1, counts.max() ?? 1)
        return element(.section, .labelledBy(id)) {
            element(.h2, .id(id)) { "\(group.scheme) · \(group.type)" }
            if group.productions == .suppressed {
                element(.p) { page.label(Self.suppressed) }
            } else {
                inlineSVG(width: 520, height: 170, labelledBy: id) {
                    for (band, count) in counts.enumerated() {
                        let height = Int(120 * count / highest)
                        empty(
                            .rect, HTMLAttribute("x", "\(20 + band * 50)"), HTMLAttribute("y", "\(130 - height)"),
                            HTMLAttribute("width", "44"), HTMLAttribute("height", "\(height)"),
                            HTMLAttribute("fill", ReportStyle.accent.hex))
                        element(
                            .svgText, HTMLAttribute("x", "\(42 + band * 50)"), HTMLAttribute("y", "148"),
                            HTMLAttribute("text-anchor", "middle"), HTMLAttribute("font-size", "11")
                        ) { "\(band * 10)–\(band * 10 + 10)" }
                        element(
                            .svgText, HTMLAttribute("x", "\(42 + band * 50)"), HTMLAttribute("y", "\(126 - height)"),
                            HTMLAttribute("text-anchor", "middle"), HTMLAttribute("font-size", "11")
                        ) { "\(Int(count))" }
                    }
                }
            }
        }
    }

    /// Each criterion's met rate as a dot on its Wilson interval.
    private func dotPlot(
        _ department: StatisticsReport.DepartmentFigures, _ report: StatisticsReport, _ page: HTMLPage
    ) -> HTMLNode {
        let id = "department-\(department.id)"
        let criteria = report.criteria.filter { $0.department == department.id }
        return element(.section, .labelledBy(id)) {
            element(.h2, .id(id)) {
                page.label(.department)
                " \(department.id) · α \(department.alpha.text)"
            }
            inlineSVG(width: 520, height: 24 * criteria.count + 10, labelledBy: id) {
                for (row, criterion) in criteria.enumerated() {
                    let y = 14 + row * 24
                    element(
                        .svgText, HTMLAttribute("x", "40"), HTMLAttribute("y", "\(y + 4)"),
                        HTMLAttribute("text-anchor", "end"), HTMLAttribute("font-size", "12")
                    ) { criterion.id }
                    if case .value(let rate) = criterion.metRate, case .value(let low) = criterion.interval.low,
                        case .value(let high) = criterion.interval.high
                    {
                        empty(
                            .line, HTMLAttribute("x1", "\(50 + Int(low * 450))"), HTMLAttribute("y1", "\(y)"),
                            HTMLAttribute("x2", "\(50 + Int(high * 450))"), HTMLAttribute("y2", "\(y)"),
                            HTMLAttribute("stroke", ReportStyle.muted.hex), HTMLAttribute("stroke-width", "2"))
                        empty(
                            .rect, HTMLAttribute("x", "\(46 + Int(rate * 450))"), HTMLAttribute("y", "\(y - 4)"),
                            HTMLAttribute("width", "8"), HTMLAttribute("height", "8"),
                            HTMLAttribute("fill", ReportStyle.accent.hex))
                    } else {
                        element(
                            .svgText, HTMLAttribute("x", "50"), HTMLAttribute("y", "\(y + 4)"),
                            HTMLAttribute("font-size", "12")
                        ) { Self.suppressed[page.primaryLocale] }
                    }
                }
            }
        }
    }

    static let title = ReportLabel("Statistiques des critères", "Criteria statistics")
    static let productions = ReportLabel("productions", "productions")
    static let findings = ReportLabel("Constats pour les rédacteurs", "Findings for the editors")
    static let suppressed = ReportLabel(
        "masqué : trop peu de productions", "suppressed: too few productions")
}
