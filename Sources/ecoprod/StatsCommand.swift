import ArgumentParser
import EcoprodApplication
import EcoprodFramework
import EcoprodReports

/// The formats of `stats`.
enum StatsFormat: String, NamedValueArgument {
    case text, json, csv, html
}

/// `ecoprod stats INPUT…`: what many productions' answers say about each criterion, for the
/// editors; no production is named.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Item statistics across productions: which criteria to change, from the answers themselves.",
        discussion: """
            Every answer set is migrated to one release (the newest by default), scored, and counted in \
            one pass. Per criterion: the productions it applies to, its met rate with a Wilson 95% \
            interval, its not-applicable and unanswered rates, its corrected item-total correlation, its \
            discrimination index and how many productions it alone would change. Per department: the met \
            rate and Cronbach's alpha. Per scheme and type: the percentages' quantiles and histogram, \
            eligibility and stars. Definitions: docs/stats.md. No production is named; a figure over \
            fewer than --min-group productions is suppressed.
            """)

    @Argument(help: "Answer sets: JSON files, JSONL streams, filled grids, or folders of them.")
    var inputs: [String]

    @Option(name: .long, help: "Compute for this bundle's release (default: the newest release).")
    var bundle: String?

    @Option(name: .long, help: "The releases folder (default: Framework/releases).")
    var releases: String?

    @Option(name: .long, help: "Suppress every figure computed over fewer productions than this.")
    var minGroup = 5

    @Option(name: .long, help: "Report criteria met by at least this share of the productions they apply to (Q101).")
    var alwaysMet = 0.95

    @Option(name: .long, help: "Report criteria not applicable to more than this share of a type (Q103).")
    var notApplicable = 0.5

    @Option(
        name: .long,
        help: "Report mandatory criteria that alone change the verdict of at least this share of productions (Q104).")
    var blocking = 0.1

    @Option(name: .long, help: "Output: text, json, csv or html.")
    var format: StatsFormat = .text

    @OptionGroup var report: ReportOptions
    @OptionGroup var reading: AnswerReadingOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one answer set, stream, grid or folder") }
        if minGroup < 1 { throw ValidationError("--min-group must be at least 1") }
        if bundle != nil && releases != nil { throw ValidationError("give --bundle or --releases, not both") }
        for (name, share) in [
            ("--always-met", alwaysMet), ("--not-applicable", notApplicable), ("--blocking", blocking),
        ]
        where !(0...1).contains(share) {
            throw ValidationError("\(name) is a share, between 0 and 1")
        }
    }

    func run() throws {
        try failing(in: reading.diagnosticsFormat) { () throws(UseCaseFailure) in
            var options = StatisticsReport.Options()
            options.minGroup = minGroup
            options.alwaysMet = alwaysMet
            options.notApplicableShare = notApplicable
            options.blockingShare = blocking
            let gathered = try StatisticsGathering(
                inputs: inputs, reading: reading.reading, bundle: bundle, releases: releases, options: options
            ).run()
            if !gathered.diagnostics.isEmpty {
                Console.report(
                    gathered.diagnostics, format: reading.diagnosticsFormat,
                    stdoutCarriesData: report.goesToStdout)
            }
            let output: String
            switch format {
            case .text: output = gathered.report.text
            case .json: output = String(decoding: gathered.report.jsonValue.prettyBytes(), as: UTF8.self)
            case .csv: output = gathered.report.csv
            case .html: output = StatisticsHTMLRenderer(locale: report.locale).render(gathered.report)
            }
            try report.deliver(Array(output.utf8))
        }
    }
}
