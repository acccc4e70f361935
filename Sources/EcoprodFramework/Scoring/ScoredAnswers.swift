/// A score together with what it was computed from: the answer set and the bundle.
///
/// The ``ScoreReport`` holds numbers and IDs, as the score contract defines; a report for
/// people also needs the criteria's titles and the evidence each answer lists.
public struct ScoredAnswers: Sendable, Hashable {
    public var report: ScoreReport
    public var answers: AnswerSet
    public var bundle: FrameworkBundle

    public init(report: ScoreReport, answers: AnswerSet, bundle: FrameworkBundle) {
        self.report = report
        self.answers = answers
        self.bundle = bundle
    }
}
