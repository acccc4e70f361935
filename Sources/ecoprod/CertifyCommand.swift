import ArgumentParser
import EcoprodApplication
import EcoprodFramework

/// `ecoprod certify`: the label's certificate, only for a production still eligible once every
/// refuted claim counts not met.
struct CertifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "Issue the signed certificate of an audited production, or say why not.",
        discussion: """
            Checks the scorer's statement (ecoprod-statement) and the auditor's plan (ecoprod-audit) \
            against allowed signers, the digests, that the sample replays exactly and that the findings \
            cover it exactly; then scores again with every refuted claim not met. Writes CERT and \
            CERT.sig (ecoprod-certificate) only if the production is still eligible; else exits 1 \
            with what each refuted claim cost.
            """)

    @Argument(help: "The signed score statement.")
    var statement: String

    @Option(name: .long, help: "The answer set the statement is about.")
    var answers: String

    @Option(name: .long, help: "The signed audit plan (PLAN.sig is its signature).")
    var plan: String

    @Option(name: .long, help: "The auditor's findings, JSON or YAML.")
    var findings: String

    @Option(name: .long, help: "The label's key (ssh-keygen -f): signs in namespace ecoprod-certificate.")
    var sign: String

    @Option(name: .long, help: "The last day the certificate is valid (YYYY-MM-DD).")
    var validUntil: String?

    @Option(name: .shortAndLong, help: "Where to write the certificate (default: PLAN's name with .certificate.json).")
    var output: String?

    @OptionGroup var trust: AuditTrustOptions

    @Flag(name: .long, help: "Replace an existing certificate with different content.")
    var force = false

    @OptionGroup var date: ReleaseDateOptions
    @OptionGroup var diagnostics: DiagnosticFormatOption

    func run() throws {
        let day = try date.resolve(todayByDefault: true) ?? ""
        try failing(in: diagnostics.diagnosticsFormat) { () throws(UseCaseFailure) in
            let certifying = Certifying(
                statement: statement, answers: answers, plan: plan, findings: findings, releases: trust.releases,
                allowedSigners: trust.allowedSigners, key: sign, validUntil: validUntil, output: output, date: day,
                tool: ("ecoprod", Ecoprod.version), force: force)
            let issued = try certifying.run()
            if !issued.notes.isEmpty { Console.report(issued.notes, format: diagnostics.diagnosticsFormat) }
            let audited = issued.certificate.audited
            Console.status(
                "Certified \(issued.certificate.production.title): \(audited.percent)%, \(audited.stars) star\(audited.stars == 1 ? "" : "s"); wrote \(issued.path) and \(issued.signaturePath)\n"
            )
        }
    }
}

/// `ecoprod verify-certificate CERT`: the label's signature and, given the inputs, every figure.
struct VerifyCertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-certificate",
        abstract: "Check a certificate's signature and, given its inputs, recompute every figure.")

    @Argument(help: "The certificate (CERT.sig is its signature).")
    var certificate: String

    @Option(name: .long, help: "The score statement it was issued for (with --answers, --plan and --findings).")
    var statement: String?

    @Option(name: .long, help: "The answer set.")
    var answers: String?

    @Option(name: .long, help: "The audit plan.")
    var plan: String?

    @Option(name: .long, help: "The auditor's findings.")
    var findings: String?

    @OptionGroup var trust: AuditTrustOptions

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        let given = [statement, answers, plan, findings].filter { $0 != nil }.count
        if given != 0 && given != 4 {
            throw ValidationError("--statement, --answers, --plan and --findings go together: give all four or none")
        }
    }

    func run() throws {
        let inputs = statement.map { ($0, answers!, plan!, findings!) }
        let verification = CertificateVerification(
            certificate: certificate, inputs: inputs, releases: trust.releases, allowedSigners: trust.allowedSigners)
        var collector = DiagnosticCollector()
        let verified = verification.run(into: &collector)
        let failed = Console.report(collector.sorted(), options: diagnostics)
        guard !failed, let verified else { throw CommandFailure(failure: .alreadyReported, format: diagnostics.format) }
        let audited = verified.audited
        Console.status(
            "ok \(certificate): \(verified.production.title), \(verified.framework.id) \(verified.framework.version), \(audited.percent)%, \(audited.stars) star\(audited.stars == 1 ? "" : "s"), signed\(inputs == nil ? "" : ", every figure recomputed")\n"
        )
    }
}
