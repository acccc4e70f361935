import EcoprodFramework

/// The scoring policy in plain words: each scheme's threshold with its comparison and its
/// star levels, how the percentage is computed, the mandatory rule and the not-applicable rule.
struct ScoringRulesSection {
    var policy: ScoringPolicy

    func write(into page: inout HTMLPage) {
        page.raw("<ul class=\"rules panel\">\n")
        for scheme in policy.schemes {
            page.raw("<li><strong>")
            page.localized(scheme.title)
            page.raw("</strong> (<code>\(HTMLPage.escape(scheme.id))</code>): ")
            Self.threshold(scheme.threshold, into: &page)
            if !scheme.levels.isEmpty {
                page.raw("; ")
                page.label(.stars)
                page.raw(": ")
                for (index, level) in scheme.levels.enumerated() {
                    if index > 0 { page.raw(", ") }
                    page.raw("<span class=\"stars\" aria-label=\"\(level.stars) ★\">\(String(repeating: "★", count: level.stars))</span> ")
                    page.label(.from)
                    page.text(" \(level.basisPoints.shortText) %")
                }
            }
            page.raw("</li>\n")
        }
        page.raw("<li>")
        page.label(.scoreRule)
        page.raw("</li>\n<li>")
        page.label(.mandatoryCriteriaRule)
        page.raw("</li>\n<li>")
        page.label(policy.notApplicable.effect == .excluded ? .notApplicableExcluded : .notApplicableNotMet)
        page.raw("</li>\n")
        if !policy.notApplicable.mandatoryAllowed {
            page.raw("<li>")
            page.label(.mandatoryNotApplicableRefused)
            page.raw("</li>\n")
        }
        page.raw("</ul>\n")
    }

    /// "at least 65 %" / "more than 65 %", with the exact symbol for readers of any language.
    static func threshold(_ threshold: Threshold, into page: inout HTMLPage) {
        page.raw("<strong>\(threshold.comparison.symbol) \(threshold.basisPoints.shortText) %</strong> (")
        page.label(threshold.comparison == .atLeast ? .atLeast : .moreThan)
        page.text(" \(threshold.basisPoints.shortText) %")
        page.raw(")")
    }
}
