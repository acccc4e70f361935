import ArgumentParser
import EcoprodCompiler
import EcoprodReports
import EcoprodFramework
import Foundation

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

    @Option(name: .long, help: "The locale of the changelog's lines (default: the framework's first locale).")
    var locale: String?

    @Flag(name: .long, help: "Print what would be written, and write nothing.")
    var dryRun = false

    @Option(name: .long, help: "Sign the release with this key (as ssh-keygen -f takes it); required when DIR/allowed_signers exists.")
    var sign: String?

    @OptionGroup var diagnostics: DiagnosticOptions
    @OptionGroup var limits: ReaderLimitOptions

    func run() throws {
        let resolved = try date.resolve(todayByDefault: true) ?? ""
        let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let parent = trimmed.contains("/") ? String(trimmed[..<trimmed.lastIndex(of: "/")!]) : ""
        let planner = ReleasePlanner(
            directory: directory, changelogPath: changelog ?? (parent.isEmpty ? "CHANGELOG.md" : parent + "/CHANGELOG.md"),
            date: resolved, limits: limits.limits, locale: locale, signer: sign.map(SSHKeygenSigner.init(key:)))
        var lock: ReleaseLock?
        if !dryRun {
            switch ReleaseLock.acquire(in: planner.releasesDirectory) {
            case .success(let acquired): lock = acquired
            case .failure(let failure):
                Console.report([failure.diagnostic], options: diagnostics)
                throw ExitCode(1)
            }
        }
        defer { lock?.release() }
        var collector = DiagnosticCollector()
        let (plan, sources) = planner.plan(into: &collector)
        let failed = Console.report(collector.sorted(), options: diagnostics, sources: sources.byPath)
        guard !failed, var plan else { throw ExitCode(1) }
        let framework = plan.bundle.framework
        try ReportOptions.checkLocale(locale, in: framework)
        if let diff = plan.diff {
            Console.error("\(DiffTextRenderer(locale: locale).render(diff))\n")
        }
        if dryRun {
            Console.out(TerminalText.visible(plan.changelogEntry, keepsLineBreaks: true))
            Console.error("dry run: would write \(plan.bundlePath) (\(plan.bundle.digest)) and a \(framework.identity.version) section in \(plan.changelogPath); wrote nothing\n")
            return
        }
        var signing = DiagnosticCollector()
        guard planner.sign(&plan, into: &signing) else {
            Console.report(signing.sorted(), options: diagnostics)
            throw ExitCode(1)
        }
        do {
            try planner.execute(plan)
        } catch {
            Console.report([error.diagnostic], options: diagnostics)
            throw ExitCode(1)
        }
        let signed = plan.signature == nil ? "" : "Wrote \(plan.signaturePath) (signed by \(plan.signerKey?.fingerprint ?? ""))\n"
        Console.error("Released \(framework.summaryLine)\nWrote \(plan.bundlePath)\n\(signed)digest \(plan.bundle.digest)\nUpdated \(plan.changelogPath)\n")
    }
}
