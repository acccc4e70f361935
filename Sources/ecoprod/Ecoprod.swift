import ArgumentParser
import EcoprodApplication
import EcoprodWriters
import Foundation

/// The `ecoprod` command: a thin shell over `EcoprodApplication`. It parses arguments, calls
/// one use case and prints what it returns; every decision is made in the libraries.
@main
struct Ecoprod: ParsableCommand {
    /// The tool's version, which `--version` prints and statements record.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ecoprod",
        abstract: "Compile, check and freeze the Ecoprod Label reference framework.",
        discussion: """
            Exit codes: 0 no errors, 1 the input has errors, 64 usage error.
            Data goes to stdout; diagnostics and progress go to stderr.
            """,
        version: version,
        subcommands: [
            CheckCommand.self, BuildCommand.self, VerifyCommand.self, DiffCommand.self, ReleaseCommand.self,
            SignCommand.self,
            ScoreCommand.self, VerifyStatementCommand.self, MigrateCommand.self, RenderCommand.self, ImportCommand.self,
            AuditCommand.self, CertifyCommand.self, VerifyCertificateCommand.self, RegisterCommand.self,
            StatsCommand.self,
            ExplainCommand.self, LSPCommand.self,
        ]
    )

    /// Installs the interrupt handlers that remove temporary and lock files, runs the command,
    /// and renders its failure: the one place a failure becomes an exit status.
    static func main() {
        InterruptCleanup.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            failure.render()
            exit(withError: ExitCode(failure.failure.exitStatus))
        } catch {
            exit(withError: error)
        }
    }
}
