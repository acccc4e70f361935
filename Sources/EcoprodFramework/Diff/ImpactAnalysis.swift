import Foundation

/// What a new version does to real productions: each answer set is scored under the old
/// version, carried through every release in between as `migrate` carries it, and scored under
/// the new one.
public struct ImpactAnalysis: Sendable {
    /// One production's scores before and after.
    public struct Row: Sendable {
        public var source: String
        public var title: String
        public var before: ScoreReport?
        public var after: ScoreReport?
        /// Why the production could not be compared, when it could not.
        public var problem: String?

        /// What the new version does to this production.
        public var outcome: Outcome {
            if let problem { return .notCompared(problem) }
            guard let before, let after else { return .notCompared("not scored") }
            if before.eligible && !after.eligible { return .losesEligibility }
            if !before.eligible && after.eligible { return .gainsEligibility }
            if before.stars != after.stars { return .starsChanged(from: before.stars, to: after.stars) }
            return .unchanged
        }
    }

    /// What a new version does to one production, worded by each report in its locale.
    public enum Outcome: Sendable, Equatable {
        case unchanged
        case losesEligibility
        case gainsEligibility
        case starsChanged(from: Int, to: Int)
        case notCompared(String)
    }

    public var rows: [Row]

    /// Productions scored on both sides.
    public var compared: [Row] { rows.filter { $0.before != nil && $0.after != nil } }
    /// Productions that were eligible before and are not after.
    public var losingEligibility: [Row] { rows.filter { $0.outcome == .losesEligibility } }
    /// Productions that were not eligible before and are after.
    public var gainingEligibility: [Row] { rows.filter { $0.outcome == .gainsEligibility } }
    /// Productions whose stars changed.
    public var starsChanged: [Row] {
        compared.filter { $0.before!.stars != $0.after!.stars }
    }

    /// Scores every answer set under the path's first bundle and, migrated through each release
    /// of the path, under its last. Answer sets must be written for the first bundle's version.
    public init(answerSets: [(source: String, bytes: [UInt8], line: Int)], path: ReleasePath) {
        let old = path.first
        let new = path.last
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
            var rescored = path.migrate(answers, report: &report)
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

    /// The productions as `Schemas/diff.schema.json` describes `impact`, with `summary` worded
    /// by the report.
    public func jsonValue(summary: String) -> JSONValue {
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
}
