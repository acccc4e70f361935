import EcoprodCompiler
import EcoprodFramework

/// `diff`: two versions of the framework, each a source folder or a bundle, and what the
/// change does to the scores of the answer sets given.
public struct FrameworkComparison: Sendable {
    public var old: String
    public var new: String
    /// Answer sets written for OLD: a folder of JSON files or a JSONL file.
    public var answers: String?

    public init(old: String, new: String, answers: String?) {
        self.old = old
        self.new = new
        self.answers = answers
    }

    /// The comparison: the newer framework (for its locales), the diff and the impact.
    public struct Compared: Sendable {
        public var newer: Framework
        public var diff: FrameworkDiff
        public var impact: ImpactAnalysis?
    }

    public func run() throws(UseCaseFailure) -> Compared {
        var collector = DiagnosticCollector()
        let before = FrameworkInput.load(old, into: &collector)
        let after = FrameworkInput.load(new, into: &collector)
        guard let before, let after, !collector.hasErrors else { throw .input(collector.sorted()) }
        let diff = FrameworkDiff(
            from: before.framework, to: after.framework, oldDigest: before.digest, newDigest: after.digest)
        var impact: ImpactAnalysis?
        if let answers {
            let sets = ImpactAnalysis.loadAnswerSets(answers, into: &collector)
            try collector.failOnErrors()
            impact = ImpactAnalysis(answerSets: sets, old: before.bundle, new: after.bundle)
        }
        return Compared(newer: after.framework, diff: diff, impact: impact)
    }
}
