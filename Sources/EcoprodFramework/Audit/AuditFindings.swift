/// What the auditor found for each sampled claim: confirmed by the evidence, or refuted, each
/// with a note. `Schemas/findings.schema.json` documents it; it is read as JSON or YAML, strictly.
public struct AuditFindings: Sendable, Hashable {
    /// The auditor's verdict on one claim.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        case confirmed, refuted
    }

    /// One sampled claim's finding.
    public struct Finding: Sendable, Hashable {
        public var outcome: Outcome
        public var note: String

        public init(outcome: Outcome, note: String) {
            self.outcome = outcome
            self.note = note
        }
    }

    /// Lowercase hex SHA-256 of the plan file's bytes: the plan these findings answer.
    public var planDigest: String
    public var findings: [String: Finding]

    public init(planDigest: String, findings: [String: Finding]) {
        self.planDigest = planDigest
        self.findings = findings
    }

    /// The criteria refuted, sorted.
    public var refuted: [String] { findings.filter { $0.value.outcome == .refuted }.map(\.key).sorted() }

    /// Reads findings, refusing any member the schema does not have.
    public init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try json.object().refusingOthers(than: ["plan", "findings"], what: "audit findings")
        planDigest = try members.sha256("plan", prefixed: true)
        let entries = try members.required("findings").object()
        var findings: [String: Finding] = [:]
        for id in entries.members.keys.sorted() {
            let finding = try entries.required(id).object()
                .refusingOthers(than: ["outcome", "note"], what: "a finding")
            findings[id] = Finding(
                outcome: try finding.required("outcome").oneOf(Outcome.self),
                note: try finding.required("note").string())
        }
        self.findings = findings
    }

    /// The template the plan writes: every sampled claim, its outcome left to fill in.
    public static func template(planDigest: String, sample: [AuditDraw.Pick]) -> JSONValue {
        [
            "plan": .string("sha256:" + planDigest),
            "findings": .object(
                Dictionary(
                    sample.map { ($0.criterion, ["outcome": .string(""), "note": .string("")]) },
                    uniquingKeysWith: { first, _ in first })),
        ]
    }

    public var jsonValue: JSONValue {
        [
            "plan": .string("sha256:" + planDigest),
            "findings": .object(
                findings.mapValues { ["outcome": .string($0.outcome.rawValue), "note": .string($0.note)] }),
        ]
    }
}
