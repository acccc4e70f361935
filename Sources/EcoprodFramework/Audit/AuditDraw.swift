/// The sample of claims an auditor checks: drawn from a public seed so that anyone replays it,
/// and no party (the production, the scorer, the auditor) can choose it.
///
/// The draw follows the risk-limiting audits' consistent sampler: each claim gets a SHA-256
/// ticket from the seed, and the sample takes the lowest tickets, so a larger sample extends a
/// smaller one. The seed binds the statement's exact bytes to a beacon published after the
/// statement was submitted: neither can be chosen to steer the draw. docs/audit.md states the
/// rules for an auditor's own script.
public struct AuditDraw: Sendable, Hashable {
    /// A criterion the production claims: applicable to its type, answered met or not applicable.
    public struct Claim: Sendable, Hashable {
        public var id: String
        public var department: String
        public var mandatory: Bool

        public init(id: String, department: String, mandatory: Bool) {
            self.id = id
            self.department = department
            self.mandatory = mandatory
        }
    }

    /// Why a claim is in the sample.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// Every mandatory claim is audited (when the policy says `mandatory: all`).
        case mandatory
        /// Its department's lowest ticket.
        case department
        /// Among the lowest tickets overall.
        case draw
    }

    /// One sampled claim.
    public struct Pick: Sendable, Hashable {
        public var criterion: String
        public var reason: Reason

        public init(criterion: String, reason: Reason) {
            self.criterion = criterion
            self.reason = reason
        }
    }

    /// Lowercase hex SHA-256 of `ecoprod-audit-seed:<statement digest>:<beacon>`.
    public let seed: String
    /// Each claim's ticket, by criterion ID.
    public let tickets: [String: String]
    /// Mandatory claims in framework order, then department picks in department order, then the
    /// draw in ticket order.
    public let sample: [Pick]

    /// The seed: the statement file's digest (hex) and the beacon, hashed together.
    public static func seed(statementDigest: String, beacon: String) -> String {
        HexDigest.sha256("ecoprod-audit-seed:\(statementDigest):\(beacon)")
    }

    /// A claim's ticket: the seed and its criterion ID, hashed together.
    public static func ticket(seed: String, criterion: String) -> String {
        HexDigest.sha256("\(seed):\(criterion)")
    }

    /// Draws the sample of `claims` (in framework order) under `policy`, with departments in
    /// `departments` order.
    public init(
        claims: [Claim], departments: [String], policy: AuditPolicy, statementDigest: String, beacon: String
    ) {
        let seed = Self.seed(statementDigest: statementDigest, beacon: beacon)
        let tickets = Dictionary(
            claims.map { ($0.id, Self.ticket(seed: seed, criterion: $0.id)) }, uniquingKeysWith: { first, _ in first })
        let byTicket = { (left: Claim, right: Claim) in
            (tickets[left.id]!, left.id) < (tickets[right.id]!, right.id)
        }
        var sample: [Pick] = []
        var chosen: Set<String> = []
        let pool: [Claim]
        switch policy.mandatory {
        case .all:
            for claim in claims where claim.mandatory {
                sample.append(Pick(criterion: claim.id, reason: .mandatory))
                chosen.insert(claim.id)
            }
            pool = claims.filter { !$0.mandatory }
        case .draw:
            pool = claims
        }
        let ordered = pool.sorted(by: byTicket)
        for department in departments {
            for claim in ordered.filter({ $0.department == department }).prefix(policy.perDepartment) {
                sample.append(Pick(criterion: claim.id, reason: .department))
                chosen.insert(claim.id)
            }
        }
        let count = policy.drawCount(of: pool.count)
        var drawn = pool.filter { chosen.contains($0.id) }.count
        for claim in ordered where drawn < count && !chosen.contains(claim.id) {
            sample.append(Pick(criterion: claim.id, reason: .draw))
            chosen.insert(claim.id)
            drawn += 1
        }
        self.seed = seed
        self.tickets = tickets
        self.sample = sample
    }

    /// The claims of an answer set: the criteria that apply to its production type and that it
    /// answers met or not applicable, in framework order.
    public static func claims(of answers: AnswerSet, in framework: Framework) -> [Claim] {
        framework.criteria.compactMap { criterion in
            guard criterion.appliesTo.contains(answers.production.type),
                let status = answers.answers[criterion.id]?.status, status == .met || status == .notApplicable
            else { return nil }
            return Claim(id: criterion.id, department: criterion.department, mandatory: criterion.mandatory)
        }
    }
}
