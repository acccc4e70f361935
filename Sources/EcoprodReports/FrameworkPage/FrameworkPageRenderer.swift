import EcoprodFramework

/// The reference framework as one static web page, from the frozen bundle: what production
/// managers and auditors read, exactly what scorers score against.
///
/// The page holds a header (title, version, digest, release date, the scoring rules in plain
/// words), a chart of points per department with the mandatory points apart, and one section
/// per department with a table of its criteria. A filter by production type and stage, and
/// the language switch, are a few lines of inline script; without script everything shows.
public struct FrameworkPageRenderer: Sendable {
    /// The one locale to show; nil shows every locale of the framework, with a switch.
    public var locale: String?

    public init(locale: String? = nil) {
        self.locale = locale
    }

    /// The whole page for a verified (or freshly built) bundle; the same bundle gives the same bytes.
    public func render(_ bundle: FrameworkBundle) -> String {
        document(bundle).markup
    }

    /// The page as a tree of nodes; ``render`` writes its markup.
    func document(_ bundle: FrameworkBundle) -> HTMLDocument {
        let framework = bundle.framework
        let page = HTMLPage(locale: locale, available: framework.identity.locales)
        let stageTitles = Dictionary(
            framework.identity.stages.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let typeTitles = Dictionary(
            framework.productionTypes.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let criteriaByDepartment = Dictionary(grouping: framework.criteria, by: \.department)
        let title = "\(page.plain(framework.identity.title)) \(framework.identity.version)"
        return page.document(title: title, script: Self.filterScript) {
            element(.header) {
                "\n"
                element(.p, .class("kicker")) { page.label(.referenceFramework) }
                "\n"
                element(.h1) { page.localized(framework.identity.title) }
                "\n"
                Self.facts(bundle, page)
            }
            "\n"
            element(.main) {
                "\n"
                element(.section, .labelledBy("scoring-rules")) {
                    "\n"
                    element(.h2, .id("scoring-rules")) { page.label(.scoringRules) }
                    "\n"
                    ScoringRulesSection(policy: framework.scoring).node(page)
                }
                "\n"
                Self.chart(framework, page)
                Self.filters(framework, page)
                for department in framework.departments {
                    Self.section(
                        department, criteria: criteriaByDepartment[department.id] ?? [], page,
                        row: {
                            Self.row(
                                $0, allTypes: framework.productionTypes.count, stageTitles: stageTitles,
                                typeTitles: typeTitles, page)
                        })
                }
            }
            "\n"
            element(.footer) {
                page.label(.generatedFrom)
                " "
                element(.code) { bundle.digest }
                "."
            }
            "\n"
        }
    }

    /// One department: its heading and the table of its criteria.
    static func section(_ department: Department, criteria: [Criterion], _ page: HTMLPage, row: (Criterion) -> HTMLNode)
        -> HTMLNode
    {
        group {
            element(
                .section, .class("department"), .id("department-\(department.id)"),
                .labelledBy("department-\(department.id)-title")
            ) {
                "\n"
                element(.h2, .id("department-\(department.id)-title")) {
                    "\(department.id) · "
                    page.localized(department.title)
                }
                "\n"
                element(.table, .class("criteria")) {
                    "\n"
                    element(.caption) {
                        page.label(.criteriaCount)
                        ": \(criteria.count) · "
                        page.label(.points)
                        ": \(criteria.reduce(0) { $0 + $1.points })"
                    }
                    "\n"
                    element(.thead) {
                        element(.tr) {
                            element(.th, .colHeader) { "ID" }
                            for (index, label) in [
                                ReportLabel.criterion, .points, .mandatory, .stages, .appliesTo, .evidence,
                            ].enumerated() {
                                if index == 1 {
                                    element(.th, .colHeader, .number) { page.label(label) }
                                } else {
                                    element(.th, .colHeader) { page.label(label) }
                                }
                            }
                        }
                    }
                    "\n"
                    element(.tbody) {
                        "\n"
                        for criterion in criteria { row(criterion) }
                    }
                    "\n"
                }
                "\n"
            }
            "\n"
        }
    }

    /// Version, digest, release date and counts.
    static func facts(_ bundle: FrameworkBundle, _ page: HTMLPage) -> HTMLNode {
        let framework = bundle.framework
        return group {
            element(.dl, .class("facts")) {
                "\n"
                element(.dt) { page.label(.version) }
                element(.dd) { framework.identity.version.description }
                "\n"
                element(.dt) { page.label(.released) }
                element(.dd) {
                    if let released = framework.identity.released { released } else { page.label(.notReleased) }
                }
                "\n"
                element(.dt) { page.label(.digest) }
                element(.dd) { element(.code) { bundle.digest } }
                "\n"
                element(.dt) { page.label(.criteriaCount) }
                element(.dd) {
                    "\(framework.criteria.count) (\(framework.mandatoryCount) "
                    page.label(.mandatoryCount(framework.mandatoryCount))
                    ") · \(framework.totalPoints) "
                    page.label(.points)
                }
                "\n"
            }
            "\n"
        }
    }

    /// The chart of points per department, and the same numbers as a table.
    static func chart(_ framework: Framework, _ page: HTMLPage) -> HTMLNode {
        var totals: [String: (count: Int, points: Int, mandatory: Int)] = [:]
        for criterion in framework.criteria {
            var total = totals[criterion.department] ?? (0, 0, 0)
            total.count += 1
            total.points += criterion.points
            if criterion.mandatory { total.mandatory += criterion.points }
            totals[criterion.department] = total
        }
        let rows = framework.departments.map { department -> BarChart.Row in
            let total = totals[department.id] ?? (0, 0, 0)
            return BarChart.Row(
                label: group {
                    "\(department.id) · "
                    page.localized(department.title, element: .tspan)
                },
                segments: [
                    .init(value: total.mandatory, fill: ReportStyle.mandatory),
                    .init(value: total.points - total.mandatory, fill: ReportStyle.accentLight),
                ],
                annotation: total.mandatory > 0 ? "\(total.points) (\(total.mandatory))" : "\(total.points)")
        }
        let chart = BarChart(
            title: "\(ReportLabel.pointsPerDepartment[page.primaryLocale])",
            description: framework.departments.map { "\($0.id): \(totals[$0.id]?.points ?? 0)" }.joined(
                separator: ", "),
            rows: rows)
        return group {
            element(.section, .labelledBy("points-per-department")) {
                "\n"
                element(.h2, .id("points-per-department")) { page.label(.pointsPerDepartment) }
                "\n"
                element(.figure) {
                    "\n"
                    chart.svg(id: "points-chart")
                    "\n"
                    element(.figcaption) {
                        element(.span, .class("badge mandatory")) { page.label(.mandatoryPoints) }
                        " "
                        element(.span, .class("badge optional")) { page.label(.otherPoints) }
                        " "
                        page.label(.chartAnnotation)
                    }
                    "\n"
                }
                "\n"
                element(.table, .class("summary")) {
                    "\n"
                    element(.caption) { page.label(.pointsPerDepartment) }
                    "\n"
                    element(.thead) {
                        element(.tr) {
                            element(.th, .colHeader) { page.label(.department) }
                            for label in [ReportLabel.criteriaCount, .points, .mandatoryPoints] {
                                element(.th, .colHeader, .number) { page.label(label) }
                            }
                        }
                    }
                    "\n"
                    element(.tbody) {
                        "\n"
                        for department in framework.departments {
                            let total = totals[department.id] ?? (0, 0, 0)
                            element(.tr) {
                                element(.th, .rowHeader) {
                                    element(.a, HTMLAttribute("href", "#department-\(department.id)")) {
                                        "\(department.id) · "
                                        page.localized(department.title)
                                    }
                                }
                                for value in [total.count, total.points, total.mandatory] {
                                    element(.td, .number) { String(value) }
                                }
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

    /// The filter controls: hidden until the script shows them.
    static func filters(_ framework: Framework, _ page: HTMLPage) -> HTMLNode {
        let everything = page.locales.map { ReportLabel.all[$0] }.joined(separator: " / ")
        func select(_ id: String, _ entries: [CatalogEntry]) -> HTMLNode {
            element(.select, .id(id)) {
                element(.option, HTMLAttribute("value", "")) { everything }
                for entry in entries {
                    element(.option, HTMLAttribute("value", entry.id)) {
                        page.locales.compactMap { entry.title[$0] }.joined(separator: " / ")
                    }
                }
            }
        }
        return group {
            element(
                .form, .class("filters panel"), .hidden,
                HTMLAttribute("aria-label", ReportLabel.filter[page.primaryLocale])
            ) {
                "\n"
                element(.label) {
                    page.label(.productionType)
                    " "
                    select("filter-type", framework.productionTypes)
                }
                "\n"
                element(.label) {
                    page.label(.stage)
                    " "
                    select("filter-stage", framework.identity.stages)
                }
                "\n"
                element(.span) {
                    element(.output, .id("filter-count"), HTMLAttribute("aria-live", "polite"))
                    " "
                    page.label(.criteriaShown)
                }
                "\n"
            }
            "\n"
        }
    }

    /// One criterion's row.
    static func row(
        _ criterion: Criterion, allTypes: Int, stageTitles: [String: LocalizedText],
        typeTitles: [String: LocalizedText], _ page: HTMLPage
    ) -> HTMLNode {
        group {
            element(
                .tr, .id("criterion-\(criterion.id)"),
                HTMLAttribute("data-types", criterion.appliesTo.joined(separator: " ")),
                HTMLAttribute("data-stages", criterion.stages.joined(separator: " "))
            ) {
                element(.th, .rowHeader) { criterion.id }
                "\n"
                element(.td) {
                    element(.span, .class("criterion-title")) { page.localized(criterion.title) }
                    if page.isBilingual {
                        element(.div, .class("guidance")) { page.localized(criterion.guidance, element: .p) }
                    } else {
                        element(.p, .class("guidance")) { page.localized(criterion.guidance) }
                    }
                }
                "\n"
                element(.td, .number) { String(criterion.points) }
                "\n"
                element(.td) {
                    element(.span, .class(criterion.mandatory ? "badge mandatory" : "badge optional")) {
                        page.label(criterion.mandatory ? .mandatory : .optional)
                    }
                }
                "\n"
                element(.td) { list(criterion.stages.map { stageTitles[$0] ?? page.untitled($0) }, page) }
                "\n"
                element(.td) {
                    if criterion.appliesTo.count == allTypes {
                        page.label(.allTypes)
                    } else {
                        list(criterion.appliesTo.map { typeTitles[$0] ?? page.untitled($0) }, page)
                    }
                }
                "\n"
                element(.td) { list(criterion.evidence, page) }
            }
            "\n"
        }
    }

    /// A compact bulleted list of localized texts.
    static func list(_ items: [LocalizedText], _ page: HTMLPage) -> HTMLNode {
        guard !items.isEmpty else { return .group([]) }
        return element(.ul, .class("compact")) {
            for item in items {
                element(.li) { page.localized(item) }
            }
        }
    }

    /// Shows the filters and hides rows (and whole departments) that do not match; `?type=` and
    /// `?stage=` in the page's address preset them, so a link can point at one production's view.
    static let filterScript = InlineCode(
        trusted: """
            (function () {
              var form = document.querySelector("form.filters");
              if (!form) return;
              form.hidden = false;
              var type = document.getElementById("filter-type");
              var stage = document.getElementById("filter-stage");
              var count = document.getElementById("filter-count");
              function apply() {
                var shown = 0;
                document.querySelectorAll("section.department").forEach(function (section) {
                  var visible = 0;
                  section.querySelectorAll("tbody tr").forEach(function (row) {
                    var ok = (!type.value || row.dataset.types.split(" ").indexOf(type.value) >= 0) &&
                             (!stage.value || row.dataset.stages.split(" ").indexOf(stage.value) >= 0);
                    row.classList.toggle("filtered-out", !ok);
                    if (ok) visible++;
                  });
                  section.classList.toggle("filtered-out", visible === 0);
                  shown += visible;
                });
                count.textContent = String(shown);
              }
              // A link may preset the filter: framework.html?type=advertising&stage=shoot
              var params = new URLSearchParams(location.search);
              [[type, "type"], [stage, "stage"]].forEach(function (pair) {
                var value = params.get(pair[1]);
                if (value && pair[0].querySelector('option[value="' + CSS.escape(value) + '"]')) pair[0].value = value;
              });
              type.addEventListener("change", apply);
              stage.addEventListener("change", apply);
              apply();
            })();

            """)
}
