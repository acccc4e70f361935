import Foundation

/// What a new version does to real productions: each answer set is scored under the old
/// version, migrated, and scored under the new one.
public struct ImpactAnalysis: Sendable {
    /// One production's scores before and after.
    public struct Row: Sendable {
        public var source: String
        public var title: String
        public var before: ScoreReport?
        public var after: ScoreReport?
        /// Why the production could not be compared, when it could not.
        public var problem: String?
    }

    public var rows: [Row]

    /// Productions that were eligible before and are not after.
    public var losingEligibility: [Row] { rows.filter { $0.before?.eligible == true && $0.after?.eligible == false } }
    /// Productions that were not eligible before and are after.
    public var gainingEligibility: [Row] { rows.filter { $0.before?.eligible == false && $0.after?.eligible == true } }
    /// Productions whose stars changed.
    public var starsChanged: [Row] {
        rows.filter { $0.before != nil && $0.after != nil && $0.before!.stars != $0.after!.stars }
    }

    /// "3 of 20 productions lose eligibility; 1 gains it; 2 change stars."
    public var summary: String {
        let compared = rows.filter { $0.before != nil && $0.after != nil }.count
        var parts = ["\(losingEligibility.count) of \(compared) production\(compared == 1 ? "" : "s") lose eligibility"]
        if !gainingEligibility.isEmpty {
            parts.append("\(gainingEligibility.count) gain\(gainingEligibility.count == 1 ? "s" : "") it")
        }
        parts.append("\(starsChanged.count) change stars")
        let failed = rows.count - compared
        if failed > 0 { parts.append("\(failed) could not be compared") }
        return parts.joined(separator: "; ") + "."
    }

    /// Scores every answer set under `old` and, migrated through `new`'s lineage rules, under `new`.
    /// Answer sets must be written for `old`'s framework and version.
    public init(answerSets: [(source: String, bytes: [UInt8], line: Int)], old: FrameworkBundle, new: FrameworkBundle) {
        let oldScorer = Scorer(bundle: old)
        let newScorer = Scorer(bundle: new)
        rows = answerSets.map { item in
            var diagnostics = DiagnosticCollector()
            guard
                let (decoded, locator) = AnswerSetDecoder().decodeLocated(
                    item.bytes, file: item.source, line: item.line, into: &diagnostics)
            else {
                return Row(
                    source: item.source, title: "?", problem: diagnostics.diagnostics.first?.message ?? "unreadable")
            }
            var answers = decoded
            guard answers.framework.id == old.framework.identity.id,
                answers.framework.version == old.framework.identity.version
            else {
                return Row(
                    source: item.source, title: answers.production.title,
                    problem:
                        "written for \(answers.framework.id) \(answers.framework.version), not \(old.framework.identity.version)"
                )
            }
            answers.framework = BundleReference(old)
            let before = oldScorer.score(answers, into: &diagnostics, locate: locator.location(of:))
            var report = MigrationReport(from: old.framework.identity.version, to: new.framework.identity.version)
            var stepTarget = new
            if new.framework.lineage.previous?.version != old.framework.identity.version {
                stepTarget.framework.lineage = Lineage(previous: nil, rules: [])
            }
            let migrated = Migrator.step(answers, from: old, to: stepTarget, report: &report)
            var rescored = migrated
            rescored.framework = BundleReference(new)
            let after = newScorer.score(rescored, into: &diagnostics, locate: locator.location(of:))
            return Row(
                source: item.source, title: answers.production.title, before: before, after: after,
                problem: before == nil || after == nil ? diagnostics.diagnostics.first?.message : nil)
        }
    }

    /// Reads answer sets from a folder of `*.json` files or from a JSONL file.
    public static func loadAnswerSets(_ path: String, into diagnostics: inout DiagnosticCollector) -> [(
        source: String, bytes: [UInt8], line: Int
    )] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.emit(.fileUnreadable(path, reason: "no such file or folder"))
            return []
        }
        if isDirectory.boolValue {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter {
                $0.hasSuffix(".json")
            }.sorted()
            return names.compactMap { name in
                FileManager.default.contents(atPath: path + "/" + name).map { (path + "/" + name, Array($0), 1) }
            }
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            diagnostics.emit(.fileUnreadable(path, reason: "not readable"))
            return []
        }
        var items: [(String, [UInt8], Int)] = []
        JSONLinesReader(handle: handle).forEachLine { number, bytes in
            items.append(("\(path):\(number)", bytes, number))
        }
        return items
    }

    public var jsonValue: JSONValue {
        func score(_ report: ScoreReport?) -> JSONValue {
            guard let report else { return .null }
            return [
                "percent": .string(report.percent), "eligible": .bool(report.eligible), "stars": .integer(report.stars),
            ]
        }
        return [
            "summary": .string(summary),
            "productions": .array(
                rows.map { row in
                    var object: [String: JSONValue] = [
                        "source": .string(row.source), "title": .string(row.title), "before": score(row.before),
                        "after": score(row.after),
                    ]
                    if let problem = row.problem { object["problem"] = .string(problem) }
                    return .object(object)
                }),
        ]
    }

    /// Table rows for text and markdown: title, before, after, and what changed.
    public var tableRows: [(title: String, before: String, after: String, change: String)] {
        func describe(_ report: ScoreReport?) -> String {
            guard let report else { return "—" }
            return
                "\(report.percent)% \(report.eligible ? "eligible \(String(repeating: "★", count: report.stars))" : "not eligible")"
        }
        return rows.map { row in
            var change = ""
            if let problem = row.problem {
                change = problem
            } else if row.before?.eligible == true && row.after?.eligible == false {
                change = "loses eligibility"
            } else if row.before?.eligible == false && row.after?.eligible == true {
                change = "gains eligibility"
            } else if row.before?.stars != row.after?.stars {
                change = "stars \(row.before?.stars ?? 0) → \(row.after?.stars ?? 0)"
            }
            return (row.title, describe(row.before), describe(row.after), change)
        }
    }
}
