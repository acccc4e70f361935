/// The label's certificate: an in-toto Statement v1 whose subject is the signed score statement
/// and whose predicate is the audited result, after every refuted claim was counted not met.
/// The label signs it detached with SSHSIG in the namespace `ecoprod-certificate`.
///
/// Like SLSA's Verification Summary Attestation, it names what was verified (the statement,
/// the plan and the findings, by digest) and the verdict; unlike a score statement, it exists
/// only for a production that is still eligible after the audit. `Schemas/certificate.schema.json`
/// documents it.
public struct Certificate: Sendable, Hashable {
    public static let predicateType = "https://ecoprod.example/attestations/certificate/v1"

    /// The audited score: the statement's answers with every refuted claim counted not met.
    public struct Audited: Sendable, Hashable {
        public var points: Int
        public var applicablePoints: Int
        public var percent: String
        public var basisPoints: Int
        public var stars: Int

        public init(_ report: ScoreReport) {
            points = report.points
            applicablePoints = report.applicablePoints
            percent = report.percent
            basisPoints = report.basisPoints.rawValue
            stars = report.stars
        }

        init(points: Int, applicablePoints: Int, percent: String, basisPoints: Int, stars: Int) {
            self.points = points
            self.applicablePoints = applicablePoints
            self.percent = percent
            self.basisPoints = basisPoints
            self.stars = stars
        }
    }

    public var statementName: String
    /// Lowercase hex SHA-256 of the statement file's bytes.
    public var statementDigest: String
    public var production: Production
    public var framework: BundleReference
    public var audited: Audited
    /// The criteria the auditor refuted, sorted.
    public var refuted: [String]
    /// Lowercase hex SHA-256 of each input's file bytes (the answers': of their canonical JSON).
    public var answersDigest: String
    public var planDigest: String
    public var findingsDigest: String
    /// `YYYY-MM-DD`.
    public var issuedOn: String
    public var validUntil: String?
    public var tool: (name: String, version: String)

    public init(
        statementName: String, statementDigest: String, production: Production, framework: BundleReference,
        audited: Audited, refuted: [String], answersDigest: String, planDigest: String, findingsDigest: String,
        issuedOn: String, validUntil: String?, tool: (name: String, version: String)
    ) {
        self.statementName = statementName
        self.statementDigest = statementDigest
        self.production = production
        self.framework = framework
        self.audited = audited
        self.refuted = refuted
        self.answersDigest = answersDigest
        self.planDigest = planDigest
        self.findingsDigest = findingsDigest
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.tool = tool
    }

    public static func == (left: Certificate, right: Certificate) -> Bool { left.jsonValue == right.jsonValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(jsonValue.canonicalBytes()) }

    public var jsonValue: JSONValue {
        var validity: [String: JSONValue] = ["issued_on": .string(issuedOn)]
        if let validUntil { validity["valid_until"] = .string(validUntil) }
        return [
            "_type": .string(AuditPlan.type),
            "subject": [["name": .string(statementName), "digest": ["sha256": .string(statementDigest)]]],
            "predicateType": .string(Self.predicateType),
            "predicate": [
                "production": [
                    "title": .string(production.title), "type": .string(production.type),
                    "scheme": .string(production.scheme),
                ],
                "framework": [
                    "id": .string(framework.id), "version": .string(framework.version.description),
                    "digest": .string(framework.digest),
                ],
                "audited": [
                    "points": .integer(audited.points), "applicable_points": .integer(audited.applicablePoints),
                    "percent": .string(audited.percent), "basis_points": .integer(audited.basisPoints),
                    "eligible": .bool(true), "stars": .integer(audited.stars),
                ],
                "refuted": .array(refuted.map(JSONValue.string)),
                "inputs": [
                    "answers": .string("sha256:" + answersDigest), "plan": .string("sha256:" + planDigest),
                    "findings": .string("sha256:" + findingsDigest),
                ],
                "validity": .object(validity),
                "tool": ["name": .string(tool.name), "version": .string(tool.version)],
            ],
        ]
    }

    /// Reads a certificate, refusing any member the schema does not have.
    public init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try AuditPlan.statement(json, predicateType: Self.predicateType, what: "a certificate")
        (statementName, statementDigest) = try AuditPlan.statementSubject(members, what: "a certificate")
        let predicate = try members.required("predicate").object().refusingOthers(
            than: ["production", "framework", "audited", "refuted", "inputs", "validity", "tool"],
            what: "a certificate's predicate")
        production = try Production(reading: predicate.required("production"))
        framework = try BundleReference(reading: predicate.required("framework"))
        let audited = try predicate.required("audited").object().refusingOthers(
            than: ["points", "applicable_points", "percent", "basis_points", "eligible", "stars"],
            what: "an audited score")
        guard try audited.required("eligible").bool() else {
            throw JSONField.ShapeError(
                kind: .invalid("a certificate is only issued to an eligible production"),
                path: "$.predicate.audited.eligible")
        }
        self.audited = Audited(
            points: try audited.required("points").integer(),
            applicablePoints: try audited.required("applicable_points").integer(),
            percent: try audited.required("percent").string(),
            basisPoints: try audited.required("basis_points").integer(), stars: try audited.required("stars").integer())
        refuted = try predicate.required("refuted").strings()
        let inputs = try predicate.required("inputs").object().refusingOthers(
            than: ["answers", "plan", "findings"], what: "the inputs")
        answersDigest = try inputs.sha256("answers", prefixed: true)
        planDigest = try inputs.sha256("plan", prefixed: true)
        findingsDigest = try inputs.sha256("findings", prefixed: true)
        let validity = try predicate.required("validity").object().refusingOthers(
            than: ["issued_on", "valid_until"], what: "the validity")
        issuedOn = try validity.date("issued_on")
        validUntil = validity.optional("valid_until") == nil ? nil : try validity.date("valid_until")
        let tool = try predicate.required("tool").object().refusingOthers(than: ["name", "version"], what: "a tool")
        self.tool = (try tool.required("name").string(), try tool.required("version").string())
    }
}
