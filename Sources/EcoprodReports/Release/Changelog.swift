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

    /// The section for a release. Change lines are written in `locale`, by default the framework's
    /// first locale; section headings stay Keep a Changelog's own ("Added", "Changed", "Removed"),
    /// which tools read.
    public static func entry(for framework: Framework, date: String, diff: FrameworkDiff?, locale: String? = nil)
        -> String
    {
        let locale = locale ?? framework.identity.locales.first ?? "en"
        var lines = ["## [\(framework.identity.version)] - \(date)", ""]
        guard let diff else {
            lines += [
                "### Added", "",
                "- First release: \(framework.criteria.count) criteria in \(framework.departments.count) departments, \(framework.mandatoryCount) of them mandatory, \(framework.totalPoints) points in all.",
            ]
            for scheme in framework.scoring.schemes {
                let stars = scheme.levels.map { "\($0.stars)★ from \($0.basisPoints.shortText)%" }.joined(
                    separator: ", ")
                lines.append(
                    "- Scheme `\(scheme.id)` (\(scheme.title[locale] ?? scheme.id)): \(scheme.threshold.comparison.symbol) \(scheme.threshold.basisPoints.shortText)%; \(stars)."
                )
            }
            lines += ["", "### Scoring impact", "", "- None: nothing to compare with.", ""]
            return lines.joined(separator: "\n") + "\n"
        }
        let added = diff.changes.filter { $0.changeClass == .additive }
        let removed = diff.changes.filter { $0.kind.isRemoval }
        let changed = diff.changes.filter { $0.changeClass != .additive && !$0.kind.isRemoval }
        let scoring = diff.changes.filter { $0.changeClass == .scoring }
        for (title, changes) in [("Added", added), ("Changed", changed), ("Removed", removed)] where !changes.isEmpty {
            lines += ["### \(title)", ""]
            lines += changes.map { "- \(MarkdownText.inline($0.summary(in: locale)))" }
            lines.append("")
        }
        lines += ["### Scoring impact", ""]
        lines.append("- Required bump: \(diff.requiredBump?.rawValue ?? "none") (from \(diff.from.version)).")
        if scoring.isEmpty {
            lines.append(
                "- No change can alter a production's score or eligibility; answer sets carry over as they are.")
        } else {
            lines += scoring.map { "- \(MarkdownText.inline($0.subject(in: locale))): \($0.kind.rawValue)" }
        }
        lines.append("")
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
