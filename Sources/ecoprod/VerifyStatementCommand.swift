import ArgumentParser
import EcoprodApplication
import EcoprodFramework

/// `ecoprod verify-statement STATEMENT --answers ANSWERS`: checks a signed score statement: its
/// signature and signer, that the answers are the ones stated, and that scoring them again against
/// the named bundle gives every stated figure.
struct VerifyStatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-statement",
        abstract: "Check a signed score statement: signer, answers, bundle, and every figure re-scored.")

    @Argument(help: "The statement (STATEMENT.sig is its signature).")
    var statement: String

    @Option(name: .long, help: "The answer set the statement is about.")
    var answers: String

    @Option(
        name: .long, help: "The releases folder holding the bundle the statement names.")
    var releases = "Framework/releases"

    @Option(name: .long, help: "Who may sign statements (default: allowed_signers next to the releases folder).")
    var allowedSigners: String?
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let verification = StatementVerification(
            statement: statement, answers: answers, releases: releases, allowedSigners: allowedSigners)
        var collector = DiagnosticCollector()
        let verified = verification.run(into: &collector)
        let failed = Console.report(collector.sorted(), options: diagnostics)
        guard !failed, let verified else { throw CommandFailure(failure: .alreadyReported, format: diagnostics.format) }
        Console.status(
            "ok \(statement): \(answers) scored \(verified.figures.joined(separator: ", ")) against \(verified.bundle), signed\n"
        )
    }
}
