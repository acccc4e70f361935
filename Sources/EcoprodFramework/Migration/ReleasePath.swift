/// The releases that lead from one framework version to a later one, by their lineage.
///
/// Impact analysis must carry answers exactly as `migrate` does: through every release in
/// between, each applying its own rules. A rename two releases back is invisible to a diff of
/// the two ends alone, so the path is found by following each bundle's `lineage.previous`
/// (version and digest) back from the newer end until it reaches the older one.
public struct ReleasePath: Sendable {
    /// The bundles from the older end to the newer, both included; consecutive bundles are one
    /// migration step.
    public let bundles: [FrameworkBundle]
    /// One plan per step, made once: every answer set crosses the same releases.
    private let plans: [MigrationPlan]

    init(bundles: [FrameworkBundle]) {
        self.bundles = bundles
        plans = zip(bundles, bundles.dropFirst()).map { MigrationPlan(from: $0, to: $1) }
    }

    /// The first bundle: the version the answers were written for.
    public var first: FrameworkBundle { bundles[0] }
    /// The last bundle: the version the answers are carried to.
    public var last: FrameworkBundle { bundles[bundles.count - 1] }

    /// Why no path leads from the older end to the newer.
    public enum Gap: Error, Sendable, Equatable {
        /// Following the newer end's lineage never meets the older end.
        case notAncestor(old: SemanticVersion, new: SemanticVersion)
        /// A release on the way is not among those given.
        case missingRelease(SemanticVersion, neededBy: SemanticVersion)

        /// The gap in one sentence, naming both versions.
        public var message: String {
            switch self {
            case .notAncestor(let old, let new):
                return "\(old) is not an ancestor of \(new): following \(new)'s lineage back never reaches it"
            case .missingRelease(let version, let later):
                return "release \(version), which \(later) descends from, is not among the releases found"
            }
        }
    }

    /// The path from `old` to `new` through `releases` (any order; extra ones are ignored).
    ///
    /// Two builds of the same version are one unreleased edit of the other: the path is the
    /// two of them, with the newer's lineage rules left out, since they lead from the release
    /// before both and criteria carry over by ID.
    public static func between(
        _ old: FrameworkBundle, _ new: FrameworkBundle, releases: @autoclosure () -> [FrameworkBundle]
    ) -> Result<ReleasePath, Gap> {
        let oldVersion = old.framework.identity.version
        let newVersion = new.framework.identity.version
        if old.digest == new.digest { return .success(ReleasePath(bundles: [old])) }
        if oldVersion == newVersion {
            var edited = new
            edited.framework.lineage = Lineage(previous: nil, rules: [])
            return .success(ReleasePath(bundles: [old, edited]))
        }
        // Read only when the two are not the same version: the releases in between are needed.
        let byDigest = Dictionary(releases().map { ($0.digest, $0) }, uniquingKeysWith: { first, _ in first })
        var path = [new]
        var current = new
        while let previous = current.framework.lineage.previous {
            if previous.digest == old.digest { return .success(ReleasePath(bundles: [old] + path.reversed())) }
            guard previous.version > oldVersion else { break }
            guard let release = byDigest[previous.digest] else {
                return .failure(.missingRelease(previous.version, neededBy: current.framework.identity.version))
            }
            path.append(release)
            current = release
        }
        return .failure(.notAncestor(old: oldVersion, new: newVersion))
    }

    /// Carries `answers`, written for the first bundle, to the last, through each release's
    /// rules in turn; every step is added to `report`.
    public func migrate(_ answers: AnswerSet, report: inout MigrationReport) -> AnswerSet {
        plans.reduce(answers) { current, plan in plan.apply(current, report: &report) }
    }
}
