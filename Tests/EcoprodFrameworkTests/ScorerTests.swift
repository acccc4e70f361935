import Foundation
import TestSupport
import Testing

@testable import EcoprodFramework

private func score(_ answers: AnswerSet, bundle: FrameworkBundle = latestRelease) -> (ScoreReport?, [Diagnostic]) {
    var diagnostics = DiagnosticCollector()
    let report = Scorer(bundle: bundle).score(answers, into: &diagnostics) {
        SourceLocation(file: "answers.json", line: 1, column: 1, path: $0)
    }
    return (report, diagnostics.sorted())
}

/// An independent scorer, written from the policy's definition with decimal arithmetic instead
/// of the reference scorer's integer cross-multiplication.
private func independentScore(_ answers: AnswerSet, bundle: FrameworkBundle) -> (
    percent: Decimal, eligible: Bool, stars: Int
) {
    let scheme = bundle.framework.scoring.schemes.first { $0.id == answers.production.scheme }!
    var met = Decimal(0)
    var applicable = Decimal(0)
    var mandatoryOK = true
    for criterion in bundle.framework.criteria where criterion.appliesTo.contains(answers.production.type) {
        let status = answers.answers[criterion.id]?.status
        if status == .notApplicable { continue }
        applicable += Decimal(criterion.points)
        if status == .met { met += Decimal(criterion.points) } else if criterion.mandatory { mandatoryOK = false }
    }
    let percent = applicable == 0 ? Decimal(0) : met * 100 / applicable
    let threshold = Decimal(scheme.threshold.basisPoints.rawValue) / 100
    let reached =
        applicable > 0 && (scheme.threshold.comparison == .atLeast ? percent >= threshold : percent > threshold)
    let eligible = reached && mandatoryOK
    let stars =
        eligible
        ? scheme.levels.filter { percent >= Decimal($0.basisPoints.rawValue) / 100 }.map(\.stars).max() ?? 0 : 0
    return (percent, eligible, stars)
}

@Suite struct ScorerTests {
    @Test func thousandRandomAnswerSetsMatchAnIndependentComputation() throws {
        var generator = SplitMix(seed: 2023)
        let bundle = latestRelease
        let types = bundle.framework.productionTypes.map(\.id)
        let schemes = bundle.framework.scoring.schemes.map(\.id)
        for _ in 0..<1000 {
            var statuses: [String: AnswerStatus] = [:]
            for criterion in bundle.framework.criteria {
                switch generator.next() % 10 {
                case 0: continue
                case 1: if !criterion.mandatory { statuses[criterion.id] = .notApplicable }
                case 2, 3: statuses[criterion.id] = .notMet
                default: statuses[criterion.id] = .met
                }
            }
            let answers = AnswerSets.make(
                bundle, type: types[Int(generator.next() % UInt64(types.count))],
                scheme: schemes[Int(generator.next() % UInt64(schemes.count))], statuses: statuses)
            let (report, diagnostics) = score(answers)
            let expected = independentScore(answers, bundle: bundle)
            let reportValue = try #require(report, "\(diagnostics)")
            #expect(reportValue.eligible == expected.eligible)
            #expect(reportValue.stars == expected.stars)
            let truncated = Decimal(string: reportValue.percent)!
            #expect(truncated <= expected.percent && expected.percent - truncated < Decimal(string: "0.01")!)
        }
    }

    @Test(arguments: [
        ("performance", 65, 100, true), ("performance", 64, 100, false), ("performance", 52, 80, true),
        ("performance", 51, 80, false),
        ("commitment-phase", 70, 100, true), ("commitment-phase", 69, 100, false), ("commitment-phase", 56, 80, true),
        ("commitment-phase", 55, 80, false),
    ])
    func boundaryAtTheThresholdFollowsTheComparison(_ scheme: String, _ met: Int, _ applicable: Int, _ eligible: Bool)
        throws
    {
        let statuses = try #require(
            AnswerSets.statuses(latestRelease, type: "feature-film", met: met, applicable: applicable))
        let (report, diagnostics) = score(AnswerSets.make(latestRelease, scheme: scheme, statuses: statuses))
        let value = try #require(report, "\(diagnostics)")
        #expect(value.points == met)
        #expect(value.applicablePoints == applicable)
        #expect(value.eligible == eligible)
        #expect(value.pointsNeeded == (eligible ? 0 : 1))
    }

    @Test func exactlySixtyFivePercentShowsAsSixtyFive() throws {
        let statuses = try #require(AnswerSets.statuses(latestRelease, type: "series", met: 65, applicable: 100))
        let report = try #require(score(AnswerSets.make(latestRelease, type: "series", statuses: statuses)).0)
        #expect(report.percent == "65.00")
        #expect(report.stars == 1)
    }

    @Test func oneMandatoryMissingIsNotEligibleWhateverTheScore() throws {
        var statuses = Dictionary(
            uniqueKeysWithValues: latestRelease.framework.criteria.map { ($0.id, AnswerStatus.met) })
        statuses["A4"] = .notMet
        let report = try #require(score(AnswerSets.make(latestRelease, statuses: statuses)).0)
        #expect(!report.eligible)
        #expect(report.stars == 0)
        #expect(report.mandatoryMissing == ["A4"])
        #expect(report.pointsNeeded == 0)
    }

    @Test func unansweredCriteriaCountAsNotMetAndAreListed() throws {
        var statuses = Dictionary(
            uniqueKeysWithValues: latestRelease.framework.criteria.map { ($0.id, AnswerStatus.met) })
        statuses.removeValue(forKey: "B3")
        statuses.removeValue(forKey: "J5")
        let report = try #require(score(AnswerSets.make(latestRelease, statuses: statuses)).0)
        #expect(report.unanswered == ["B3", "J5"])
        #expect(report.points == report.applicablePoints - 3)
    }

    @Test func criteriaThatDoNotApplyToTheTypeLeaveTheDenominator() throws {
        let statuses = Dictionary(
            uniqueKeysWithValues: latestRelease.framework.criteria.map { ($0.id, AnswerStatus.met) })
        let film = try #require(score(AnswerSets.make(latestRelease, type: "feature-film", statuses: statuses)).0)
        let advert = try #require(score(AnswerSets.make(latestRelease, type: "advertising", statuses: statuses)).0)
        #expect(film.applicablePoints == latestRelease.framework.totalPoints)
        #expect(advert.applicablePoints < film.applicablePoints)
        #expect(advert.percent == "100.00")
    }

    struct BadAnswers: Sendable, CustomTestStringConvertible {
        var name: String
        var edit: @Sendable (inout AnswerSet) -> Void
        var code: DiagnosticCode
        var path: String
        var testDescription: String { name }
    }

    static let badAnswers: [BadAnswers] = [
        .init(
            name: "unknown criterion", edit: { $0.answers["Z9"] = Answer(status: .met) },
            code: .answersUnknownCriterion, path: "$.answers.Z9"),
        .init(
            name: "mandatory not applicable", edit: { $0.answers["A1"] = Answer(status: .notApplicable) },
            code: .answersNotApplicableRefused, path: "$.answers.A1.status"),
        .init(
            name: "unknown type", edit: { $0.production.type = "animation" }, code: .answersUnknownType,
            path: "$.production.type"),
        .init(
            name: "unknown scheme", edit: { $0.production.scheme = "gold" }, code: .answersUnknownScheme,
            path: "$.production.scheme"),
        .init(
            name: "other version", edit: { $0.framework.version = SemanticVersion("1.0.0")! },
            code: .answersVersionMismatch, path: "$.framework.version"),
        .init(
            name: "other digest", edit: { $0.framework.digest = "sha256:" + String(repeating: "0", count: 64) },
            code: .answersVersionMismatch, path: "$.framework.digest"),
    ]

    @Test(arguments: badAnswers)
    func badAnswersAreReportedAtTheirJSONPath(_ bad: BadAnswers) throws {
        var answers = AnswerSets.make(latestRelease, statuses: ["A1": .met])
        bad.edit(&answers)
        let (report, diagnostics) = score(answers)
        #expect(report == nil)
        let found = try #require(diagnostics.first { $0.code == bad.code }, "\(diagnostics.map(\.code))")
        #expect(found.location.path == bad.path)
        if bad.code == .answersVersionMismatch { #expect(found.help?.contains("ecoprod migrate") == true) }
    }

    @Test(arguments: [
        (6500, Comparison.atLeast, 60, 100, 5), (6500, .moreThan, 65, 100, 1), (6500, .atLeast, 12, 20, 1),
        (6500, .atLeast, 100, 100, 0), (6667, .atLeast, 0, 3, 3), (10000, .moreThan, 5, 5, 1),
    ])
    func pointsNeededIsTheSmallestThatReachesTheThreshold(
        _ basisPoints: Int, _ comparison: Comparison, _ met: Int, _ applicable: Int, _ needed: Int
    ) {
        let threshold = Threshold(basisPoints: BasisPoints(basisPoints), comparison: comparison)
        #expect(Scorer.pointsNeeded(met: met, applicable: applicable, threshold: threshold) == needed)
        if needed > 0 && met + needed <= applicable {
            #expect(threshold.isReached(met: met + needed, applicable: applicable))
            #expect(!threshold.isReached(met: met + needed - 1, applicable: applicable))
        }
    }
}
