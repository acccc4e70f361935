import ArgumentParser
import EcoprodCompiler
import EcoprodReports

/// The `ecoprod` command: a thin shell over `EcoprodCompiler` and `EcoprodFramework`.
/// It parses arguments and prints; every decision is made in the libraries.
@main
struct Ecoprod: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecoprod",
        abstract: "Compile, check and freeze the Ecoprod Label reference framework.",
        discussion: """
            Exit codes: 0 no errors, 1 the input has errors, 64 usage error.
            Data goes to stdout; diagnostics and progress go to stderr.
            """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, BuildCommand.self, VerifyCommand.self, DiffCommand.self, ReleaseCommand.self, SignCommand.self, ScoreCommand.self, VerifyStatementCommand.self, MigrateCommand.self, RenderCommand.self, ImportCommand.self, ExplainCommand.self, LSPCommand.self]
    )

    /// Installs the interrupt handlers that remove temporary and lock files, then runs.
    static func main() {
        InterruptCleanup.install()
        main(nil)
    }
}
