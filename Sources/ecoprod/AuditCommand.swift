import ArgumentParser
import EcoprodApplication
import EcoprodFramework
import EcoprodReports

/// `ecoprod audit`: the auditor's commands.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Draw the sample of claims an auditor checks.",
        subcommands: [AuditPlanCommand.self])
}

/// `ecoprod audit plan STATEMENT --answers ANSWERS --beacon TEXT`: the sample, replayable by anyone.
struct AuditPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Draw the audit sample of a signed score statement from a public beacon.",
        discussion: """
            Verifies the statement, then draws the claims to audit by the bundle's audit policy: every \
            mandatory claim, then per department its lowest ticket, then the lowest tickets overall \
            (docs/audit.md). Writes PLAN (an in-toto statement; PLAN.sig with --sign, namespace \
            ecoprod-audit) and the findings template beside it, and prints the plan for the auditor.
            """)

    @Argument(help: "The signed score statement (STATEMENT.sig is its signature).")
    var statement: String

    @Option(name: .long, help: "The answer set the statement is about.")
    var answers: String

    @Option(name: .long, help: "A public value drawn after the statement was submitted (a drand round's randomness).")
    var beacon: String

    @Option(name: .long, help: "The auditor's key (ssh-keygen -f): signs the plan in namespace ecoprod-audit.")
    var sign: String?

    @Option(name: .shortAndLong, help: "Where to write the plan (default: STATEMENT's name with .plan.json).")
    var output: String?

    @OptionGroup var trust: AuditTrustOptions

    @Option(name: .long, help: "The language of the plan printed for the auditor (default: the framework's first).")
    var locale: String?

    @Flag(name: .long, help: "Replace an existing plan with different content.")
    var force = false

    @OptionGroup var date: ReleaseDateOptions
    @OptionGroup var diagnostics: DiagnosticFormatOption

    func run() throws {
        let day = try date.resolve(todayByDefault: true) ?? ""
        try failing(in: diagnostics.diagnosticsFormat) { () throws(UseCaseFailure) in
            let planning = AuditPlanning(
                statement: statement, answers: answers, releases: trust.releases, allowedSigners: trust.allowedSigners,
                beacon: beacon, key: sign, output: output, date: day, tool: ("ecoprod", Ecoprod.version),
                force: force)
            let planned = try planning.run()
            let framework = planned.scored.bundle.framework
            try OutputLocale.check(locale, in: framework)
            let text = AuditPlanText(locale: locale ?? framework.identity.locales.first ?? "en")
            Console.out(text.render(planned.plan, scored: planned.scored))
            Console.status(
                "Wrote \(planned.planPath)\(planned.signaturePath.map { " and \($0)" } ?? " (unsigned: certify needs --sign)") and the findings template \(planned.findingsPath)\n"
            )
        }
    }
}

/// Where the bundle and the parties' keys are, for `audit plan`, `certify` and `verify-certificate`.
struct AuditTrustOptions: ParsableArguments {
    @Option(name: .long, help: "The releases folder holding the bundle the statement names.")
    var releases = "Framework/releases"

    @Option(
        name: .long,
        help: "Who may sign, each party with its namespaces (default: allowed_signers next to the releases folder).")
    var allowedSigners: String?
}
