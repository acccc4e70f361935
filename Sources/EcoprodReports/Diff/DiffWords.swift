import EcoprodFramework

/// The words around a diff, in one locale: headings, counts, bumps and the impact on
/// productions.
///
/// Every text report of a diff (text, Markdown, the changelog, each locale of the HTML page)
/// takes its words from here, so that one output holds one language: French for `fr`, English
/// for any other locale.
struct DiffWords: Sendable {
    let locale: String

    init(_ locale: String) {
        self.locale = locale
    }

    /// Whether the words are French; every other locale reads English.
    var french: Bool { locale == "fr" || locale.hasPrefix("fr-") }
    /// The colon of the locale: French sets it off with a space.
    var colon: String { french ? " : " : ": " }

    func label(_ label: ReportLabel) -> String { label[french ? "fr" : "en"] }

    /// "majeure" or "major"; "aucune" or "none" when nothing changed.
    func bump(_ bump: VersionBump?) -> String {
        switch bump {
        case .major: return french ? "majeure" : "major"
        case .minor: return french ? "mineure" : "minor"
        case .patch: return french ? "corrective" : "patch"
        case nil: return french ? "aucune" : "none"
        }
    }

    /// "3 modifications", "1 change".
    func changeCount(_ count: Int) -> String {
        french ? "\(count) modification\(count == 1 ? "" : "s")" : "\(count) change\(count == 1 ? "" : "s")"
    }

    /// "Modifications de notation (majeure)".
    func classHeading(_ changeClass: ChangeClass) -> String {
        "\(label(DiffHTMLRenderer.title(changeClass))) (\(bump(changeClass.bump)))"
    }

    /// "Poste A", "Department A", or the framework-wide group.
    func group(_ department: String?) -> String {
        guard let department else { return label(.frameworkAndPolicy) }
        return "\(label(.department)) \(department)"
    }

    /// "Effet sur 8 productions".
    func impactHeading(_ count: Int) -> String {
        french
            ? "Effet sur \(count) production\(count == 1 ? "" : "s")"
            : "Impact on \(count) production\(count == 1 ? "" : "s")"
    }

    /// "0 of 6 productions lose eligibility; 1 gains it; 2 change stars; 2 could not be compared."
    func summary(_ impact: ImpactAnalysis) -> String {
        let compared = impact.compared.count
        let losing = impact.losingEligibility.count
        let gaining = impact.gainingEligibility.count
        let stars = impact.starsChanged.count
        let failed = impact.rows.count - compared
        var parts: [String] = []
        if french {
            parts.append(
                "\(losing) production\(losing > 1 ? "s" : "") sur \(compared) perd\(losing > 1 ? "ent" : "") l'éligibilité"
            )
            if gaining > 0 { parts.append("\(gaining) la gagne\(gaining > 1 ? "nt" : "")") }
            parts.append("\(stars) change\(stars > 1 ? "nt" : "") d'étoiles")
            if failed > 0 {
                parts.append("\(failed) n'\(failed > 1 ? "ont" : "a") pas pu être comparée\(failed > 1 ? "s" : "")")
            }
            return parts.joined(separator: " ; ") + "."
        } else {
            parts.append("\(losing) of \(compared) production\(compared == 1 ? "" : "s") lose eligibility")
            if gaining > 0 { parts.append("\(gaining) gain\(gaining == 1 ? "s" : "") it") }
            parts.append("\(stars) change stars")
            if failed > 0 { parts.append("\(failed) could not be compared") }
        }
        return parts.joined(separator: "; ") + "."
    }

    /// "65.00 % éligible ★" or "63.41% not eligible"; a dash when not scored.
    func score(_ report: ScoreReport?) -> String {
        guard let report else { return "—" }
        let percent = french ? "\(report.percent) %" : "\(report.percent)%"
        let stars = String(repeating: "★", count: report.stars)
        if report.eligible { return "\(percent) \(label(.eligible).lowercased()) \(stars)" }
        return "\(percent) \(label(.notEligible).lowercased())"
    }

    /// What the new version does to one production; empty when nothing that matters changed.
    func outcome(_ outcome: ImpactAnalysis.Outcome) -> String {
        switch outcome {
        case .unchanged: return ""
        case .losesEligibility: return french ? "perd l'éligibilité" : "loses eligibility"
        case .gainsEligibility: return french ? "devient éligible" : "gains eligibility"
        case .starsChanged(let from, let to): return "\(label(.stars).lowercased()) \(from) → \(to)"
        case .notCompared(let problem): return problem
        }
    }
}
