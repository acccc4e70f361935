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

    static func classTitle(_ changeClass: ChangeClass) -> String {
        switch changeClass {
        case .scoring: return "Scoring changes"
        case .additive: return "Additive changes"
        case .editorial: return "Editorial changes"
        }
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
        var output =
            "\(TerminalText.visible(diff.heading)): \(diff.changes.count) change\(diff.changes.count == 1 ? "" : "s"), required bump: \(diff.requiredBump?.rawValue ?? "none")\n"
        for changeClass in ChangeClass.allCases {
            let groups = diff.grouped(changeClass)
            guard !groups.isEmpty else { continue }
            output += "\n\(FrameworkDiff.classTitle(changeClass)) (\(changeClass.bump.rawValue)):\n"
            for group in groups {
                output += "  \(group.department.map { "Department \($0)" } ?? "Framework and policy"):\n"
                for change in group.changes {
                    output += "    [\(change.kind.rawValue)] \(TerminalText.visible(change.summary(in: locale)))\n"
                }
            }
        }
        if let impact {
            output +=
                "\nImpact on \(impact.rows.count) production\(impact.rows.count == 1 ? "" : "s"): \(impact.summary)\n"
            for row in impact.tableRows {
                output +=
                    TerminalText.visible(
                        "  \(row.title): \(row.before) → \(row.after)\(row.change.isEmpty ? "" : "  [\(row.change)]")")
                    + "\n"
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
        var output = "## \(diff.heading)\n\n"
        output +=
            "**Required bump: \(diff.requiredBump?.rawValue ?? "none")** — \(diff.changes.count) change\(diff.changes.count == 1 ? "" : "s")"
        for changeClass in ChangeClass.allCases {
            let count = diff.changes.filter { $0.changeClass == changeClass }.count
            if count > 0 { output += ", \(count) \(changeClass.rawValue)" }
        }
        output += "\n"
        for changeClass in ChangeClass.allCases {
            let groups = diff.grouped(changeClass)
            guard !groups.isEmpty else { continue }
            output += "\n### \(FrameworkDiff.classTitle(changeClass)) (\(changeClass.bump.rawValue))\n\n"
            output += "| Department | Subject | Change | Before | After |\n|---|---|---|---|---|\n"
            for group in groups {
                for change in group.changes {
                    let subject =
                        change.criterion ?? change.scheme ?? change.productionType ?? change.department ?? "framework"
                    let kind = change.kind.rawValue + (change.locale.map { " (\($0))" } ?? "")
                    output +=
                        "| \(group.department ?? "—") | \(MarkdownText.code(subject)) | \(kind) | \(Self.cell(change.displayBefore(in: locale))) | \(Self.cell(change.displayAfter(in: locale))) |\n"
                }
            }
        }
        if let impact {
            output +=
                "\n### Impact on productions\n\n\(impact.summary)\n\n| Production | Before | After | Change |\n|---|---|---|---|\n"
            for row in impact.tableRows {
                output += "| \(Self.cell(row.title)) | \(row.before) | \(row.after) | \(Self.cell(row.change)) |\n"
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
        var value = Self.value(diff, locale: diff.descriptionLocale(locale)).objectValue ?? [:]
        if let impact { value["impact"] = impact.jsonValue }
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
                "summary": .string(change.summary(in: locale)),
                "before": change.before ?? .null,
                "after": change.after ?? .null,
            ]
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
