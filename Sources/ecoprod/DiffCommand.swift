import ArgumentParser
import EcoprodApplication
import EcoprodFramework
import EcoprodReports

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

    @Option(
        name: .long,
        help:
            "Answer sets written for OLD (a folder of *.json or a JSONL file): report each production's score before and after."
    )
    var answers: String?

    @OptionGroup var report: ReportOptions
    @OptionGroup var diagnosticFormat: DiagnosticFormatOption

    func validate() throws {
        if let locale = report.locale, format == .html, !DiffHTMLRenderer.locales.contains(locale) {
            throw ValidationError(
                "--locale must be one of \(DiffHTMLRenderer.locales.joined(separator: ", ")) for an html diff")
        }
    }

    func run() throws {
        try failing(in: diagnosticFormat.diagnosticsFormat) { () throws(UseCaseFailure) in
            let compared = try FrameworkComparison(old: old, new: new, answers: answers).run()
            if !compared.warnings.isEmpty {
                Console.report(
                    compared.warnings, format: diagnosticFormat.diagnosticsFormat,
                    stdoutCarriesData: report.goesToStdout)
            }
            try report.checkLocale(in: compared.newer)
            let rendered = format.renderer(locale: report.locale).render(compared.diff, impact: compared.impact)
            try report.deliver(Array(rendered.utf8))
            if let failOn, let required = compared.diff.requiredBump, required >= failOn {
                Console.status("required bump \(required.rawValue) reaches --fail-on \(failOn.rawValue)\n")
                throw .alreadyReported
            }
        }
    }
}
