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
        var page = HTMLPage(locale: locale, available: Self.locales)
        page.raw("<header>\n<p class=\"kicker\">")
        page.label(.changes)
        page.raw("</p>\n<h1>")
        page.text(diff.heading)
        page.raw("</h1>\n<dl class=\"facts\">\n<dt>")
        page.label(.requiredBump)
        page.raw("</dt><dd><span class=\"badge \(diff.requiredBump == .major ? "mandatory" : "optional")\">\(HTMLPage.escape(diff.requiredBump?.rawValue ?? "none"))</span></dd>\n<dt>")
        page.label(.changes)
        page.raw("</dt><dd>\(diff.changes.count)")
        for changeClass in ChangeClass.allCases {
            let count = diff.changes.filter { $0.changeClass == changeClass }.count
            if count > 0 {
                page.raw(" · \(count) ")
                page.label(Self.title(changeClass))
            }
        }
        page.raw("</dd>\n")
        for (label, side) in [(ReportLabel.before, diff.from), (.after, diff.to)] {
            page.raw("<dt>")
            page.label(label)
            page.raw("</dt><dd>\(HTMLPage.escape(side.id)) \(HTMLPage.escape(side.version.description))")
            if let digest = side.digest { page.raw(" <code>\(HTMLPage.escape(digest))</code>") }
            page.raw("</dd>\n")
        }
        page.raw("</dl>\n</header>\n<main>\n")
        if diff.changes.isEmpty {
            page.raw("<p>")
            page.label(.noChanges)
            page.raw("</p>\n")
        }
        for changeClass in ChangeClass.allCases {
            let groups = diff.grouped(changeClass)
            guard !groups.isEmpty else { continue }
            page.raw("<section aria-labelledby=\"class-\(changeClass.rawValue)\">\n<h2 id=\"class-\(changeClass.rawValue)\">")
            page.label(Self.title(changeClass))
            page.raw(" <span class=\"badge \(changeClass == .scoring ? "mandatory" : "optional")\">\(changeClass.bump.rawValue)</span></h2>\n<table>\n<thead><tr>")
            for label in [ReportLabel.department, .subject, .change, .before, .after] {
                page.raw("<th scope=\"col\">")
                page.label(label)
                page.raw("</th>")
            }
            page.raw("</tr></thead>\n<tbody>\n")
            for group in groups {
                for change in group.changes {
                    let subject = change.criterion ?? change.scheme ?? change.productionType ?? change.department ?? diff.to.id
                    page.raw("<tr><td>")
                    if let department = group.department { page.text(department) } else { page.label(.frameworkAndPolicy) }
                    page.raw("</td><th scope=\"row\"><code>\(HTMLPage.escape(subject))</code></th><td><code>\(HTMLPage.escape(change.kind.rawValue))</code>")
                    if let locale = change.locale { page.raw(" <span lang=\"\(HTMLPage.escape(locale))\">(\(HTMLPage.escape(locale)))</span>") }
                    page.raw("</td><td>\(HTMLPage.escape(change.displayBefore(in: page.primaryLocale)))</td><td>\(HTMLPage.escape(change.displayAfter(in: page.primaryLocale)))</td></tr>\n")
                }
            }
            page.raw("</tbody>\n</table>\n</section>\n")
        }
        if let impact {
            page.raw("<section aria-labelledby=\"impact\">\n<h2 id=\"impact\">")
            page.label(.impact)
            page.raw("</h2>\n<p>\(HTMLPage.escape(impact.summary))</p>\n<table>\n<thead><tr>")
            for label in [ReportLabel.production, .before, .after, .change] {
                page.raw("<th scope=\"col\">")
                page.label(label)
                page.raw("</th>")
            }
            page.raw("</tr></thead>\n<tbody>\n")
            for row in impact.tableRows {
                page.raw("<tr><th scope=\"row\">\(HTMLPage.escape(row.title))</th><td>\(HTMLPage.escape(row.before))</td><td>\(HTMLPage.escape(row.after))</td>")
                page.raw("<td>\(HTMLPage.escape(row.change))</td></tr>\n")
            }
            page.raw("</tbody>\n</table>\n</section>\n")
        }
        page.raw("</main>\n")
        return page.document(title: diff.heading)
    }

    static func title(_ changeClass: ChangeClass) -> ReportLabel {
        switch changeClass {
        case .scoring: return .scoringChanges
        case .additive: return .additiveChanges
        case .editorial: return .editorialChanges
        }
    }
}
