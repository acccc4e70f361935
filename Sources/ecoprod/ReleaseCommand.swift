import ArgumentParser
import EcoprodApplication
import EcoprodCompiler
import EcoprodFramework
import EcoprodReports

/// `ecoprod release [DIR]`: diff against the latest release, enforce the version, freeze.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Publish the sources as a frozen release, with its CHANGELOG entry.",
        discussion: """
            Diffs against the newest bundle in DIR/releases, refuses a version that is lower than the \
            diff requires, already released, or not above the latest, then writes \
            DIR/releases/<id>-<version>.json and a section at the top of CHANGELOG.md.
            """)

    @Argument(help: "The framework folder.")
    var directory = "Framework"

    @Option(name: .long, help: "The changelog to update (default: CHANGELOG.md next to DIR).")
    var changelog: String?

    @OptionGroup var date: ReleaseDateOptions

    @Option(
        name: .long,
        help:
            "The language of the diff shown on stderr (default: the framework's first locale). The changelog is always in framework.yaml's changelog_locale."
    )
    var locale: String?

    @Flag(name: .long, help: "Print what would be written, and write nothing.")
    var dryRun = false

    @Option(
        name: .long,
        help: "Sign the release with this key (as ssh-keygen -f takes it); required when DIR/allowed_signers exists.")
    var sign: String?

    @OptionGroup var diagnostics: DiagnosticOptions
    @OptionGroup var limits: ReaderLimitOptions

    func run() throws {
        let planner = ReleasePlanner(
            directory: directory, changelogPath: changelog ?? ReleasePublishing.defaultChangelog(for: directory),
            date: try date.resolve(todayByDefault: true) ?? "", limits: limits.limits, locale: locale,
            signer: sign.map(SSHKeygenSigner.init(key:)))
        let planned: PlannedRelease
        do {
            planned = try ReleasePublishing(planner: planner, dryRun: dryRun).plan()
        } catch {
            throw CommandFailure(
                failure: error.failure, format: diagnostics.format, strict: diagnostics.strict, sources: error.sources)
        }
        if Console.report(planned.diagnostics, options: diagnostics, sources: planned.sources) {
            throw CommandFailure(failure: .alreadyReported, format: diagnostics.format)
        }
        try failing(in: diagnostics) { () throws(UseCaseFailure) in
            try OutputLocale.check(locale, in: planned.plan.bundle.framework)
            if let diff = planned.plan.diff { Console.status("\(DiffTextRenderer(locale: locale).render(diff))\n") }
            if !dryRun { try planned.publish() }
        }
        let plan = planned.plan
        if dryRun {
            Console.out(TerminalText.visible(plan.changelogEntry, keepsLineBreaks: true))
            Console.status(
                "dry run: would write \(plan.bundlePath) (\(plan.bundle.digest)) and a \(plan.bundle.framework.identity.version) section "
                    + "in \(plan.changelogPath); wrote nothing\n")
            return
        }
        let signed =
            plan.signature == nil
            ? "" : "Wrote \(plan.signaturePath) (signed by \(plan.signerKey?.fingerprint ?? ""))\n"
        Console.status(
            "Released \(plan.bundle.framework.summaryLine)\nWrote \(plan.bundlePath)\n\(signed)digest \(plan.bundle.digest)\n"
                + "Updated \(plan.changelogPath)\n")
    }
}
