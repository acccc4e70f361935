/// A production's answers to one framework version: what scorers score and migrate.
///
/// Answers keep every member they were given, known or not, so that migration and round trips
/// never drop what a scorer or an auditor wrote.
public struct AnswerSet: Sendable, Hashable {
    /// The bundle the answers were written against.
    public var framework: BundleReference
    public var production: Production
    /// Answers keyed by criterion ID. An absent ID is unanswered.
    public var answers: [String: Answer]
    /// Answers whose criterion no longer exists, preserved by migration.
    public var retired: [RetiredAnswer]
    /// Top-level members this format does not define, kept as they were.
    public var extra: [String: JSONValue]

    public init(
        framework: BundleReference, production: Production, answers: [String: Answer], retired: [RetiredAnswer] = [],
        extra: [String: JSONValue] = [:]
    ) {
        self.framework = framework
        self.production = production
        self.answers = answers
        self.retired = retired
        self.extra = extra
    }

    /// The answer set as JSON (`Schemas/answers.schema.json`).
    public var jsonValue: JSONValue { .object(members) }

    /// The members of ``jsonValue``: a record of a `--jsonl` stream adds its line to them.
    public var members: [String: JSONValue] {
        var object = extra
        object["framework"] = framework.jsonValue
        object["production"] = production.jsonValue
        object["answers"] = .object(answers.mapValues(\.jsonValue))
        if !retired.isEmpty { object["retired"] = .array(retired.map(\.jsonValue)) }
        return object
    }
}

/// Which bundle answers refer to: framework ID, version and digest.
public struct BundleReference: Sendable, Hashable {
    public var id: String
    public var version: SemanticVersion
    public var digest: String

    public init(id: String, version: SemanticVersion, digest: String) {
        self.id = id
        self.version = version
        self.digest = digest
    }

    /// The reference to a bundle.
    public init(_ bundle: FrameworkBundle) {
        self.init(id: bundle.framework.identity.id, version: bundle.framework.identity.version, digest: bundle.digest)
    }

    public var jsonValue: JSONValue {
        ["id": .string(id), "version": .string(version.description), "digest": .string(digest)]
    }
}

/// The production being scored.
public struct Production: Sendable, Hashable {
    public var title: String
    /// A production type ID the framework declares.
    public var type: String
    /// The certification scheme the production follows.
    public var scheme: String
    /// Members this format does not define, kept.
    public var extra: [String: JSONValue]

    public init(title: String, type: String, scheme: String, extra: [String: JSONValue] = [:]) {
        self.title = title
        self.type = type
        self.scheme = scheme
        self.extra = extra
    }

    public var jsonValue: JSONValue {
        var object = extra
        object["title"] = .string(title)
        object["type"] = .string(type)
        object["scheme"] = .string(scheme)
        return .object(object)
    }
}

/// How a criterion was answered.
public enum AnswerStatus: String, Sendable, Hashable, CaseIterable {
    case met
    case notMet = "not-met"
    case notApplicable = "not-applicable"
}

/// One answer: its status, and every other member as given (evidence, note, justification, …).
public struct Answer: Sendable, Hashable {
    public var status: AnswerStatus
    /// Every member except `status`, kept verbatim.
    public var fields: [String: JSONValue]

    public init(status: AnswerStatus, fields: [String: JSONValue] = [:]) {
        self.status = status
        self.fields = fields
    }

    /// The evidence strings, if any.
    public var evidence: [String] { fields["evidence"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    public var note: String? { fields["note"]?.stringValue }
    public var justification: String? { fields["justification"]?.stringValue }

    public var jsonValue: JSONValue {
        var object = fields
        object["status"] = .string(status.rawValue)
        return .object(object)
    }
}

/// An answer whose criterion was retired, kept whole with where it came from.
public struct RetiredAnswer: Sendable, Hashable {
    /// The criterion ID the answer was given for.
    public var id: String
    /// The framework version the answer was written against.
    public var version: SemanticVersion
    /// The full original answer.
    public var answer: JSONValue
    /// Why it was retired, per locale (or the reason migration gave).
    public var reason: JSONValue

    public init(id: String, version: SemanticVersion, answer: JSONValue, reason: JSONValue) {
        self.id = id
        self.version = version
        self.answer = answer
        self.reason = reason
    }

    public var jsonValue: JSONValue {
        ["id": .string(id), "version": .string(version.description), "answer": answer, "reason": reason]
    }
}
