/// Carries answer sets from one released version to a later one, through each release's
/// lineage rules in turn, losing nothing: every input answer ends up under a current ID
/// (moved, copied or combined, with its origin recorded) or under `retired`, whole.
public struct Migrator: Sendable {
    /// The releases migration walks through, verified.
    public let history: ReleaseHistory
    /// The plan of each release from the one before it, made once: a JSONL stream migrates
    /// many answer sets through the same releases.
    private let plans: [String: MigrationPlan]

    /// A migrator over a verified release history.
    public init(history: ReleaseHistory) {
        self.history = history
        let bundles = history.releases.map(\.bundle)
        var plans: [String: MigrationPlan] = [:]
        for (prior, next) in zip(bundles, bundles.dropFirst()) {
            plans[Self.planKey(prior, next)] = MigrationPlan(from: prior, to: next)
        }
        self.plans = plans
    }

    private static func planKey(_ prior: FrameworkBundle, _ next: FrameworkBundle) -> String {
        prior.digest + ">" + next.digest
    }

    /// Migrates `answers` to `target`. Problems go to `diagnostics` at `locate(path)`.
    public func migrate(
        _ answers: AnswerSet, to target: SemanticVersion, into diagnostics: inout DiagnosticCollector,
        locate: (String) -> SourceLocation
    ) -> (answers: AnswerSet, report: MigrationReport)? {
        let from = answers.framework.version
        guard let start = history.release(from), start.bundle.framework.identity.id == answers.framework.id else {
            diagnostics.emit(
                Diagnostic(
                    .error, .answersBundleNotFound, "no release \(answers.framework.id) \(from) among the releases",
                    at: locate("$.framework.version"),
                    help: "pass --releases with the folder that holds the bundle the answers were written against"))
            return nil
        }
        guard start.bundle.digest == answers.framework.digest else {
            diagnostics.emit(
                Diagnostic(
                    .error, .answersVersionMismatch,
                    "the answers name digest \(answers.framework.digest), but release \(from) has \(start.bundle.digest)",
                    at: locate("$.framework.digest"),
                    help: "the answers were written against another build of \(from); they cannot be migrated safely"))
            return nil
        }
        guard history.release(target) != nil else {
            diagnostics.emit(
                Diagnostic(
                    .error, .answersBundleNotFound, "no release \(answers.framework.id) \(target) among the releases",
                    at: locate("$.framework.version"),
                    help:
                        "released versions: \(history.releases.map { $0.bundle.framework.identity.version.description }.joined(separator: ", "))"
                ))
            return nil
        }
        guard target >= from else {
            diagnostics.emit(
                Diagnostic(
                    .error, .migrationRefused, "cannot migrate backwards from \(from) to \(target)",
                    at: locate("$.framework.version"),
                    help:
                        "migration rules only lead forward; a retired or merged criterion cannot be split back into answers that were never given"
                ))
            return nil
        }
        var current = answers
        var report = MigrationReport(from: from, to: target)
        var prior = start.bundle
        for next in history.releases.map(\.bundle)
        where next.framework.identity.version > from && next.framework.identity.version <= target {
            guard
                next.framework.lineage.previous
                    == ReleaseReference(version: prior.framework.identity.version, digest: prior.digest)
            else {
                diagnostics.emit(
                    Diagnostic(
                        .error, .migrationRefused,
                        "release \(next.framework.identity.version) does not descend from \(prior.framework.identity.version) by its lineage",
                        at: locate("$.framework"),
                        help: "run `ecoprod verify --releases DIR` to see where the chain breaks"))
                return nil
            }
            let plan = plans[Self.planKey(prior, next)] ?? MigrationPlan(from: prior, to: next)
            current = plan.apply(current, report: &report)
            prior = next
        }
        report.toAnswer = report.steps.flatMap { $0.actions.filter { $0.kind == .new }.flatMap(\.to) }.filter {
            current.answers[$0] == nil
        }
        report.review = current.answers.filter { $0.value.fields["needs_review"] != nil }.map(\.key).sorted()
        return (current, report)
    }

    /// One release: applies `next`'s lineage rules to answers written for `prior`.
    public static func step(
        _ answers: AnswerSet, from prior: FrameworkBundle, to next: FrameworkBundle, report: inout MigrationReport
    ) -> AnswerSet {
        MigrationPlan(from: prior, to: next).apply(answers, report: &report)
    }

    /// Combines merged answers: statuses by the declared rule, evidence and notes concatenated
    /// with their origin, and every original answer kept whole under `merged_from`.
    static func merge(
        _ sources: [(String, Answer)], combination: MigrationRule.Combination, allSources: [String],
        origin: (String) -> JSONValue
    ) -> Answer {
        let statuses = sources.map(\.1.status)
        let status: AnswerStatus
        if statuses.allSatisfy({ $0 == .notApplicable }) {
            status = .notApplicable
        } else {
            let relevant = statuses.filter { $0 != .notApplicable }
            switch combination {
            case .allMet:
                status = sources.count == allSources.count && relevant.allSatisfy { $0 == .met } ? .met : .notMet
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
