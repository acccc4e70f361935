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
        let framework = bundle.framework
        var page = HTMLPage(locale: locale, available: framework.identity.locales)
        let stageTitles = Dictionary(framework.identity.stages.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let typeTitles = Dictionary(framework.productionTypes.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })

        page.raw("<header>\n<p class=\"kicker\">")
        page.label(.referenceFramework)
        page.raw("</p>\n<h1>")
        page.localized(framework.identity.title)
        page.raw("</h1>\n")
        Self.facts(bundle, into: &page)
        page.raw("</header>\n<main>\n")

        page.raw("<section aria-labelledby=\"scoring-rules\">\n<h2 id=\"scoring-rules\">")
        page.label(.scoringRules)
        page.raw("</h2>\n")
        ScoringRulesSection(policy: framework.scoring).write(into: &page)
        page.raw("</section>\n")

        Self.chart(framework, into: &page)
        Self.filters(framework, into: &page)

        let criteriaByDepartment = Dictionary(grouping: framework.criteria, by: \.department)
        for department in framework.departments {
            let criteria = criteriaByDepartment[department.id] ?? []
            page.raw("<section class=\"department\" id=\"department-\(HTMLPage.escape(department.id))\" aria-labelledby=\"department-\(HTMLPage.escape(department.id))-title\">\n")
            page.raw("<h2 id=\"department-\(HTMLPage.escape(department.id))-title\">\(HTMLPage.escape(department.id)) · ")
            page.localized(department.title)
            page.raw("</h2>\n<table class=\"criteria\">\n<caption>")
            page.label(.criteriaCount)
            page.text(": \(criteria.count) · ")
            page.label(.points)
            page.text(": \(criteria.reduce(0) { $0 + $1.points })")
            page.raw("</caption>\n<thead><tr><th scope=\"col\">ID</th><th scope=\"col\">")
            for (index, label) in [ReportLabel.criterion, .points, .mandatory, .stages, .appliesTo, .evidence].enumerated() {
                if index > 0 { page.raw(index == 1 ? "<th scope=\"col\" class=\"number\">" : "<th scope=\"col\">") }
                page.label(label)
                page.raw("</th>")
            }
            page.raw("</tr></thead>\n<tbody>\n")
            for criterion in criteria {
                Self.row(criterion, allTypes: framework.productionTypes.count, stageTitles: stageTitles, typeTitles: typeTitles, into: &page)
            }
            page.raw("</tbody>\n</table>\n</section>\n")
        }
        page.raw("</main>\n<footer>")
        page.label(.generatedFrom)
        page.raw(" <code>\(HTMLPage.escape(bundle.digest))</code>.</footer>\n")
        let title = "\(page.plain(framework.identity.title)) \(framework.identity.version)"
        return page.document(title: title, script: Self.filterScript)
    }

    /// Version, digest, release date and counts.
    static func facts(_ bundle: FrameworkBundle, into page: inout HTMLPage) {
        let framework = bundle.framework
        page.raw("<dl class=\"facts\">\n<dt>")
        page.label(.version)
        page.raw("</dt><dd>\(HTMLPage.escape(framework.identity.version.description))</dd>\n<dt>")
        page.label(.released)
        page.raw("</dt><dd>")
        if let released = framework.identity.released { page.text(released) } else { page.label(.notReleased) }
        page.raw("</dd>\n<dt>")
        page.label(.digest)
        page.raw("</dt><dd><code>\(HTMLPage.escape(bundle.digest))</code></dd>\n<dt>")
        page.label(.criteriaCount)
        page.raw("</dt><dd>\(framework.criteria.count) (\(framework.mandatoryCount) ")
        page.label(.mandatory)
        page.raw(") · \(framework.totalPoints) ")
        page.label(.points)
        page.raw("</dd>\n</dl>\n")
    }

    /// The chart of points per department, and the same numbers as a table.
    static func chart(_ framework: Framework, into page: inout HTMLPage) {
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
                label: "\(HTMLPage.escape(department.id)) · " + page.markup(department.title, element: "tspan"),
                segments: [.init(value: total.mandatory, fill: ReportStyle.mandatory), .init(value: total.points - total.mandatory, fill: ReportStyle.accentLight)],
                annotation: total.mandatory > 0 ? "\(total.points) (\(total.mandatory))" : "\(total.points)")
        }
        let chart = BarChart(
            title: "\(ReportLabel.pointsPerDepartment[page.primaryLocale])",
            description: framework.departments.map { "\($0.id): \(totals[$0.id]?.points ?? 0)" }.joined(separator: ", "),
            rows: rows)
        page.raw("<section aria-labelledby=\"points-per-department\">\n<h2 id=\"points-per-department\">")
        page.label(.pointsPerDepartment)
        page.raw("</h2>\n<figure>\n")
        page.raw(chart.svg(id: "points-chart"))
        page.raw("<figcaption><span class=\"badge mandatory\">")
        page.label(.mandatoryPoints)
        page.raw("</span> <span class=\"badge optional\">")
        page.label(.otherPoints)
        page.raw("</span> ")
        page.label(.chartAnnotation)
        page.raw("</figcaption>\n</figure>\n<table class=\"summary\">\n<caption>")
        page.label(.pointsPerDepartment)
        page.raw("</caption>\n<thead><tr><th scope=\"col\">")
        page.label(.department)
        page.raw("</th><th scope=\"col\" class=\"number\">")
        page.label(.criteriaCount)
        page.raw("</th><th scope=\"col\" class=\"number\">")
        page.label(.points)
        page.raw("</th><th scope=\"col\" class=\"number\">")
        page.label(.mandatoryPoints)
        page.raw("</th></tr></thead>\n<tbody>\n")
        for department in framework.departments {
            let total = totals[department.id] ?? (0, 0, 0)
            page.raw("<tr><th scope=\"row\"><a href=\"#department-\(HTMLPage.escape(department.id))\">\(HTMLPage.escape(department.id)) · ")
            page.localized(department.title)
            page.raw("</a></th><td class=\"number\">\(total.count)</td><td class=\"number\">\(total.points)</td><td class=\"number\">\(total.mandatory)</td></tr>\n")
        }
        page.raw("</tbody>\n</table>\n</section>\n")
    }

    /// The filter controls: hidden until the script shows them.
    static func filters(_ framework: Framework, into page: inout HTMLPage) {
        page.raw("<form class=\"filters panel\" hidden aria-label=\"")
        page.text(ReportLabel.filter[page.primaryLocale])
        page.raw("\">\n<label>")
        page.label(.productionType)
        page.raw(" <select id=\"filter-type\"><option value=\"\">")
        page.text(page.locales.map { ReportLabel.all[$0] }.joined(separator: " / "))
        page.raw("</option>")
        for type in framework.productionTypes {
            page.raw("<option value=\"\(HTMLPage.escape(type.id))\">")
            page.text(page.locales.compactMap { type.title[$0] }.joined(separator: " / "))
            page.raw("</option>")
        }
        page.raw("</select></label>\n<label>")
        page.label(.stage)
        page.raw(" <select id=\"filter-stage\"><option value=\"\">")
        page.text(page.locales.map { ReportLabel.all[$0] }.joined(separator: " / "))
        page.raw("</option>")
        for stage in framework.identity.stages {
            page.raw("<option value=\"\(HTMLPage.escape(stage.id))\">")
            page.text(page.locales.compactMap { stage.title[$0] }.joined(separator: " / "))
            page.raw("</option>")
        }
        page.raw("</select></label>\n<span><output id=\"filter-count\" aria-live=\"polite\"></output> ")
        page.label(.criteriaShown)
        page.raw("</span>\n</form>\n")
    }

    /// One criterion's row.
    static func row(
        _ criterion: Criterion, allTypes: Int, stageTitles: [String: LocalizedText], typeTitles: [String: LocalizedText], into page: inout HTMLPage
    ) {
        let id = HTMLPage.escape(criterion.id)
        page.raw("<tr id=\"criterion-\(id)\" data-types=\"\(HTMLPage.escape(criterion.appliesTo.joined(separator: " ")))\" data-stages=\"\(HTMLPage.escape(criterion.stages.joined(separator: " ")))\">")
        page.raw("<th scope=\"row\">\(id)</th>\n<td><span class=\"criterion-title\">")
        page.localized(criterion.title)
        page.raw("</span>")
        if page.isBilingual {
            page.raw("<div class=\"guidance\">")
            page.localized(criterion.guidance, element: "p")
            page.raw("</div>")
        } else {
            page.raw("<p class=\"guidance\">")
            page.localized(criterion.guidance)
            page.raw("</p>")
        }
        page.raw("</td>\n<td class=\"number\">\(criterion.points)</td>\n<td>")
        page.raw(criterion.mandatory ? "<span class=\"badge mandatory\">" : "<span class=\"badge optional\">")
        page.label(criterion.mandatory ? .mandatory : .optional)
        page.raw("</span></td>\n<td>")
        Self.list(criterion.stages.map { stageTitles[$0] ?? page.untitled($0) }, into: &page)
        page.raw("</td>\n<td>")
        if criterion.appliesTo.count == allTypes {
            page.label(.allTypes)
        } else {
            Self.list(criterion.appliesTo.map { typeTitles[$0] ?? page.untitled($0) }, into: &page)
        }
        page.raw("</td>\n<td>")
        Self.list(criterion.evidence, into: &page)
        page.raw("</td></tr>\n")
    }

    /// A compact bulleted list of localized texts.
    static func list(_ items: [LocalizedText], into page: inout HTMLPage) {
        guard !items.isEmpty else { return }
        page.raw("<ul class=\"compact\">")
        for item in items {
            page.raw("<li>")
            page.localized(item)
            page.raw("</li>")
        }
        page.raw("</ul>")
    }

    /// Shows the filters and hides rows (and whole departments) that do not match; `?type=` and
    /// `?stage=` in the page's address preset them, so a link can point at one production's view.
    static let filterScript = """
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

        """
}
