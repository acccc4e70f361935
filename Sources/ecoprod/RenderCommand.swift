import ArgumentParser
import EcoprodCompiler
import EcoprodReports
import EcoprodFramework

/// The output formats of `render`.
enum RenderFormat: String, ExpressibleByArgument, CaseIterable {
    case html, csv
}

/// `ecoprod render BUNDLE`: the framework for people, as a web page or a spreadsheet.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a framework as a self-contained HTML page or a CSV spreadsheet.",
        discussion: """
            BUNDLE is a bundle file (verified first) or a source folder (compiled first). The HTML page \
            needs no network: styles, script and chart are inline. The CSV is RFC 4180, UTF-8 with a BOM, \
            one row per criterion with one column per locale.
            """)

    @Argument(help: "The bundle file, or a framework source folder; - reads a bundle from stdin.")
    var bundle: String

    @Option(name: .long, help: "Output: html or csv.")
    var format: RenderFormat = .html

    @OptionGroup var report: ReportOptions
    @OptionGroup var diagnosticFormat: DiagnosticFormatOption

    func run() throws {
        var collector = DiagnosticCollector()
        guard let input = FrameworkInput.load(bundle, into: &collector), !collector.hasErrors else {
            Console.report(collector.sorted(), format: diagnosticFormat.diagnosticsFormat)
            throw ExitCode(1)
        }
        try report.checkLocale(in: input.framework)
        let text: String
        switch format {
        case .html: text = FrameworkPageRenderer(locale: report.locale).render(input.bundle)
        case .csv: text = FrameworkCSVRenderer(locale: report.locale).render(input.bundle)
        }
        try report.deliver(text, format: diagnosticFormat.diagnosticsFormat)
    }
}
