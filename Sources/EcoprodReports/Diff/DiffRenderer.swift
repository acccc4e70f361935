import EcoprodFramework

/// Prints a diff in one format. One renderer per format: text, markdown, json, html.
public protocol DiffRenderer: Sendable {
    /// The diff, with the impact on real productions when answer sets were given.
    func render(_ diff: FrameworkDiff, impact: ImpactAnalysis?) -> String
}

extension DiffRenderer {
    public func render(_ diff: FrameworkDiff) -> String { render(diff, impact: nil) }
}

/// The formats of `ecoprod diff --format`.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, markdown, json, html

    /// The renderer of the format. `locale` picks the language of change descriptions (by default
    /// the newer version's first locale); for html it also picks the page's labels.
    public func renderer(locale: String? = nil) -> any DiffRenderer {
        switch self {
        case .text: return DiffTextRenderer(locale: locale)
        case .markdown: return DiffMarkdownRenderer(locale: locale)
        case .json: return DiffJSONRenderer(locale: locale)
        case .html: return DiffHTMLRenderer(locale: locale)
        }
    }
}

extension FrameworkDiff {
    /// The changes of one class, grouped by department (nil: not about a department), in department order of appearance.
    func grouped(_ changeClass: ChangeClass) -> [(department: String?, changes: [Change])] {
        var order: [String?] = []
        var groups: [String?: [Change]] = [:]
        for change in changes where change.changeClass == changeClass {
            if groups[change.department] == nil { order.append(change.department) }
            groups[change.department, default: []].append(change)
        }
        let sorted = order.sorted { ($0 ?? "") < ($1 ?? "") }
        return sorted.map { ($0, groups[$0]!) }
    }

    /// "ecoprod-label 1.0.0 → 1.1.0"
    var heading: String {
        from.id == to.id
            ? "\(from.id) \(from.version) → \(to.version)" : "\(from.id) \(from.version) → \(to.id) \(to.version)"
    }
}

/// Grouped by class, then by department, with before → after.
public struct DiffTextRenderer: DiffRenderer {
    /// The locale of change descriptions; nil for the newer version's first locale.
    public var locale: String?

    public init(locale: String? = nil) {
        self.locale = locale
    }

    public func render(_ diff: FrameworkDiff, impact: ImpactAnalysis?) -> String {
        let locale = diff.descriptionLocale(locale)
        let words = DiffWords(locale)
        var output =
            TerminalText.visible(diff.heading) + words.colon + words.changeCount(diff.changes.count) + ", "
            + words.label(.requiredBump).lowercased() + words.colon + words.bump(diff.requiredBump) + "\n"
        for changeClass in ChangeClass.allCases {
            let groups = diff.grouped(changeClass)
            guard !groups.isEmpty else { continue }
            output += "\n\(words.classHeading(changeClass))\(words.colon.dropLast())\n"
            for group in groups {
                output += "  \(words.group(group.department))\(words.colon.dropLast())\n"
                for change in group.changes {
                    output += "    \(TerminalText.visible(change.summary(in: locale, titles: diff.titles)))\n"
                }
            }
        }
        if let impact {
            output += "\n\(words.impactHeading(impact.rows.count))\(words.colon)\(words.summary(impact))\n"
            for row in impact.rows {
                let outcome = words.outcome(row.outcome)
                output +=
                    TerminalText.visible(
                        "  \(row.title)\(words.colon)\(words.score(row.before)) → \(words.score(row.after))"
                            + (outcome.isEmpty ? "" : "  [\(outcome)]")) + "\n"
            }
        }
        return output
    }
}

/// Ready for a pull-request comment or a changelog: a heading, then a table per class.
public struct DiffMarkdownRenderer: DiffRenderer {
    /// The locale of change descriptions; nil for the newer version's first locale.
    public var locale: String?

    public init(locale: String? = nil) {
        self.locale = locale
    }

    static func cell(_ text: String) -> String {
        MarkdownText.inline(text)
    }

    public func render(_ diff: FrameworkDiff, impact: ImpactAnalysis?) -> String {
        let locale = diff.descriptionLocale(locale)
        let words = DiffWords(locale)
        var output = "## \(MarkdownText.inline(diff.heading))\n\n"
        output +=
            "**\(words.label(.requiredBump))\(words.colon)\(words.bump(diff.requiredBump))** — "
            + words.changeCount(diff.changes.count) + "\n"
        for changeClass in ChangeClass.allCases {
            let groups = diff.grouped(changeClass)
            guard !groups.isEmpty else { continue }
            output += "\n### \(words.classHeading(changeClass))\n"
            for group in groups {
                output += "\n**\(words.group(group.department))**\n\n"
                for change in group.changes {
                    output += "- \(Self.cell(change.summary(in: locale, titles: diff.titles)))\n"
                }
            }
        }
        let effects = diff.changes.compactMap { $0.scoringEffect(in: locale, titles: diff.titles) }
        if !effects.isEmpty {
            output += "\n### \(words.label(.scoringImpact))\n\n"
            output += effects.map { "- \(Self.cell($0))\n" }.joined()
        }
        if let impact {
            output += "\n### \(words.impactHeading(impact.rows.count))\n\n\(Self.cell(words.summary(impact)))\n\n"
            output += "| \(words.label(.production)) | \(words.label(.before)) | \(words.label(.after)) | "
            output += "\(words.label(.change)) |\n|---|---|---|---|\n"
            for row in impact.rows {
                output +=
                    "| \(Self.cell(row.title)) | \(words.score(row.before)) | \(words.score(row.after)) | "
                    + "\(Self.cell(words.outcome(row.outcome))) |\n"
            }
        }
        return output
    }
}

/// `Schemas/diff.schema.json`: `from`, `to`, `required_bump`, `changes`.
public struct DiffJSONRenderer: DiffRenderer {
    /// The locale of change descriptions; nil for the newer version's first locale.
    public var locale: String?

    public init(locale: String? = nil) {
        self.locale = locale
    }

    public func render(_ diff: FrameworkDiff, impact: ImpactAnalysis?) -> String {
        let locale = diff.descriptionLocale(locale)
        var value = Self.value(diff, locale: locale).objectValue ?? [:]
        if let impact { value["impact"] = impact.jsonValue(summary: DiffWords(locale).summary(impact)) }
        return String(decoding: JSONValue.object(value).prettyBytes(), as: UTF8.self)
    }

    static func side(_ side: FrameworkDiff.Side) -> JSONValue {
        var object: [String: JSONValue] = ["id": .string(side.id), "version": .string(side.version.description)]
        if let digest = side.digest { object["digest"] = .string(digest) }
        return .object(object)
    }

    /// The diff as `Schemas/diff.schema.json` describes it, with summaries in `locale`.
    public static func value(_ diff: FrameworkDiff, locale: String) -> JSONValue {
        let changes: [JSONValue] = diff.changes.map { change in
            var object: [String: JSONValue] = [
                "kind": .string(change.kind.rawValue),
                "class": .string(change.changeClass.rawValue),
                "bump": .string(change.bump.rawValue),
                "summary": .string(change.summary(in: locale, titles: diff.titles)),
                "before": change.before ?? .null,
                "after": change.after ?? .null,
            ]
            if let effect = change.scoringEffect(in: locale, titles: diff.titles) { object["effect"] = .string(effect) }
            if let criterion = change.criterion { object["criterion"] = .string(criterion) }
            if let department = change.department { object["department"] = .string(department) }
            if let scheme = change.scheme { object["scheme"] = .string(scheme) }
            if let type = change.productionType { object["production_type"] = .string(type) }
            if let locale = change.locale { object["locale"] = .string(locale) }
            return .object(object)
        }
        return [
            "from": side(diff.from),
            "to": side(diff.to),
            "required_bump": .string(diff.requiredBump?.rawValue ?? "none"),
            "changes": .array(changes),
        ]
    }
}
