/// The audit plan: an in-toto Statement v1 whose subject is the signed score statement (by the
/// SHA-256 of its file's bytes) and whose predicate is everything needed to replay the draw.
/// The auditor signs it detached with SSHSIG in the namespace `ecoprod-audit`.
///
/// `Schemas/audit-plan.schema.json` documents it; docs/audit.md tells an auditor how to replay
/// the sample with fifteen lines in any language.
public struct AuditPlan: Sendable, Hashable {
    public static let type = "https://in-toto.io/Statement/v1"
    public static let predicateType = "https://ecoprod.example/attestations/audit-plan/v1"

    /// The statement file's name, for people.
    public var statementName: String
    /// Lowercase hex SHA-256 of the statement file's bytes.
    public var statementDigest: String
    /// The bundle the production was scored against: id, version and digest.
    public var bundle: BundleReference
    public var production: Production
    /// Lowercase hex SHA-256 of the answer set's canonical JSON, as the statement gives it.
    public var answersDigest: String
    public var policy: AuditPolicy
    /// The public value chosen after the statement was submitted.
    public var beacon: String
    public var seed: String
    /// Every claim's ticket, by criterion ID.
    public var tickets: [String: String]
    public var sample: [AuditDraw.Pick]
    /// The day the plan was made, `YYYY-MM-DD`.
    public var plannedOn: String
    public var tool: (name: String, version: String)

    public init(
        statementName: String, statementDigest: String, bundle: BundleReference, production: Production,
        answersDigest: String, policy: AuditPolicy, beacon: String, draw: AuditDraw, plannedOn: String,
        tool: (name: String, version: String)
    ) {
        self.statementName = statementName
        self.statementDigest = statementDigest
        self.bundle = bundle
        self.production = production
        self.answersDigest = answersDigest
        self.policy = policy
        self.beacon = beacon
        self.seed = draw.seed
        self.tickets = draw.tickets
        self.sample = draw.sample
        self.plannedOn = plannedOn
        self.tool = tool
    }

    public static func == (left: AuditPlan, right: AuditPlan) -> Bool { left.jsonValue == right.jsonValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(jsonValue.canonicalBytes()) }

    /// The plan as JSON: what is written and signed, byte for byte (pretty, sorted keys).
    public var jsonValue: JSONValue {
        [
            "_type": .string(Self.type),
            "subject": [["name": .string(statementName), "digest": ["sha256": .string(statementDigest)]]],
            "predicateType": .string(Self.predicateType),
            "predicate": [
                "bundle": [
                    "id": .string(bundle.id), "version": .string(bundle.version.description),
                    "digest": .string(bundle.digest),
                ],
                "production": [
                    "title": .string(production.title), "type": .string(production.type),
                    "scheme": .string(production.scheme),
                ],
                "answers": ["sha256": .string(answersDigest)],
                "policy": policy.jsonValue,
                "beacon": .string(beacon),
                "seed": .string(seed),
                "tickets": .object(tickets.mapValues(JSONValue.string)),
                "sample": .array(
                    sample.map { ["criterion": .string($0.criterion), "reason": .string($0.reason.rawValue)] }),
                "planned_on": .string(plannedOn),
                "tool": ["name": .string(tool.name), "version": .string(tool.version)],
            ],
        ]
    }

    /// Reads a plan, refusing any member the schema does not have.
    public init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try Self.statement(json, predicateType: Self.predicateType, what: "an audit plan")
        (statementName, statementDigest) = try Self.statementSubject(members, what: "an audit plan")
        let predicate = try members.required("predicate").object().refusingOthers(
            than: [
                "bundle", "production", "answers", "policy", "beacon", "seed", "tickets", "sample", "planned_on",
                "tool",
            ], what: "an audit plan's predicate")
        bundle = try BundleReference(reading: predicate.required("bundle"))
        production = try Production(reading: predicate.required("production"))
        answersDigest = try predicate.required("answers").object().refusingOthers(than: ["sha256"], what: "a digest")
            .sha256("sha256")
        policy = try AuditPolicy(json: predicate.required("policy"))
        beacon = try predicate.required("beacon").string()
        seed = try predicate.sha256("seed")
        tickets = try predicate.required("tickets").stringMap()
        sample = try predicate.required("sample").array { (item) throws(JSONField.ShapeError) in
            let pick = try item.object().refusingOthers(than: ["criterion", "reason"], what: "a sampled claim")
            return AuditDraw.Pick(
                criterion: try pick.required("criterion").string(),
                reason: try pick.required("reason").oneOf(AuditDraw.Reason.self))
        }
        plannedOn = try predicate.date("planned_on")
        let tool = try predicate.required("tool").object().refusingOthers(than: ["name", "version"], what: "a tool")
        self.tool = (try tool.required("name").string(), try tool.required("version").string())
    }

    /// An in-toto Statement's members, with only its four, its `_type` and `predicateType` the
    /// ones expected.
    static func statement(
        _ json: JSONField, predicateType: String, what: String
    ) throws(JSONField.ShapeError) -> JSONField.Members {
        let members = try json.object().refusingOthers(
            than: ["_type", "subject", "predicateType", "predicate"], what: what)
        try checkHeader(members, predicateType: predicateType, what: what)
        return members
    }

    /// The one subject of a plan or a certificate: the statement file's name and SHA-256.
    static func statementSubject(
        _ members: JSONField.Members, what: String
    ) throws(JSONField.ShapeError) -> (name: String, digest: String) {
        let subject = try members.required("subject").array()
        guard subject.count == 1 else {
            throw JSONField.ShapeError(kind: .invalid("\(what) has exactly one subject"), path: "$.subject")
        }
        let subjectMembers = try subject[0].object().refusingOthers(than: ["name", "digest"], what: "a subject")
        let digest = try subjectMembers.required("digest").object().refusingOthers(than: ["sha256"], what: "a digest")
        return (try subjectMembers.required("name").string(), try digest.sha256("sha256"))
    }

    /// `_type` and `predicateType` must be the ones expected.
    static func checkHeader(
        _ members: JSONField.Members, predicateType expected: String, what: String
    ) throws(JSONField.ShapeError) {
        let type = try members.required("_type").string()
        guard type == Self.type else {
            throw JSONField.ShapeError(kind: .invalid("'\(type)' is not an in-toto Statement v1"), path: "$._type")
        }
        let predicateType = try members.required("predicateType").string()
        guard predicateType == expected else {
            throw JSONField.ShapeError(
                kind: .invalid("predicate type '\(predicateType)' is not that of \(what), \(expected)"),
                path: "$.predicateType")
        }
    }
}

extension BundleReference {
    init(reading field: JSONField) throws(JSONField.ShapeError) {
        let members = try field.object().refusingOthers(than: ["id", "version", "digest"], what: "a bundle reference")
        self.init(
            id: try members.required("id").string(), version: try SemanticVersion(json: members.required("version")),
            digest: try members.required("digest").string())
    }
}

extension Production {
    init(reading field: JSONField) throws(JSONField.ShapeError) {
        let members = try field.object().refusingOthers(than: ["title", "type", "scheme"], what: "a production")
        self.init(
            title: try members.required("title").string(), type: try members.required("type").string(),
            scheme: try members.required("scheme").string())
    }
}
