import EcoprodFramework
import Foundation

/// `verify-statement`: a signed score statement checked in full. Its signature and signer; that
/// the answers are the ones stated; that the bundle is the one stated, among the releases; and
/// that scoring the answers again against it gives every stated figure.
public struct StatementVerification: Sendable {
    /// The statement; `statement.sig` is its signature.
    public var statement: String
    /// The answer set it is about.
    public var answers: String
    /// The releases folder holding the bundle it names.
    public var releases: String
    /// Who may sign statements; nil for the list beside the releases folder.
    public var allowedSigners: String?

    public init(statement: String, answers: String, releases: String, allowedSigners: String?) {
        self.statement = statement
        self.answers = answers
        self.releases = releases
        self.allowedSigners = allowedSigners
    }

    /// What a verified statement states.
    public struct Verified: Sendable {
        /// `percent 65.00`, `eligible …`, `stars …`, as the statement gives them.
        public var figures: [String]
        /// `ecoprod-label 1.1.0`.
        public var bundle: String
        /// The statement as read, and its file's exact bytes (an audit plan's subject).
        public var statement: ScoreStatement
        public var statementBytes: [UInt8]
        /// The answers scored again against the stated bundle: what an audit samples and
        /// re-scores.
        public var scored: ScoredAnswers
        /// The verified releases, for the bundle the statement names.
        public var history: ReleaseHistory
        /// Who may sign, as read once: an audit checks the plan against the same list.
        public var signers: SignerPolicy
    }

    /// Verifies the statement; every problem found goes to `diagnostics`, nil when any is an error.
    public func run(into diagnostics: inout DiagnosticCollector) -> Verified? {
        // The releases are checked against their own folder's list; --allowed-signers names who
        // may sign statements, which need not be who signs releases.
        let releaseSigners = SignerPolicy.defaultFile(forReleases: releases).flatMap {
            SignerPolicy.load($0, into: &diagnostics)
        }
        let history = ReleaseHistory.load(directory: releases, signers: releaseSigners, into: &diagnostics)
        let listFile = allowedSigners ?? SignerPolicy.defaultFile(forReleases: releases)
        let policy = listFile.flatMap { SignerPolicy.load($0, into: &diagnostics) }
        if listFile == nil { diagnostics.emit(.noStatementSigners()) }
        let statementBytes = InputFile.read(statement, into: &diagnostics)
        let answerBytes = InputFile.read(answers, into: &diagnostics)
        guard let statementBytes, let answerBytes, !diagnostics.hasErrors, let policy,
            let claims = read(statementBytes, into: &diagnostics)
        else { return nil }
        let time = claims.scoredOn.flatMap(SignerTime.init(releaseDate:)) ?? .now
        _ = policy.check(
            statementBytes, file: statement, namespace: SignerPolicy.statementNamespace, at: time, into: &diagnostics)
        let scored = compare(claims, answers: answerBytes, history: history, into: &diagnostics)
        guard let scored, !diagnostics.hasErrors else { return nil }
        let figures = ["percent", "eligible", "stars"].compactMap { name in
            claims.predicate[name].map { "\(name) \(String(decoding: $0.compactBytes(), as: UTF8.self))" }
        }
        return Verified(
            figures: figures, bundle: claims.bundle.map { "\($0.id) \($0.version)" } ?? "?", statement: claims,
            statementBytes: statementBytes, scored: scored, history: history, signers: policy)
    }

    private func read(_ bytes: [UInt8], into diagnostics: inout DiagnosticCollector) -> ScoreStatement? {
        JSONDocumentReading.read(bytes, file: statement, into: &diagnostics, malformed: Diagnostic.statementMalformed) {
            (field) throws(JSONField.ShapeError) in try ScoreStatement(json: field)
        }
    }

    /// The answers must be the stated ones, the bundle the stated one, and every figure the same.
    private func compare(
        _ claims: ScoreStatement, answers answerBytes: [UInt8], history: ReleaseHistory,
        into diagnostics: inout DiagnosticCollector
    ) -> ScoredAnswers? {
        let at = SourceLocation(file: statement, line: 1, column: 1)
        guard let stated = statedAnswers(answerBytes, history: history, into: &diagnostics) else { return nil }
        let digest = ScoreStatement.digest(ofAnswers: stated.json)
        guard digest == claims.answersDigest else {
            diagnostics.emit(.statementAnswersDiffer(answers, digest: digest, stated: claims.answersDigest, at: at))
            return nil
        }
        guard let named = claims.bundle, let version = SemanticVersion(named.version),
            let release = history.release(version), release.bundle.framework.identity.id == named.id
        else {
            diagnostics.emit(.statementBundleNotReleased(releases: releases, at: at))
            return nil
        }
        guard release.bundle.digest == named.digest else {
            diagnostics.emit(.statementBundleDiffers(named, released: release.bundle.digest, at: at))
            return nil
        }
        var scoring = DiagnosticCollector()
        let scorer = ReleaseScorer(history: ReleaseHistory(releases: [release]), againstLatest: true)
        guard let rescored = scorer.scoredAnswers(stated.answers, into: &scoring, locate: stated.locate) else {
            diagnostics.emit(contentsOf: scoring.diagnostics)
            return nil
        }
        let differences = claims.differences(from: rescored)
        if !differences.isEmpty { diagnostics.emit(.statementFiguresDiffer(differences, at: at)) }
        return rescored
    }

    /// The answers as `score` stated them: a JSON file as it is; a grid as the canonical JSON of
    /// the answers it holds, once scored (migrated when the grid is older), as `score` signs it.
    private func statedAnswers(
        _ bytes: [UInt8], history: ReleaseHistory, into diagnostics: inout DiagnosticCollector
    ) -> (json: JSONValue, answers: AnswerSet, locate: (String) -> SourceLocation)? {
        var reading = DiagnosticCollector()
        let document = AnswerReading().answers(bytes, file: answers, history: history, into: &reading)
        guard let document else {
            diagnostics.emit(contentsOf: reading.diagnostics)
            return nil
        }
        guard let grid = document.grid else {
            guard let parsed = try? JSONParser().parse(bytes) else {
                diagnostics.emit(.answersNotValidJSON(answers))
                return nil
            }
            return (parsed, document.answers, document.locate)
        }
        var scoring = DiagnosticCollector()
        let scored = ReleaseScorer(history: history, againstLatest: false)
            .scoredAnswers(grid.answers, into: &scoring, locate: grid.locate)
        guard let scored else {
            diagnostics.emit(contentsOf: scoring.diagnostics)
            return nil
        }
        return (scored.answers.jsonValue, scored.answers, grid.locate)
    }
}
