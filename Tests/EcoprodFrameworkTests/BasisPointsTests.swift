import EcoprodFramework
import Testing

/// The one owner of the percentage scale: its two textual forms, its ranges, its exact arithmetic.
struct BasisPointsTests {
    @Test(arguments: [(0, "0"), (6500, "65"), (6550, "65.5"), (6505, "65.05"), (10000, "100"), (-250, "-2.5")])
    func shortTextIsTheShortestExactForm(_ basisPoints: Int, _ text: String) {
        #expect(BasisPoints(basisPoints).shortText == text)
    }

    @Test(arguments: [(0, "0.00"), (6499, "64.99"), (6500, "65.00"), (6505, "65.05"), (10000, "100.00"), (-5, "-0.05")])
    func percentTextHasTwoDecimals(_ basisPoints: Int, _ text: String) {
        #expect(BasisPoints(basisPoints).percentText == text)
    }

    @Test(arguments: [(2, 3, 6666), (1, 3, 3333), (0, 0, 0), (5, 5, 10000), (64_999, 100_000, 6499)])
    func ratiosAreTruncatedNeverRounded(_ met: Int, _ applicable: Int, _ expected: Int) {
        #expect(BasisPoints(met: met, of: applicable) == BasisPoints(expected))
    }

    @Test(arguments: [
        (0, false, true), (1, true, true), (10000, true, true), (10001, false, false), (-1, false, false),
    ])
    func rangesAreOwnedHere(_ value: Int, _ isThreshold: Bool, _ isLevel: Bool) {
        #expect(BasisPoints.thresholdRange.contains(BasisPoints(value)) == isThreshold)
        #expect(BasisPoints.levelRange.contains(BasisPoints(value)) == isLevel)
        #expect(BasisPoints(value).isPercentage == isLevel)
    }

    /// The fewest points that reach a percentage do reach it, and one fewer does not.
    @Test(arguments: [Comparison.atLeast, .moreThan])
    func pointsToReachIsExact(_ comparison: Comparison) {
        for basisPoints in stride(from: 1, through: 10_000, by: 37) {
            for applicable in [1, 3, 7, 80, 113] {
                let value = BasisPoints(basisPoints)
                let needed = value.pointsToReach(applicable: applicable, comparison: comparison)
                #expect(value.isReached(met: needed, applicable: applicable, comparison: comparison))
                #expect(!value.isReached(met: needed - 1, applicable: applicable, comparison: comparison))
            }
        }
    }

    @Test func encodesAsAPlainInteger() throws {
        #expect(
            JSONValue(encoding: Threshold(basisPoints: 6500, comparison: .atLeast)) == [
                "basis_points": 6500, "comparison": "at-least",
            ])
    }
}
