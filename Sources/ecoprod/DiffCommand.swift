import ArgumentParser
import EcoprodCompiler
import EcoprodReports
import EcoprodFramework

extension DiffFormat: NamedValueArgument {}
extension VersionBump: NamedValueArgument {}

/// `ecoprod diff OLD NEW`: every change, classified by its effect on scores.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Classify every change between two framework versions (source folders or bundles).",
        discussion: "Exit 0 unless --fail-on is reached (1), or either input has errors (1).")

    @Argument(help: "The older version: a source folder or a bundle file.")
    var old: String

    @Argument(help: "The newer version: a source folder or a bundle file.")
    var new: String

    @Option(name: .long, help: "Output: text, markdown, json or html.")
    var format: DiffFormat = .text

    @Option(name: .long, help: "Exit 1 when the required bump is at least this: major, minor or patch.")
    var failOn: VersionBump?

    @Option(name: .long, help: "Answer sets written for OLD (a folder of *.json or a JSONL file): report each production's score before and after.")
    var answers: String?

    @OptionGroup var report: ReportOptions
    @OptionGroup var diagnosticFormat: DiagnosticFormatOption

    func validate() throws {
        if let locale = report.locale, format == .html, !DiffHTMLRenderer.locales.contains(locale) {
            throw ValidationError("--locale must be one of \(DiffHTMLRenderer.locales.joined(separator: ", ")) for an html diff")
        }
    }

    func run() throws {
        var collector = DiagnosticCollector()
        let before = FrameworkInput.load(old, into: &collector)
        let after = FrameworkInput.load(new, into: &collector)
        guard let before, let after, !collector.hasErrors else {
            Console.report(collector.sorted(), format: diagnosticFormat.diagnosticsFormat)
            throw ExitCode(1)
        }
        try report.checkLocale(in: after.framework)
        let diff = FrameworkDiff(from: before.framework, to: after.framework, oldDigest: before.digest, newDigest: after.digest)
        var impact: ImpactAnalysis?
        if let answers {
            let sets = ImpactAnalysis.loadAnswerSets(answers, into: &collector)
            if collector.hasErrors {
                Console.report(collector.sorted(), format: diagnosticFormat.diagnosticsFormat)
                throw ExitCode(1)
            }
            impact = ImpactAnalysis(answerSets: sets, old: before.bundle, new: after.bundle)
        }
        try report.deliver(format.renderer(locale: report.locale).render(diff, impact: impact), format: diagnosticFormat.diagnosticsFormat)
        if let failOn, let required = diff.requiredBump, required >= failOn {
            Console.error("required bump \(required.rawValue) reaches --fail-on \(failOn.rawValue)\n")
            throw ExitCode(1)
        }
    }
}
