import EcoprodFramework

/// `CHANGELOG.md`, in Keep a Changelog style: the framework's history, newest first,
/// one section per release, written by `ecoprod release` from the diff.
public struct Changelog: Sendable {
    /// The header written when the file does not exist yet.
    public static let header = """
        # Changelog

        All notable changes to the Ecoprod Label reference framework, newest first.
        This file is written by `ecoprod release` from the classified diff; the format follows
        [Keep a Changelog](https://keepachangelog.com/en/1.1.0/) and versions follow the
        framework's semver rule: scoring changes are major, additions minor, text edits patch.

        """

    /// The section for a release, wholly in `locale` (by default the framework's first):
    /// headings, change lines and the scoring impact. Keep a Changelog's French headings
    /// ("Ajouté", "Modifié", "Supprimé") stand in for its English ones.
    public static func entry(for framework: Framework, date: String, diff: FrameworkDiff?, locale: String? = nil)
        -> String
    {
        let locale = locale ?? framework.identity.locales.first ?? "en"
        let words = DiffWords(locale)
        var lines = ["## [\(framework.identity.version)] - \(date)", ""]
        guard let diff else {
            return firstEntry(for: framework, lines: lines, locale: locale)
        }
        let added = diff.changes.filter { $0.changeClass == .additive }
        let removed = diff.changes.filter { $0.kind.isRemoval }
        let changed = diff.changes.filter { $0.changeClass != .additive && !$0.kind.isRemoval }
        for (title, changes) in [(ReportLabel.added, added), (.changed, changed), (.removed, removed)]
        where !changes.isEmpty {
            lines += ["### \(words.label(title))", ""]
            lines += changes.map { "- \(MarkdownText.inline($0.summary(in: locale, titles: diff.titles)))" }
            lines.append("")
        }
        lines += ["### \(words.label(.scoringImpact))", ""]
        lines.append(
            "- \(words.label(.requiredBump))\(words.colon)\(words.bump(diff.requiredBump)) "
                + (words.french ? "(depuis \(diff.from.version))." : "(from \(diff.from.version))."))
        let effects = diff.changes.compactMap { $0.scoringEffect(in: locale, titles: diff.titles) }
        if effects.isEmpty {
            lines.append(
                words.french
                    ? "- Aucune modification ne peut changer le score ni l'éligibilité d'une production ; les réponses restent valables telles quelles."
                    : "- No change can alter a production's score or eligibility; answer sets carry over as they are."
            )
        } else {
            lines += effects.map { "- \(MarkdownText.inline($0))" }
        }
        lines.append("")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The first release's section: what the framework holds, since there is nothing to compare.
    private static func firstEntry(for framework: Framework, lines: [String], locale: String) -> String {
        let words = DiffWords(locale)
        let english = !words.french
        var lines = lines
        lines += [
            "### \(words.label(.added))", "",
            english
                ? "- First release: \(framework.criteria.count) criteria in \(framework.departments.count) departments, \(framework.mandatoryCount) of them mandatory, \(framework.totalPoints) points in all."
                : "- Première version : \(framework.criteria.count) critères en \(framework.departments.count) postes, dont \(framework.mandatoryCount) obligatoires, \(framework.totalPoints) points en tout.",
        ]
        for scheme in framework.scoring.schemes {
            let stars = scheme.levels.map { "\($0.stars)★ \(words.label(.from)) \($0.basisPoints.shortText)%" }
                .joined(separator: ", ")
            lines.append(
                "- \(english ? "Scheme" : "Dispositif") `\(scheme.id)` (\(scheme.title[locale] ?? scheme.id))\(words.colon)\(scheme.threshold.comparison.symbol) \(scheme.threshold.basisPoints.shortText)%; \(stars)."
            )
        }
        lines += [
            "", "### \(words.label(.scoringImpact))", "",
            english ? "- None: nothing to compare with." : "- Aucun : rien à comparer.", "",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `existing` with `entry` inserted above the newest section (or after the header). A
    /// section for the same version is replaced, not repeated: a release interrupted after its
    /// changelog was written writes it again when it is run again.
    public static func inserting(_ entry: String, into existing: String?) -> String {
        guard var existing, !existing.isEmpty else { return header + "\n" + entry }
        if let heading = entry.split(separator: "\n").first.map({ $0.prefix { $0 != "]" } + "]" }),
            let start = existing.range(of: "\n" + heading)
        {
            let rest = existing[start.upperBound...]
            let end = rest.range(of: "\n## [")?.lowerBound ?? existing.endIndex
            existing.removeSubrange(existing.index(after: start.lowerBound)..<end)
            existing = existing.replacingOccurrences(of: "\n\n\n", with: "\n\n")
        }
        if let range = existing.range(of: "\n## [") {
            var text = existing
            text.insert(contentsOf: "\n" + entry, at: text.index(after: range.lowerBound))
            return text.replacingOccurrences(of: "\n\n\n## [", with: "\n\n## [")
        }
        return existing + (existing.hasSuffix("\n") ? "\n" : "\n\n") + entry
    }
}
