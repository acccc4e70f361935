import ArgumentParser
import EcoprodApplication
import EcoprodFramework

/// `ecoprod import GRID.xlsx`: a filled grid → the answer set it holds.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Read a filled xlsx grid back into an answer set.",
        discussion: """
            The grid names its bundle in its hidden sheet; the bundle is found among the releases. \
            Statuses are read in French or English, an empty status is unanswered, evidence cells \
            are split into a list on line breaks. Every problem is reported at its sheet and cell.
            """)

    @Argument(help: "The workbook (.xlsx); - reads stdin.")
    var grid: String

    @Option(name: .long, help: "The releases folder that holds the grid's bundle (default: Framework/releases).")
    var releases: String?

    @Option(name: .shortAndLong, help: "Where to write the answer set (written atomically; default: stdout).")
    var output: String?

    @Flag(name: .long, help: "Replace an existing --output file with different content.")
    var force = false

    @OptionGroup var reading: AnswerReadingOptions

    func run() throws {
        try failing(in: reading.diagnosticsFormat) { () throws(UseCaseFailure) in
            var diagnostics = DiagnosticCollector()
            guard let imported = reading.reading.importGrid(at: grid, releases: releases, into: &diagnostics) else {
                throw .input(diagnostics.sorted())
            }
            try Console.deliver(imported.answers.jsonValue.prettyBytes(), to: output, force: force)
        }
    }
}
