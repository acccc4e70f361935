import EcoprodFramework
import EcoprodGrid

/// `score`: an answer set, JSON or a grid, scored against the release it names (or against
/// the one bundle given).
public struct AnswerScoring {
    public var reading: AnswerReading
    /// Score against this bundle alone.
    public var bundle: String?
    /// Pick the bundle from this releases folder.
    public var releases: String?
    /// The scorer, with the verified releases; made once for a stream of answer sets.
    public let scorer: ReleaseScorer
    /// The history's warnings and notes.
    public let diagnostics: [Diagnostic]
    private let history: ReleaseHistory

    /// Reads and verifies the releases; refused when they have errors.
    public init(reading: AnswerReading, bundle: String?, releases: String?) throws(UseCaseFailure) {
        self.reading = reading
        self.bundle = bundle
        self.releases = releases
        var setup = DiagnosticCollector()
        history = reading.history(bundle: bundle, releases: releases, into: &setup)
        try setup.failOnErrors()
        diagnostics = setup.sorted()
        scorer = ReleaseScorer(history: history, againstLatest: bundle != nil)
    }

    /// A score, with the answers' bytes as a statement states them.
    public struct Scored {
        public var scored: ScoredAnswers
        /// The file's own JSON, or, for a grid, the scored answers in canonical JSON.
        public var statedBytes: [UInt8]
    }

    /// Scores the answers at `path` ("-" for stdin).
    public func score(at path: String) throws(UseCaseFailure) -> Scored {
        var diagnostics = DiagnosticCollector()
        guard let bytes = InputFile.read(path, into: &diagnostics) else { throw .input(diagnostics.sorted()) }
        guard !bytes.isEmpty else { throw .input(.answersEmpty(path)) }
        // A grid is recognised by its content: its answers are scored with problems at cells.
        if GridImporter.isWorkbook(bytes) {
            guard let grid = reading.answers(bytes, file: path, history: history, into: &diagnostics)?.grid,
                let scored = scorer.scoredAnswers(grid.answers, into: &diagnostics, locate: grid.locate)
            else { throw .input(diagnostics.sorted()) }
            return Scored(scored: scored, statedBytes: scored.answers.jsonValue.canonicalBytes())
        }
        guard let scored = scorer.scoredAnswers(bytes, file: path, line: 1, into: &diagnostics) else {
            throw .input(diagnostics.sorted())
        }
        return Scored(scored: scored, statedBytes: bytes)
    }
}
