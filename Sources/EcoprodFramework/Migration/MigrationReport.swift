/// Every step a migration took, per criterion: what scorers and auditors read to trust it.
public struct MigrationReport: Sendable, Hashable {
    /// What happened to one criterion's answer in one step.
    public struct Action: Sendable, Hashable {
        /// The rule applied; raw values appear in the JSON report.
        public enum Kind: String, Sendable, Hashable {
            case kept, renamed, split, merged, retired, new, changed, conflict
        }

        /// What was done.
        public var kind: Kind
        /// The criterion IDs the answers came from.
        public var from: [String]
        /// The criterion IDs the answers went to.
        public var to: [String]
        /// A human explanation (the retirement reason, what changed, …).
        public var detail: String?

        public var jsonValue: JSONValue {
            var object: [String: JSONValue] = [
                "action": .string(kind.rawValue), "from": .array(from.map(JSONValue.string)),
                "to": .array(to.map(JSONValue.string)),
            ]
            if let detail { object["detail"] = .string(detail) }
            return .object(object)
        }
    }

    /// One release crossed.
    public struct Step: Sendable, Hashable {
        public var from: SemanticVersion
        public var to: SemanticVersion
        /// Every action of the step, per criterion.
        public var actions: [Action]
    }

    public var from: SemanticVersion
    public var to: SemanticVersion
    /// One step per release crossed, oldest first.
    public var steps: [Step] = []

    /// An empty report for a migration from one version to another.
    public init(from: SemanticVersion, to: SemanticVersion) {
        self.from = from
        self.to = to
    }

    /// Criteria of the target version that no migrated answer covers: they must be answered.
    public var toAnswer: [String] = []
    /// Criteria whose migrated answer needs a person's review (split copies).
    public var review: [String] = []

    public var jsonValue: JSONValue {
        [
            "from": .string(from.description), "to": .string(to.description),
            "steps": .array(
                steps.map { step in
                    [
                        "from": .string(step.from.description), "to": .string(step.to.description),
                        "actions": .array(step.actions.map(\.jsonValue)),
                    ]
                }),
            "to_answer": .array(toAnswer.map(JSONValue.string)),
            "review": .array(review.map(JSONValue.string)),
        ]
    }
}
