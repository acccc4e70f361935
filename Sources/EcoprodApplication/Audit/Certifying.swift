import EcoprodFramework
import Foundation

/// `certify`: the label's decision. Every input is checked (`AuditCheck`); the production is
/// scored again with every refuted claim counted not met; only if it is still eligible is the
/// certificate written, signed in `ecoprod-certificate`.
public struct Certifying: Sendable {
    public var statement: String
    public var answers: String
    public var plan: String
    public var findings: String
    public var releases: String
    public var allowedSigners: String?
    /// The label's key.
    public var key: String
    public var validUntil: String?
    /// Where the certificate goes; its signature goes to `output.sig`.
    public var output: String
    /// The day it is issued, `YYYY-MM-DD`.
    public var date: String
    public var tool: (name: String, version: String)
    public var force: Bool

    public init(
        statement: String, answers: String, plan: String, findings: String, releases: String,
        allowedSigners: String?, key: String, validUntil: String?, output: String?, date: String,
        tool: (name: String, version: String), force: Bool
    ) {
        self.statement = statement
        self.answers = answers
        self.plan = plan
        self.findings = findings
        self.releases = releases
        self.allowedSigners = allowedSigners
        self.key = key
        self.validUntil = validUntil
        self.output = output ?? Self.defaultPath(for: plan)
        self.date = date
        self.tool = tool
        self.force = force
    }

    /// `x.plan.json` → `x.certificate.json`.
    static func defaultPath(for plan: String) -> String {
        let base =
            plan.hasSuffix(".plan.json")
            ? String(plan.dropLast(".plan.json".count))
            : plan.hasSuffix(".json") ? String(plan.dropLast(".json".count)) : plan
        return base + ".certificate.json"
    }

    /// What was issued, and what the refuted claims cost (notes to show).
    public struct Issued: Sendable {
        public var certificate: Certificate
        public var path: String
        public var signaturePath: String
        public var notes: [Diagnostic]
    }

    public func run() throws(UseCaseFailure) -> Issued {
        if let validUntil, ReleaseDate.validated(validUntil) == nil || validUntil < date {
            throw .usage("--valid-until must be a calendar date (YYYY-MM-DD) on or after the issue date \(date)")
        }
        var diagnostics = DiagnosticCollector()
        let check = AuditCheck(
            statement: statement, answers: answers, plan: plan, findings: findings, releases: releases,
            allowedSigners: allowedSigners)
        guard let outcome = check.run(into: &diagnostics) else { throw .input(diagnostics.sorted()) }
        let report = outcome.audited.report
        guard report.eligible else {
            var reasons = outcome.refutations
            reasons.append(
                Diagnostic(
                    .error, .certificateDenied,
                    "no certificate: with \(outcome.findings.refuted.joined(separator: ", ")) refuted, \(report.production.title) is not eligible (\(report.percent)%"
                        + (report.mandatoryMissing.isEmpty
                            ? "" : "; mandatory not met: \(report.mandatoryMissing.joined(separator: ", "))") + ")",
                    at: .file(findings), help: "the production may submit new evidence and be audited again"))
            throw .input(reasons)
        }
        let certificate = Self.certificate(
            outcome, statement: statement, issuedOn: date, validUntil: validUntil, tool: tool)
        let document = certificate.jsonValue.prettyBytes()
        let signature = try DetachedSignature.sign(document, key: key, namespace: SignerPolicy.certificateNamespace)
        let signaturePath = SignerPolicy.signatureFile(of: output)
        try DetachedSignature.write([(document, output), (signature, signaturePath)], force: force)
        return Issued(certificate: certificate, path: output, signaturePath: signaturePath, notes: outcome.refutations)
    }

    /// The certificate the checked inputs give.
    static func certificate(
        _ outcome: AuditCheck.Outcome, statement: String, issuedOn: String, validUntil: String?,
        tool: (name: String, version: String)
    ) -> Certificate {
        Certificate(
            statementName: outcome.plan.statementName,
            statementDigest: HexDigest.sha256(outcome.verified.statementBytes),
            production: outcome.audited.answers.production, framework: BundleReference(outcome.audited.bundle),
            audited: Certificate.Audited(outcome.audited.report), refuted: outcome.findings.refuted,
            answersDigest: outcome.verified.statement.answersDigest, planDigest: outcome.planDigest,
            findingsDigest: outcome.findingsDigest, issuedOn: issuedOn, validUntil: validUntil, tool: tool)
    }
}
