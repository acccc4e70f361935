import ArgumentParser
import EcoprodFramework
import EcoprodReports
import Foundation

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
        var diagnostics = DiagnosticCollector()
        guard let bytes = read(into: &diagnostics),
            let imported = GridInput.read(bytes, file: grid, releases: releases, trust: reading.trust, limits: reading.limits, into: &diagnostics)
        else {
            Console.report(diagnostics.sorted(), format: reading.diagnosticsFormat)
            throw ExitCode(1)
        }
        try Console.deliver(imported.answers.jsonValue.prettyBytes(), to: output, force: force, format: reading.diagnosticsFormat)
    }

    /// The workbook's bytes, refusing a file over --max-grid-bytes before reading it.
    private func read(into diagnostics: inout DiagnosticCollector) -> [UInt8]? {
        let limit = reading.limits.maxFileBytes
        if grid != "-", let size = Console.fileSize(grid), size > limit {
            diagnostics.emit(Diagnostic(
                .gridLimit, "the workbook is \(size) bytes, over the limit of \(limit)", at: .file(grid),
                help: "raise --max-grid-bytes for a genuine grid this large"))
            return nil
        }
        guard let bytes = Console.read(grid) else {
            diagnostics.emit(.fileUnreadable(grid, reason: "no such file"))
            return nil
        }
        return bytes
    }
}
