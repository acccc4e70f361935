/// Carries answer sets from one released version to a later one, through each release's
/// lineage rules in turn, losing nothing: every input answer ends up under a current ID
/// (moved, copied or combined, with its origin recorded) or under `retired`, whole.
public struct Migrator: Sendable {
    /// The releases migration walks through, verified.
    public let history: ReleaseHistory

    /// A migrator over a verified release history.
    public init(history: ReleaseHistory) {
        self.history = history
    }

    /// Migrates `answers` to `target`. Problems go to `diagnostics` at `locate(path)`.
    public func migrate(
        _ answers: AnswerSet, to target: SemanticVersion, into diagnostics: inout DiagnosticCollector,
        locate: (String) -> SourceLocation
    ) -> (answers: AnswerSet, report: MigrationReport)? {
        let from = answers.framework.version
        guard let start = history.release(from), start.bundle.framework.identity.id == answers.framework.id else {
            diagnostics.emit(Diagnostic(
                .error, .answersBundleNotFound, "no release \(answers.framework.id) \(from) among the releases", at: locate("$.framework.version"),
                help: "pass --releases with the folder that holds the bundle the answers were written against"))
            return nil
        }
        guard start.bundle.digest == answers.framework.digest else {
            diagnostics.emit(Diagnostic(
                .error, .answersVersionMismatch, "the answers name digest \(answers.framework.digest), but release \(from) has \(start.bundle.digest)",
                at: locate("$.framework.digest"), help: "the answers were written against another build of \(from); they cannot be migrated safely"))
            return nil
        }
        guard history.release(target) != nil else {
            diagnostics.emit(Diagnostic(
                .error, .answersBundleNotFound, "no release \(answers.framework.id) \(target) among the releases", at: locate("$.framework.version"),
                help: "released versions: \(history.releases.map { $0.bundle.framework.identity.version.description }.joined(separator: ", "))"))
            return nil
        }
        guard target >= from else {
            diagnostics.emit(Diagnostic(
                .error, .migrationRefused, "cannot migrate backwards from \(from) to \(target)", at: locate("$.framework.version"),
                help: "migration rules only lead forward; a retired or merged criterion cannot be split back into answers that were never given"))
            return nil
        }
        var current = answers
        var report = MigrationReport(from: from, to: target)
        var prior = start.bundle
        for next in history.releases.map(\.bundle) where next.framework.identity.version > from && next.framework.identity.version <= target {
            guard next.framework.lineage.previous == ReleaseReference(version: prior.framework.identity.version, digest: prior.digest) else {
                diagnostics.emit(Diagnostic(
                    .error, .migrationRefused, "release \(next.framework.identity.version) does not descend from \(prior.framework.identity.version) by its lineage",
                    at: locate("$.framework"), help: "run `ecoprod verify --releases DIR` to see where the chain breaks"))
                return nil
            }
            current = Self.step(current, from: prior, to: next, report: &report)
            prior = next
        }
        report.toAnswer = report.steps.flatMap { $0.actions.filter { $0.kind == .new }.flatMap(\.to) }.filter { current.answers[$0] == nil }
        report.review = current.answers.filter { $0.value.fields["needs_review"] != nil }.map(\.key).sorted()
        return (current, report)
    }

    /// One release: applies `next`'s lineage rules to answers written for `prior`.
    public static func step(_ answers: AnswerSet, from prior: FrameworkBundle, to next: FrameworkBundle, report: inout MigrationReport) -> AnswerSet {
        let priorVersion = prior.framework.identity.version
        let nextVersion = next.framework.identity.version
        let nextIDs = Set(next.framework.criteria.map(\.id))
        let priorByID = Dictionary(prior.framework.criteria.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var output: [String: Answer] = [:]
        var retired = answers.retired
        var consumed: Set<String> = []
        var produced: Set<String> = []
        var actions: [MigrationReport.Action] = []
        let origin: (String) -> JSONValue = { id in ["id": .string(id), "version": .string(priorVersion.description)] }

        func place(_ answer: Answer, at id: String, from sources: [String]) {
            if output[id] != nil {
                retired.append(RetiredAnswer(
                    id: sources.joined(separator: "+"), version: priorVersion, answer: answer.jsonValue,
                    reason: .string("\(id) already had an answer when \(sources.joined(separator: ", ")) moved to it in \(nextVersion)")))
                actions.append(.init(kind: .conflict, from: sources, to: [id], detail: "\(id) was already answered; the moved answer is kept under 'retired'"))
                return
            }
            output[id] = answer
        }

        for rule in next.framework.lineage.rules {
            consumed.formUnion(rule.from)
            produced.formUnion(rule.to)
            switch rule.kind {
            case .rename:
                guard let id = rule.from.first, let to = rule.to.first else { continue }
                actions.append(.init(kind: .renamed, from: [id], to: [to]))
                guard var answer = answers.answers[id] else { continue }
                answer.fields["migrated_from"] = origin(id)
                place(answer, at: to, from: [id])
            case .split:
                guard let id = rule.from.first else { continue }
                actions.append(.init(kind: .split, from: [id], to: rule.to))
                guard let original = answers.answers[id] else { continue }
                for to in rule.to {
                    var copy = original
                    copy.fields["migrated_from"] = origin(id)
                    copy.fields["needs_review"] = .string("copied from \(id) when it was split into \(rule.to.joined(separator: ", ")) in \(nextVersion)")
                    place(copy, at: to, from: [id])
                }
            case .merge:
                guard let to = rule.to.first else { continue }
                let combination = rule.combine ?? .allMet
                actions.append(.init(kind: .merged, from: rule.from, to: [to], detail: combination.rawValue))
                let sources = rule.from.compactMap { id in answers.answers[id].map { (id, $0) } }
                guard !sources.isEmpty else { continue }
                place(Self.merge(sources, combination: combination, allSources: rule.from, origin: origin), at: to, from: sources.map(\.0))
            case .retire:
                guard let id = rule.from.first else { continue }
                let reason = rule.reason.map { JSONValue(encoding: $0) } ?? .string("retired in \(nextVersion)")
                actions.append(.init(kind: .retired, from: [id], to: [], detail: rule.reason?["en"] ?? rule.reason?.translations.values.first))
                if let answer = answers.answers[id] {
                    retired.append(RetiredAnswer(id: id, version: priorVersion, answer: answer.jsonValue, reason: reason))
                }
            }
        }
        for id in answers.answers.keys.sorted() where !consumed.contains(id) {
            let answer = answers.answers[id]!
            if nextIDs.contains(id) {
                place(answer, at: id, from: [id])
                actions.append(.init(kind: .kept, from: [id], to: [id]))
            } else {
                retired.append(RetiredAnswer(
                    id: id, version: priorVersion, answer: answer.jsonValue, reason: .string("\(id) is not in \(nextVersion) and no rule says where it went")))
                actions.append(.init(kind: .retired, from: [id], to: [], detail: "not in \(nextVersion)"))
            }
        }
        for criterion in next.framework.criteria {
            if let before = priorByID[criterion.id] {
                var changes: [String] = []
                if before.points != criterion.points { changes.append("points \(before.points) → \(criterion.points)") }
                if before.mandatory != criterion.mandatory { changes.append(criterion.mandatory ? "now mandatory" : "no longer mandatory") }
                if Set(before.appliesTo) != Set(criterion.appliesTo) { changes.append("applicability changed") }
                if !changes.isEmpty, output[criterion.id] != nil {
                    actions.append(.init(kind: .changed, from: [criterion.id], to: [criterion.id], detail: changes.joined(separator: ", ") + "; answer kept"))
                }
            } else if !produced.contains(criterion.id) {
                actions.append(.init(kind: .new, from: [], to: [criterion.id]))
            }
        }
        report.steps.append(.init(from: priorVersion, to: nextVersion, actions: actions))
        var migrated = answers
        migrated.framework = BundleReference(next)
        migrated.answers = output
        migrated.retired = retired
        return migrated
    }

    /// Combines merged answers: statuses by the declared rule, evidence and notes concatenated
    /// with their origin, and every original answer kept whole under `merged_from`.
    static func merge(_ sources: [(String, Answer)], combination: MigrationRule.Combination, allSources: [String], origin: (String) -> JSONValue) -> Answer {
        let statuses = sources.map(\.1.status)
        let status: AnswerStatus
        if statuses.allSatisfy({ $0 == .notApplicable }) {
            status = .notApplicable
        } else {
            let relevant = statuses.filter { $0 != .notApplicable }
            switch combination {
            case .allMet: status = sources.count == allSources.count && relevant.allSatisfy { $0 == .met } ? .met : .notMet
            case .anyMet: status = relevant.contains(.met) ? .met : .notMet
            }
        }
        var fields: [String: JSONValue] = [:]
        let evidence = sources.flatMap { id, answer in answer.evidence.map { JSONValue.string("[\(id)] \($0)") } }
        if !evidence.isEmpty { fields["evidence"] = .array(evidence) }
        for key in ["note", "justification"] {
            let parts = sources.compactMap { id, answer in answer.fields[key]?.stringValue.map { "[\(id)] \($0)" } }
            if !parts.isEmpty { fields[key] = .string(parts.joined(separator: "\n")) }
        }
        fields["merged_from"] = .object(Dictionary(uniqueKeysWithValues: sources.map { ($0.0, $0.1.jsonValue) }))
        fields["migrated_from"] = .array(sources.map { origin($0.0) })
        return Answer(status: status, fields: fields)
    }
}
