import EcoprodFramework

/// A diff as a page in the reports' style: the required bump up front, then the changes
/// grouped by class (scoring first), each with its before → after; with answer sets, the
/// impact on each production.
public struct DiffHTMLRenderer: DiffRenderer {
    /// The one locale for the page's own labels; nil gives French and English with a switch.
    /// Change values are shown in the page's first locale.
    public var locale: String?

    /// The languages the page's own labels exist in, which `--locale` may pick from.
    public static let locales = ["fr", "en"]

    public init(locale: String? = nil) {
        self.locale = locale
    }

    /// The whole page; with `impact`, the table of each production's score before and after.
    public func render(_ diff: FrameworkDiff, impact: ImpactAnalysis?) -> String {
        document(diff, impact: impact).markup
    }

    /// The page as a tree of nodes; ``render`` writes its markup.
    func document(_ diff: FrameworkDiff, impact: ImpactAnalysis?) -> HTMLDocument {
        let page = HTMLPage(locale: locale, available: Self.locales)
        return page.document(title: diff.heading) {
            element(.header) {
                "\n"
                element(.p, .class("kicker")) { page.label(.changes) }
                "\n"
                element(.h1) { diff.heading }
                "\n"
                facts(diff, page)
            }
            "\n"
            element(.main) {
                "\n"
                if diff.changes.isEmpty {
                    element(.p) { page.label(.noChanges) }
                    "\n"
                }
                for changeClass in ChangeClass.allCases {
                    let groups = diff.grouped(changeClass)
                    if !groups.isEmpty { changes(changeClass, groups, diff, page) }
                }
                if diff.changes.contains(where: { $0.changeClass == .scoring }) { effects(diff, page) }
                if let impact { self.impact(impact, page) }
            }
            "\n"
        }
    }

    /// The required bump, the counts and both sides.
    private func facts(_ diff: FrameworkDiff, _ page: HTMLPage) -> HTMLNode {
        group {
            element(.dl, .class("facts")) {
                "\n"
                element(.dt) { page.label(.requiredBump) }
                element(.dd) {
                    element(.span, .class("badge \(diff.requiredBump == .major ? "mandatory" : "optional")")) {
                        Self.worded(page) { $0.bump(diff.requiredBump) }
                    }
                }
                "\n"
                element(.dt) { page.label(.changes) }
                element(.dd) {
                    String(diff.changes.count)
                    for changeClass in ChangeClass.allCases {
                        let count = diff.changes.filter { $0.changeClass == changeClass }.count
                        if count > 0 {
                            " · \(count) "
                            page.label(Self.title(changeClass))
                        }
                    }
                }
                "\n"
                for (label, side) in [(ReportLabel.before, diff.from), (.after, diff.to)] {
                    element(.dt) { page.label(label) }
                    element(.dd) {
                        "\(side.id) \(side.version.description)"
                        if let digest = side.digest {
                            " "
                            element(.code) { digest }
                        }
                    }
                    "\n"
                }
            }
            "\n"
        }
    }

    /// One class of changes, as a table grouped by department.
    private func changes(
        _ changeClass: ChangeClass, _ groups: [(department: String?, changes: [Change])], _ diff: FrameworkDiff,
        _ page: HTMLPage
    ) -> HTMLNode {
        group {
            element(.section, .labelledBy("class-\(changeClass.rawValue)")) {
                "\n"
                element(.h2, .id("class-\(changeClass.rawValue)")) {
                    page.label(Self.title(changeClass))
                    " "
                    element(.span, .class("badge \(changeClass == .scoring ? "mandatory" : "optional")")) {
                        Self.worded(page) { $0.bump(changeClass.bump) }
                    }
                }
                "\n"
                element(.table) {
                    "\n"
                    Self.header([.department, .change], page)
                    "\n"
                    element(.tbody) {
                        "\n"
                        for group in groups {
                            for change in group.changes {
                                row(change, department: group.department, diff, page)
                                "\n"
                            }
                        }
                    }
                    "\n"
                }
                "\n"
            }
            "\n"
        }
    }

    private func row(_ change: Change, department: String?, _ diff: FrameworkDiff, _ page: HTMLPage) -> HTMLNode {
        element(.tr) {
            element(.td) { if let department { department } else { page.label(.frameworkAndPolicy) } }
            element(.td) { Self.worded(page) { change.summary(in: $0.locale, titles: diff.titles) } }
        }
    }

    /// What the scoring changes do to productions, one sentence each.
    private func effects(_ diff: FrameworkDiff, _ page: HTMLPage) -> HTMLNode {
        let changes = diff.changes.filter { $0.changeClass == .scoring }
        return group {
            element(.section, .labelledBy("scoring-impact")) {
                "\n"
                element(.h2, .id("scoring-impact")) { page.label(.scoringImpact) }
                "\n"
                element(.ul) {
                    "\n"
                    for change in changes {
                        element(.li) {
                            Self.worded(page) { change.scoringEffect(in: $0.locale, titles: diff.titles) ?? "" }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
        }
    }

    /// Each production's score before and after.
    private func impact(_ impact: ImpactAnalysis, _ page: HTMLPage) -> HTMLNode {
        group {
            element(.section, .labelledBy("impact")) {
                "\n"
                element(.h2, .id("impact")) { page.label(.impact) }
                "\n"
                element(.p) { Self.worded(page) { $0.summary(impact) } }
                "\n"
                element(.table) {
                    "\n"
                    Self.header([.production, .before, .after, .change], page)
                    "\n"
                    element(.tbody) {
                        "\n"
                        for row in impact.rows {
                            element(.tr) {
                                element(.th, .rowHeader) { row.title }
                                element(.td) { Self.worded(page) { $0.score(row.before) } }
                                element(.td) { Self.worded(page) { $0.score(row.after) } }
                                element(.td) { Self.worded(page) { $0.outcome(row.outcome) } }
                            }
                            "\n"
                        }
                    }
                    "\n"
                }
                "\n"
            }
            "\n"
        }
    }

    /// A text the report words itself, in each of the page's locales.
    static func worded(_ page: HTMLPage, _ text: (DiffWords) -> String) -> HTMLNode {
        page.localized(LocalizedText(Dictionary(uniqueKeysWithValues: page.locales.map { ($0, text(DiffWords($0))) })))
    }

    /// A header row of labels.
    static func header(_ labels: [ReportLabel], _ page: HTMLPage) -> HTMLNode {
        element(.thead) {
            element(.tr) {
                for label in labels { element(.th, .colHeader) { page.label(label) } }
            }
        }
    }

    static func title(_ changeClass: ChangeClass) -> ReportLabel {
        switch changeClass {
        case .scoring: return .scoringChanges
        case .additive: return .additiveChanges
        case .editorial: return .editorialChanges
        }
    }
}
