import ArgumentParser
import EcoprodApplication
import EcoprodFramework

/// `ecoprod check [DIR]`: validates the framework sources and reports every problem at once.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the framework sources (default folder: Framework).")

    @Argument(help: "The framework folder, or - to check one file read from stdin in the context of --context.")
    var directory = "Framework"

    @Option(name: .long, help: "With -, the framework folder the file from stdin belongs to.")
    var context = "Framework"

    @OptionGroup var diagnostics: DiagnosticOptions
    @OptionGroup var limits: ReaderLimitOptions

    func run() throws {
        let fromStdin = directory == "-"
        let checked = FrameworkChecking(directory: fromStdin ? context : directory, limits: limits.limits).run(
            stdinReplacing: fromStdin)
        try failing(in: diagnostics, sources: checked.sources) { () throws(UseCaseFailure) in
            if Console.report(checked.diagnostics, options: diagnostics, sources: checked.sources) {
                throw .alreadyReported
            }
        }
        if let framework = checked.framework {
            Console.status("\(framework.summaryLine)\n")
        }
    }
}
