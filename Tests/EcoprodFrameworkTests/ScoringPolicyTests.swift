import EcoprodFramework
import Testing

@Suite struct ScoringPolicyTests {
    @Test(arguments: [
        // (basis points, comparison, met, applicable, reached)
        (6500, Comparison.atLeast, 65, 100, true),
        (6500, .moreThan, 65, 100, false),
        (6500, .moreThan, 66, 100, true),
        (6500, .atLeast, 64, 100, false),
        (6500, .atLeast, 13, 20, true),
        (7000, .atLeast, 7, 10, true),
        (7000, .atLeast, 699, 1000, false),
        (6667, .atLeast, 2, 3, false),
        (6666, .atLeast, 2, 3, true),
        (10000, .moreThan, 5, 5, false),
        (10000, .atLeast, 5, 5, true),
        (6500, .atLeast, 0, 0, false),
    ])
    func thresholdComparesExactlyInIntegers(
        _ basisPoints: Int, _ comparison: Comparison, _ met: Int, _ applicable: Int, _ reached: Bool
    ) {
        #expect(
            Threshold(basisPoints: BasisPoints(basisPoints), comparison: comparison).isReached(
                met: met, applicable: applicable) == reached)
    }

    @Test(arguments: ["1.0.0", "0.1.0", "10.20.30", "1.0.0-rc.1", "1.0.0-alpha-1"])
    func semanticVersionsRoundTrip(_ text: String) {
        #expect(SemanticVersion(text)?.description == text)
    }

    @Test(arguments: ["1.0", "1.0.0.0", "01.0.0", "1.0.0-", "v1.0.0", "1.0.0+build", "", "1..0"])
    func invalidVersionsAreRefused(_ text: String) {
        #expect(SemanticVersion(text) == nil)
    }

    @Test func versionsOrderBySemver() {
        let sorted = ["1.10.0", "1.2.0", "1.0.0", "1.0.0-rc.2", "1.0.0-rc.10", "2.0.0", "1.0.0-beta"].compactMap(
            SemanticVersion.init
        ).sorted()
        #expect(
            sorted.map(\.description) == [
                "1.0.0-beta", "1.0.0-rc.2", "1.0.0-rc.10", "1.0.0", "1.2.0", "1.10.0", "2.0.0",
            ])
    }
}
