/// What one release's lineage does to answers written for the release before it.
///
/// Everything that depends only on the two releases (which IDs exist, what each rule
/// consumes and produces, which kept criteria changed and how, which are new) is worked out
/// once here; ``apply(_:report:)`` then does only the per-answer-set work. `migrate --jsonl`
/// runs one plan over every line.
struct MigrationPlan: Sendable {
    /// A report action about one criterion of `next`, in framework order.
    enum CriterionNote: Sendable {
        /// Kept with its points, mandatory flag or applicability changed; reported when answered.
        case changed(id: String, detail: String)
        /// New in `next`, and no rule produces it.
        case new(id: String)
    }

    let priorVersion: SemanticVersion
    let nextVersion: SemanticVersion
    let next: BundleReference
    let rules: [MigrationRule]
    /// Each retire rule's reason as JSON, by the retired ID.
    let retireReasons: [String: JSONValue]
    let consumed: Set<String>
    let nextIDs: Set<String>
    let notes: [CriterionNote]

    init(from prior: FrameworkBundle, to next: FrameworkBundle) {
        priorVersion = prior.framework.identity.version
        nextVersion = next.framework.identity.version
        self.next = BundleReference(next)
        rules = next.framework.lineage.rules
        var consumed: Set<String> = []
        var produced: Set<String> = []
        var reasons: [String: JSONValue] = [:]
        for rule in rules {
            consumed.formUnion(rule.from)
            produced.formUnion(rule.to)
            if rule.kind == .retire, let id = rule.from.first {
                reasons[id] = rule.reason.map(\.jsonValue) ?? Self.defaultRetireReason(next.framework.identity.version)
            }
        }
        self.consumed = consumed
        retireReasons = reasons
        nextIDs = Set(next.framework.criteria.map(\.id))
        let priorByID = Dictionary(
            prior.framework.criteria.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        notes = next.framework.criteria.compactMap { criterion in
            guard let before = priorByID[criterion.id] else {
                return produced.contains(criterion.id) ? nil : .new(id: criterion.id)
            }
            var changes: [String] = []
            if before.points != criterion.points { changes.append("points \(before.points) → \(criterion.points)") }
            if before.mandatory != criterion.mandatory {
                changes.append(criterion.mandatory ? "now mandatory" : "no longer mandatory")
            }
            if Set(before.appliesTo) != Set(criterion.appliesTo) { changes.append("applicability changed") }
            return changes.isEmpty
                ? nil : .changed(id: criterion.id, detail: changes.joined(separator: ", ") + "; answer kept")
        }
    }

    /// The reason a retired answer carries when its rule gives none: never `null`, since a
    /// retired answer without a reason is refused on the way back in.
    static func defaultRetireReason(_ version: SemanticVersion) -> JSONValue {
        .string("retired in \(version)")
    }

    /// The answers moved through this release's rules, and what happened, added to `report`.
    func apply(_ answers: AnswerSet, report: inout MigrationReport) -> AnswerSet {
        let priorVersion = priorVersion
        let nextVersion = nextVersion
        var output: [String: Answer] = [:]
        output.reserveCapacity(answers.answers.count)
        var retired = answers.retired
        var actions: [MigrationReport.Action] = []
        let origin: (String) -> JSONValue = { id in ["id": .string(id), "version": .string(priorVersion.description)] }

        func place(_ answer: Answer, at id: String, from sources: [String]) {
            if output[id] != nil {
                retired.append(
                    RetiredAnswer(
                        id: sources.joined(separator: "+"), version: priorVersion, answer: answer.jsonValue,
                        reason: .string(
                            "\(id) already had an answer when \(sources.joined(separator: ", ")) moved to it in \(nextVersion)"
                        )))
                actions.append(
                    .init(
                        kind: .conflict, from: sources, to: [id],
                        detail: "\(id) was already answered; the moved answer is kept under 'retired'"))
                return
            }
            output[id] = answer
        }

        for rule in rules {
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
                    copy.fields["needs_review"] = .string(
                        "copied from \(id) when it was split into \(rule.to.joined(separator: ", ")) in \(nextVersion)")
                    place(copy, at: to, from: [id])
                }
            case .merge:
                guard let to = rule.to.first else { continue }
                let combination = rule.combine ?? .allMet
                actions.append(.init(kind: .merged, from: rule.from, to: [to], detail: combination.rawValue))
                let sources = rule.from.compactMap { id in answers.answers[id].map { (id, $0) } }
                guard !sources.isEmpty else { continue }
                place(
                    Migrator.merge(sources, combination: combination, allSources: rule.from, origin: origin), at: to,
                    from: sources.map(\.0))
            case .retire:
                guard let id = rule.from.first else { continue }
                actions.append(
                    .init(
                        kind: .retired, from: [id], to: [],
                        detail: rule.reason?["en"] ?? rule.reason?.translations.values.first))
                if let answer = answers.answers[id] {
                    retired.append(
                        RetiredAnswer(
                            id: id, version: priorVersion, answer: answer.jsonValue,
                            reason: retireReasons[id] ?? Self.defaultRetireReason(nextVersion)))
                }
            }
        }
        for id in answers.answers.keys.sorted() where !consumed.contains(id) {
            let answer = answers.answers[id]!
            if nextIDs.contains(id) {
                place(answer, at: id, from: [id])
                actions.append(.init(kind: .kept, from: [id], to: [id]))
            } else {
                retired.append(
                    RetiredAnswer(
                        id: id, version: priorVersion, answer: answer.jsonValue,
                        reason: .string("\(id) is not in \(nextVersion) and no rule says where it went")))
                actions.append(.init(kind: .retired, from: [id], to: [], detail: "not in \(nextVersion)"))
            }
        }
        for note in notes {
            switch note {
            case .changed(let id, let detail) where output[id] != nil:
                actions.append(.init(kind: .changed, from: [id], to: [id], detail: detail))
            case .changed:
                continue
            case .new(let id):
                actions.append(.init(kind: .new, from: [], to: [id]))
            }
        }
        report.steps.append(.init(from: priorVersion, to: nextVersion, actions: actions))
        var migrated = answers
        migrated.framework = next
        migrated.answers = output
        migrated.retired = retired
        return migrated
    }
}
