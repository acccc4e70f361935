import FrameworkFixtures
import Testing

@testable import EcoprodCompiler
@testable import EcoprodFramework

/// `diff --answers` must give every production the score that `migrate` then `score` gives:
/// for every pair of releases, and for a release and the sources, in a history whose rename
/// (A7 → A11 in 2.0.0) lies two releases from 1.0.0 and whose merge (C4 + C5 in 3.0.0) lies
/// two from 1.1.0.
@Suite struct ImpactAlongReleasesTests {
    static let history = try! threeVersions()
    static let bundles = history.releases.map(\.bundle)
    static let versions = bundles.map { $0.framework.identity.version.description }
    static let pairs: [(String, String)] = versions.indices.flatMap { old in
        versions.indices.filter { $0 > old }.map { (versions[old], versions[$0]) }
    }

    /// Answer sets spread around the threshold: each criterion met, not met or not applicable
    /// by a pattern of its ID and the seed, from about 90% met to about 40%; mandatory
    /// criteria met but in one set.
    static func answerSets(for bundle: FrameworkBundle) -> [AnswerSet] {
        (0..<12).map { seed in
            var answers: [String: Answer] = [:]
            for (index, criterion) in bundle.framework.criteria.enumerated() {
                let letters = criterion.id.unicodeScalars.reduce(0) { $0 + Int($1.value) }
                let draw: Int = (index * 7 + seed * 13 + letters) % 10
                let status: AnswerStatus
                if criterion.mandatory {
                    status = seed == 11 ? .notMet : .met
                } else {
                    status = draw < 1 + seed / 2 ? .notMet : (draw == 9 ? .notApplicable : .met)
                }
                answers[criterion.id] = Answer(status: status)
            }
            if seed % 4 == 0 { answers["A7"]?.status = .notMet }
            if seed % 5 == 0 { answers["C4"]?.status = .notMet }
            return AnswerSet(
                framework: BundleReference(bundle),
                production: Production(
                    title: "Production \(seed)", type: seed % 2 == 0 ? "series" : "feature-film", scheme: "performance"),
                answers: answers)
        }
    }

    /// What `migrate --to` then `score` gives.
    static func migratedThenScored(_ answers: AnswerSet, to target: FrameworkBundle) throws -> ScoreReport {
        var diagnostics = DiagnosticCollector()
        let locate = { (path: String) in SourceLocation(file: "a.json", line: 1, column: 1, path: path) }
        let released = history.releases.map(\.bundle).last {
            $0.framework.identity.version <= target.framework.identity.version
        }!
        let migrated = try #require(
            Migrator(history: history).migrate(
                answers, to: released.framework.identity.version, into: &diagnostics, locate: locate))
        var rescored = migrated.answers
        rescored.framework = BundleReference(target)
        return try #require(Scorer(bundle: target).score(rescored, into: &diagnostics, locate: locate))
    }

    static func assertImpactMatchesMigration(old: FrameworkBundle, new: FrameworkBundle) throws {
        let path = try ReleasePath.between(old, new, releases: bundles).get()
        let sets = answerSets(for: old)
        let impact = ImpactAnalysis(
            answerSets: sets.enumerated().map { ("set \($0.offset)", $0.element.jsonValue.canonicalBytes(), 1) },
            path: path)
        for (row, answers) in zip(impact.rows, sets) {
            let after = try #require(row.after, "\(row.problem ?? "")")
            let expected = try migratedThenScored(answers, to: new)
            #expect(after.percent == expected.percent, "\(row.title)")
            #expect(after.eligible == expected.eligible, "\(row.title)")
            #expect(after.stars == expected.stars, "\(row.title)")
        }
        #expect(Set(impact.rows.compactMap { $0.after?.eligible }).count == 2, "the sets straddle the threshold")
    }

    @Test(arguments: pairs)
    func impactFollowsTheMigrationChainBetweenReleases(_ old: String, _ new: String) throws {
        let bundle = { (version: String) in Self.bundles.first { $0.framework.identity.version.description == version }!
        }
        try Self.assertImpactMatchesMigration(old: bundle(old), new: bundle(new))
    }

    /// The sources compile to a bundle that is not released: its lineage leads from the newest
    /// release, and impact follows it just the same.
    @Test(arguments: versions)
    func impactFollowsTheMigrationChainToTheSources(_ old: String) throws {
        var sources = Self.bundles.last!
        sources.framework.identity.released = "2099-01-01"
        sources = FrameworkBundle(framework: sources.framework)
        let oldBundle = Self.bundles.first { $0.framework.identity.version.description == old }!
        try Self.assertImpactMatchesMigration(old: oldBundle, new: sources)
    }

    @Test func aNewerOldSideIsNotAnAncestor() {
        let result = ReleasePath.between(Self.bundles[2], Self.bundles[1], releases: Self.bundles)
        #expect(
            throws: ReleasePath.Gap.notAncestor(
                old: Self.bundles[2].framework.identity.version, new: Self.bundles[1].framework.identity.version)
        ) {
            try result.get()
        }
    }

    @Test func aMissingReleaseInBetweenIsNamed() {
        let (first, middle, last) = (Self.bundles[0], Self.bundles[1], Self.bundles[2])
        let result = ReleasePath.between(first, last, releases: [first, last])
        #expect(
            throws: ReleasePath.Gap.missingRelease(
                middle.framework.identity.version, neededBy: last.framework.identity.version)
        ) {
            try result.get()
        }
    }

    /// Across two releases the diff classifies through both releases' rules: a rename, a split
    /// and a retirement in 2.0.0 and a merge in 3.0.0 read from 1.1.0 as those four, and no
    /// criterion is "removed without a migration rule".
    @Test func theDiffAcrossReleasesComposesTheirRules() throws {
        let (first, last) = (Self.bundles[0], Self.bundles[2])
        let path = try ReleasePath.between(first, last, releases: Self.bundles).get()
        let rules = path.composedRules
        #expect(rules.contains(MigrationRule(kind: .rename, from: ["A7"], to: ["A11"])))
        #expect(rules.contains(MigrationRule(kind: .split, from: ["C6"], to: ["C8", "C9"])))
        #expect(rules.contains(MigrationRule(kind: .merge, from: ["C4", "C5"], to: ["C10"], combine: .allMet)))
        let retired = try #require(rules.first { $0.kind == .retire })
        #expect(retired.from == ["C7"] && retired.reason?["en"] == "Covered by C1")
        #expect(rules.count == 4, "\(rules)")
        let diff = FrameworkDiff(from: first.framework, to: last.framework, rules: rules)
        #expect(!diff.changes.contains { $0.kind == .criterionRemoved }, "\(diff.changes.map(\.kind))")
        let plain = FrameworkDiff(from: first.framework, to: last.framework)
        #expect(plain.changes.contains { $0.kind == .criterionRemoved })
    }
}
