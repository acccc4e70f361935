import EcoprodFramework

/// The scoring policy in plain words: each scheme's threshold with its comparison and its
/// star levels, how the percentage is computed, the mandatory rule and the not-applicable rule.
struct ScoringRulesSection {
    var policy: ScoringPolicy

    func node(_ page: HTMLPage) -> HTMLNode {
        group {
            element(.ul, .class("rules panel")) {
                "\n"
                for scheme in policy.schemes {
                    element(.li) {
                        element(.strong) { page.localized(scheme.title) }
                        " ("
                        element(.code) { scheme.id }
                        "): "
                        Self.threshold(scheme.threshold, page)
                        if !scheme.levels.isEmpty {
                            "; "
                            page.label(.stars)
                            ": "
                            for (index, level) in scheme.levels.enumerated() {
                                if index > 0 { ", " }
                                element(.span, .class("stars"), HTMLAttribute("aria-label", "\(level.stars) ★")) {
                                    String(repeating: "★", count: level.stars)
                                }
                                " "
                                page.label(.from)
                                " \(level.basisPoints.shortText) %"
                            }
                        }
                    }
                    "\n"
                }
                element(.li) { page.label(.scoreRule) }
                "\n"
                element(.li) { page.label(.mandatoryCriteriaRule) }
                "\n"
                element(.li) {
                    page.label(policy.notApplicable.effect == .excluded ? .notApplicableExcluded : .notApplicableNotMet)
                }
                "\n"
                if !policy.notApplicable.mandatoryAllowed {
                    element(.li) { page.label(.mandatoryNotApplicableRefused) }
                    "\n"
                }
            }
            "\n"
        }
    }

    /// "at least 65 %" / "more than 65 %", with the exact symbol for readers of any language.
    static func threshold(_ threshold: Threshold, _ page: HTMLPage) -> HTMLNode {
        group {
            element(.strong) { "\(threshold.comparison.symbol) \(threshold.basisPoints.shortText) %" }
            " ("
            page.label(threshold.comparison == .atLeast ? .atLeast : .moreThan)
            " \(threshold.basisPoints.shortText) %"
            ")"
        }
    }
}
