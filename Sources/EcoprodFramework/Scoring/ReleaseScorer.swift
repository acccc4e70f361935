/// Scores answer-set documents against the release each one names, keeping one ``Scorer`` per
/// release: what `ecoprod score` runs for a file or for every line of a JSONL stream.
public final class ReleaseScorer {
    /// The verified releases to pick from.
    public let history: ReleaseHistory
    /// Score everything against the newest release (a single `--bundle`), so that answers for
    /// another version get the version-mismatch diagnostic rather than "not found".
    public let againstLatest: Bool
    private var scorers: [SemanticVersion: Scorer] = [:]

    public init(history: ReleaseHistory, againstLatest: Bool = false) {
        self.history = history
        self.againstLatest = againstLatest
    }

    /// Decodes one document (a file, or line `line` of a JSONL stream) and scores it against
    /// its release. Every problem goes to `diagnostics` with its position; nil when refused.
    public func score(_ bytes: [UInt8], file: String, line: Int = 1, into diagnostics: inout DiagnosticCollector)
        -> ScoreReport?
    {
        scoredAnswers(bytes, file: file, line: line, into: &diagnostics)?.report
    }

    /// Like ``score(_:file:line:into:)``, keeping the answers and the bundle with the score,
    /// for reports that show criterion titles and the evidence given.
    public func scoredAnswers(
        _ bytes: [UInt8], file: String, line: Int = 1, into diagnostics: inout DiagnosticCollector
    ) -> ScoredAnswers? {
        guard
            let (answers, locator) = AnswerSetDecoder().decodeLocated(bytes, file: file, line: line, into: &diagnostics)
        else { return nil }
        return scoredAnswers(answers, into: &diagnostics, locate: locator.location(of:))
    }

    /// Scores an answer set already read (from a grid, say), reporting at `locate(path)`.
    public func scoredAnswers(
        _ answers: AnswerSet, into diagnostics: inout DiagnosticCollector, locate: (String) -> SourceLocation
    ) -> ScoredAnswers? {
        let version = answers.framework.version
        guard let release = againstLatest ? history.latest : history.release(version) else {
            diagnostics.emit(
                Diagnostic(
                    .error, .answersBundleNotFound, "no release \(answers.framework.id) \(version) among the releases",
                    at: locate("$.framework.version"),
                    help:
                        "pass --releases with the folder that holds it, or run `ecoprod migrate` to a released version")
            )
            return nil
        }
        let releaseVersion = release.bundle.framework.identity.version
        let scorer = scorers[releaseVersion] ?? Scorer(bundle: release.bundle)
        scorers[releaseVersion] = scorer
        guard let report = scorer.score(answers, into: &diagnostics, locate: locate) else { return nil }
        return ScoredAnswers(report: report, answers: answers, bundle: release.bundle)
    }
}
