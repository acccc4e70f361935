import EcoprodCompiler
import EcoprodFramework
import Foundation

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
        /// What the reader should know about the diff: M908 when the rules between two versions
        /// that are not adjacent could not be found.
        public var warnings: [Diagnostic] = []
    }

    public func run() throws(UseCaseFailure) -> Compared {
        var collector = DiagnosticCollector()
        let before = FrameworkInput.load(old, into: &collector)
        let after = FrameworkInput.load(new, into: &collector)
        guard let before, let after, !collector.hasErrors else { throw .input(collector.sorted()) }
        // The releases between the two: the diff classifies through their composed rules, and
        // impact carries answers through each of them, as `migrate` does. Two adjacent versions
        // need neither: a plain diff builds no bundle and reads no other release.
        let adjacent =
            after.framework.lineage.previous?.version == before.framework.identity.version
            || after.framework.identity.version == before.framework.identity.version
        let path =
            answers == nil && adjacent
            ? nil : ReleasePath.between(before.bundle, after.bundle, releases: releases())
        let composed = (try? path?.get()).flatMap { $0.bundles.count > 2 ? $0.composedRules : nil }
        var warnings: [Diagnostic] = []
        if answers == nil, case .failure(let gap) = path {
            warnings.append(
                Diagnostic(
                    .warning, .diffWithoutReleasePath,
                    "\(gap.message): changes made on the way are compared without their migration rules",
                    at: .file(new)))
        }
        let diff = FrameworkDiff(
            from: before.framework, to: after.framework, oldDigest: before.digest, newDigest: after.digest,
            rules: composed)
        var impact: ImpactAnalysis?
        if let answers, let path {
            let sets = ImpactAnalysis.loadAnswerSets(answers, into: &collector)
            try collector.failOnErrors()
            switch path {
            case .success(let path): impact = ImpactAnalysis(answerSets: sets, path: path)
            case .failure(let gap):
                throw .input([
                    Diagnostic(
                        .error, .migrationRefused, "cannot carry answers from \(old) to \(new): \(gap.message)",
                        at: .file(old),
                        help:
                            "impact follows the same releases as `ecoprod migrate`; give an OLD that NEW descends from, with the releases in between beside them"
                    )
                ])
            }
        }
        return Compared(newer: after.framework, diff: diff, impact: impact, warnings: warnings)
    }

    /// The releases the path from OLD to NEW may cross: those beside each bundle given, and a
    /// source folder's own `releases/`. A bundle that does not verify is left out, and the
    /// path through it then names the missing version.
    private func releases() -> [FrameworkBundle] {
        var folders: [String] = []
        for input in [old, new] where input != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else { continue }
            folders.append(
                isDirectory.boolValue
                    ? FrameworkCompiler.releasesDirectory(of: input)
                    : URL(fileURLWithPath: input).deletingLastPathComponent().path)
        }
        var ignored = DiagnosticCollector()
        let files = Set(folders.flatMap(ReleaseHistory.bundleFiles(in:))).sorted()
        return ReleaseHistory.verify(files: files, complete: false, into: &ignored).releases.map(\.bundle)
    }
}
