import EcoprodFramework
import Testing

/// The words a scoring change's consequence is given in, for the changelog and the diff.
@Suite struct ScoringEffectTests {
    static let applicability: [(before: [String], after: [String], locale: String, effect: String)] = [
        (["series"], ["series", "advertising"], "en", "A3: its points enter the total of advertising productions."),
        (["series", "advertising"], ["series"], "en", "A3: its points leave the total of advertising productions."),
        (
            ["series"], ["advertising"], "en",
            "A3: its points enter the total of advertising productions; its points leave the total of series productions."
        ),
        (
            ["series"], ["series", "advertising"], "fr",
            "A3 : ses points entrent dans le total des productions advertising."
        ),
        (
            ["series"], ["advertising"], "fr",
            "A3 : ses points entrent dans le total des productions advertising ; ses points sortent du total des productions series."
        ),
    ]

    @Test(arguments: applicability)
    func applicabilitySaysWhoseTotalsGainOrLoseThePoints(
        _ before: [String], _ after: [String], _ locale: String, _ effect: String
    ) {
        let change = Change.applicabilityChanged(.init("A3", department: "A"), before: before, after: after)
        #expect(change.scoringEffect(in: locale) == effect)
    }
}
