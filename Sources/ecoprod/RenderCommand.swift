import ArgumentParser
import EcoprodApplication
import EcoprodFramework
import EcoprodReports
import Foundation

/// The output formats of `render`.
enum RenderFormat: String, NamedValueArgument {
    case html, csv, xlsx
}

/// `ecoprod render BUNDLE`: the framework for people, as a web page or a spreadsheet.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract:
            "Render a framework as a self-contained HTML page, a CSV spreadsheet or the xlsx grid productions fill in.",
        discussion: """
            BUNDLE is a bundle file (verified first) or a source folder (compiled first). The HTML page \
            needs no network: styles, script and chart are inline. The CSV is RFC 4180, UTF-8 with a BOM, \
            one row per criterion with one column per locale. The xlsx grid (--output required) has a \
            Production sheet, one answer row per criterion and a Score sheet of live formulas; --answers \
            pre-fills it (an answer set or a grid, migrated first when written for an older release).
            """)

    @Argument(
        help:
            "The bundle file, or a framework source folder, or a certificate (html: its A4 page); - reads a bundle from stdin."
    )
    var bundle: String

    @Option(name: .long, help: "Output: html, csv or xlsx.")
    var format: RenderFormat = .html

    @Option(name: .long, help: "With --format xlsx: pre-fill the grid from this answer set or grid.")
    var answers: String?

    @Option(
        name: .long,
        help:
            "With --answers: the releases to migrate them through; for a certificate, where its release is (default: Framework/releases)."
    )
    var releases: String?

    @Option(name: .long, help: "For a register folder: its verifier key, or a file holding it.")
    var verifierKey: String?

    @OptionGroup var report: ReportOptions
    @OptionGroup var reading: AnswerReadingOptions

    func validate() throws {
        if format == .xlsx && (report.output == nil) {
            throw ValidationError("--format xlsx writes a workbook: give --output FILE (or --output - for stdout)")
        }
        if answers != nil && format != .xlsx {
            throw ValidationError("--answers pre-fills a grid: it applies to --format xlsx only")
        }
    }

    func run() throws {
        try failing(in: reading.diagnosticsFormat) { () throws(UseCaseFailure) in
            if RegisterReading.isRegister(bundle) {
                guard format == .html, let verifierKey else {
                    throw .usage("a register renders as --format html, verified first: give --verifier-key KEY")
                }
                let register = try RegisterReading.verified(bundle, verifierKey: verifierKey)
                let page = RegisterPageRenderer(locale: report.locale).render(
                    origin: register.checkpoint.origin, size: register.checkpoint.size,
                    root: Data(register.checkpoint.root).base64EncodedString(), entries: register.entries)
                return try report.deliver(Array(page.utf8))
            }
            if let read = try CertificateReading.certificate(at: bundle, releases: releases ?? "Framework/releases") {
                guard format == .html else { throw .usage("a certificate renders as --format html only") }
                if let framework = read.framework { try report.checkLocale(in: framework) }
                let page = CertificateHTMLRenderer(locale: report.locale)
                    .render(read.certificate, framework: read.framework, file: bundle)
                return try report.deliver(Array(page.utf8))
            }
            let input = try FrameworkLoading.bundle(bundle)
            try report.checkLocale(in: input.framework)
            let bytes: [UInt8]
            switch format {
            case .html: bytes = Array(FrameworkPageRenderer(locale: report.locale).render(input).utf8)
            case .csv: bytes = Array(FrameworkCSVRenderer(locale: report.locale).render(input).utf8)
            case .xlsx:
                let locale = report.locale ?? input.framework.identity.locales.first ?? "en"
                bytes = try reading.reading.renderGrid(input, locale: locale, answers: answers, releases: releases)
            }
            try report.deliver(bytes)
        }
    }
}
