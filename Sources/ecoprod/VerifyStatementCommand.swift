import ArgumentParser
import EcoprodFramework
import EcoprodReports
import Foundation

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

    @Option(name: .long, help: "The releases folder holding the bundle the statement names (default: Framework/releases).")
    var releases = "Framework/releases"

    @Option(name: .long, help: "Who may sign statements (default: allowed_signers next to the releases folder).")
    var allowedSigners: String?
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        var collector = DiagnosticCollector()
        // The releases are checked against their own folder's list; --allowed-signers names who
        // may sign statements, which need not be who signs releases.
        let releaseSigners = SignerPolicy.defaultFile(forReleases: releases).flatMap { SignerPolicy.load($0, into: &collector) }
        let history = ReleaseHistory.load(directory: releases, signers: releaseSigners, into: &collector)
        let listFile = allowedSigners ?? SignerPolicy.defaultFile(forReleases: releases)
        let policy = listFile.flatMap { SignerPolicy.load($0, into: &collector) }
        if listFile == nil {
            collector.emit(.fileUnreadable("allowed_signers", reason: "no allowed-signers file: pass --allowed-signers FILE"))
        }
        let statementRead = Console.read(statement), answersRead = Console.read(answers)
        if statementRead == nil { collector.emit(.fileUnreadable(statement, reason: "no such file")) }
        if answersRead == nil { collector.emit(.fileUnreadable(answers, reason: "no such file")) }
        guard let statementBytes = statementRead, let answerBytes = answersRead else {
            Console.report(collector.sorted(), options: diagnostics)
            throw ExitCode(1)
        }
        guard !collector.hasErrors, let policy, let claims = read(statementBytes, into: &collector) else {
            Console.report(collector.sorted(), options: diagnostics)
            throw ExitCode(1)
        }
        let time = claims.scoredOn.flatMap(SignerTime.init(releaseDate:)) ?? .now
        _ = policy.check(statementBytes, file: statement, namespace: SignerPolicy.statementNamespace, at: time, into: &collector)
        compare(claims, answers: answerBytes, history: history, into: &collector)
        let failed = Console.report(collector.sorted(), options: diagnostics)
        if failed { throw ExitCode(1) }
        let figures = ["percent", "eligible", "stars"].compactMap { name in claims.predicate[name].map { "\(name) \(String(decoding: $0.compactBytes(), as: UTF8.self))" } }
        Console.error("ok \(statement): \(answers) scored \(figures.joined(separator: ", ")) against \(claims.bundle.map { "\($0.id) \($0.version)" } ?? "?"), signed\n")
    }

    private func read(_ bytes: [UInt8], into collector: inout DiagnosticCollector) -> ScoreStatement? {
        do {
            return try ScoreStatement(json: JSONField(try JSONParser().parse(bytes)))
        } catch let error as JSONField.ShapeError {
            collector.emit(Diagnostic(.error, .statementMalformed, error.message, at: SourceLocation(file: statement, line: 1, column: 1, path: error.path)))
        } catch let error as JSONParser.SyntaxError {
            collector.emit(Diagnostic(.error, .statementMalformed, "not valid JSON: \(error.message)", at: SourceLocation(file: statement, line: error.line, column: error.column)))
        } catch {
            collector.emit(Diagnostic(.error, .statementMalformed, "\(error)", at: SourceLocation(file: statement, line: 1, column: 1)))
        }
        return nil
    }

    /// The answers must be the stated ones, the bundle the stated one, and every figure the same.
    private func compare(_ claims: ScoreStatement, answers answerBytes: [UInt8], history: ReleaseHistory, into collector: inout DiagnosticCollector) {
        let at = SourceLocation(file: statement, line: 1, column: 1)
        guard let parsed = try? JSONParser().parse(answerBytes) else {
            collector.emit(Diagnostic(.error, .answersSyntax, "\(answers) is not valid JSON", at: SourceLocation(file: answers, line: 1, column: 1)))
            return
        }
        let digest = ScoreStatement.digest(ofAnswers: parsed)
        guard digest == claims.answersDigest else {
            collector.emit(Diagnostic(
                .error, .statementMismatch, "\(answers) is not the answer set stated: its sha256 is \(digest), the statement's subject is \(claims.answersDigest)",
                at: at, help: "the answers were edited after the statement was signed; score them again and sign a new statement"))
            return
        }
        guard let named = claims.bundle, let version = SemanticVersion(named.version),
              let release = history.release(version), release.bundle.framework.identity.id == named.id
        else {
            collector.emit(Diagnostic(.error, .statementMismatch, "the bundle the statement names is not among the releases in \(releases)", at: at))
            return
        }
        guard release.bundle.digest == named.digest else {
            collector.emit(Diagnostic(.error, .statementMismatch, "the statement names \(named.id) \(named.version) with digest \(named.digest), the release has \(release.bundle.digest)", at: at))
            return
        }
        var scoring = DiagnosticCollector()
        guard let rescored = ReleaseScorer(history: ReleaseHistory(releases: [release]), againstLatest: true)
            .scoredAnswers(answerBytes, file: answers, into: &scoring)
        else {
            collector.emit(contentsOf: scoring.diagnostics)
            return
        }
        let differences = claims.differences(from: rescored)
        if !differences.isEmpty {
            collector.emit(Diagnostic(
                .error, .statementMismatch, "scoring the answers again does not give the stated figures", at: at,
                notes: differences.map { Diagnostic.Note($0) }, help: "the statement was not made by this scorer from these answers and this bundle"))
        }
    }
}
