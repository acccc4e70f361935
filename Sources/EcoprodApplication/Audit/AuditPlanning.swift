import EcoprodFramework
import Foundation

/// `audit plan`: the sample of a verified score statement's claims that the auditor checks,
/// drawn from the statement's bytes and a public beacon, written as an in-toto plan (signed in
/// `ecoprod-audit` with `--sign`) and as the findings template the auditor fills in.
public struct AuditPlanning: Sendable {
    public var statement: String
    public var answers: String
    public var releases: String
    public var allowedSigners: String?
    /// A public value chosen after the statement was submitted (a drand round, a lottery draw).
    public var beacon: String
    /// The auditor's key; nil writes an unsigned plan, which `certify` refuses.
    public var key: String?
    /// Where the plan goes; its signature goes to `output.sig`.
    public var output: String
    /// The day the plan is made, `YYYY-MM-DD`.
    public var date: String
    public var tool: (name: String, version: String)
    public var force: Bool

    public init(
        statement: String, answers: String, releases: String, allowedSigners: String?, beacon: String, key: String?,
        output: String?, date: String, tool: (name: String, version: String), force: Bool
    ) {
        self.statement = statement
        self.answers = answers
        self.releases = releases
        self.allowedSigners = allowedSigners
        self.beacon = beacon
        self.key = key
        self.output = output ?? Self.defaultPlanPath(for: statement)
        self.date = date
        self.tool = tool
        self.force = force
    }

    /// `x.statement.json` → `x.plan.json`; any other name gets `.plan.json` added.
    static func defaultPlanPath(for statement: String) -> String {
        let base =
            statement.hasSuffix(".statement.json")
            ? String(statement.dropLast(".statement.json".count))
            : statement.hasSuffix(".json") ? String(statement.dropLast(".json".count)) : statement
        return base + ".plan.json"
    }

    /// `x.plan.json` → `x.findings.json`: the template beside the plan.
    public static func findingsTemplatePath(for plan: String) -> String {
        let base =
            plan.hasSuffix(".plan.json")
            ? String(plan.dropLast(".plan.json".count))
            : plan.hasSuffix(".json") ? String(plan.dropLast(".json".count)) : plan
        return base + ".findings.json"
    }

    /// What was written.
    public struct Planned: Sendable {
        public var plan: AuditPlan
        public var scored: ScoredAnswers
        public var planPath: String
        public var signaturePath: String?
        public var findingsPath: String
    }

    public func run() throws(UseCaseFailure) -> Planned {
        guard !beacon.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .usage("--beacon is empty: give the public value drawn after the statement was submitted")
        }
        var diagnostics = DiagnosticCollector()
        let verification = StatementVerification(
            statement: statement, answers: answers, releases: releases, allowedSigners: allowedSigners)
        guard let verified = verification.run(into: &diagnostics) else { throw .input(diagnostics.sorted()) }
        let framework = verified.scored.bundle.framework
        guard let policy = framework.audit else {
            throw .input([.noAuditPolicy(verified.scored.bundle, at: .file(statement))])
        }
        let statementDigest = HexDigest.sha256(verified.statementBytes)
        let draw = AuditDraw(
            claims: AuditDraw.claims(of: verified.scored.answers, in: framework),
            departments: framework.departments.map(\.id), policy: policy, statementDigest: statementDigest,
            beacon: beacon)
        let plan = AuditPlan(
            statementName: statement == "-" ? "stdin" : URL(fileURLWithPath: statement).lastPathComponent,
            statementDigest: statementDigest, bundle: BundleReference(verified.scored.bundle),
            production: verified.scored.answers.production, answersDigest: verified.statement.answersDigest,
            policy: policy, beacon: beacon, draw: draw, plannedOn: date, tool: tool)
        let document = plan.jsonValue.prettyBytes()
        let signature = try key.map { (key) throws(UseCaseFailure) in
            try DetachedSignature.sign(document, key: key, namespace: SignerPolicy.auditNamespace)
        }
        let template = AuditFindings.template(planDigest: HexDigest.sha256(document), sample: plan.sample)
        let findingsPath = Self.findingsTemplatePath(for: output)
        try DetachedSignature.write(
            [(document, output), (template.prettyBytes(), findingsPath)]
                + (signature.map {
                    [($0, SignerPolicy.signatureFile(of: output))]
                } ?? []), force: force)
        return Planned(
            plan: plan, scored: verified.scored, planPath: output,
            signaturePath: signature == nil ? nil : SignerPolicy.signatureFile(of: output), findingsPath: findingsPath)
    }
}

extension Diagnostic {
    static func noAuditPolicy(_ bundle: FrameworkBundle, at location: SourceLocation) -> Diagnostic {
        let identity = bundle.framework.identity
        return Diagnostic(
            .error, .noAuditPolicy, "\(identity.id) \(identity.version) has no audit policy to draw a sample by",
            at: location, help: "migrate the answers to a release with an `audit:` policy, then score and state them")
    }
}
