/// A percentage in basis points, hundredths of a percent: 65% is 6500, 100% is 10,000.
///
/// This type is the one owner of the percentage scale. Scores, thresholds and star levels are
/// exact integers everywhere (in bundles, in reports, in every scorer), so the scale, the valid
/// ranges, the exact threshold comparison and both textual forms live here and nowhere else.
public struct BasisPoints: Sendable, Hashable, Comparable, Codable, ExpressibleByIntegerLiteral, CustomStringConvertible
{
    /// The basis points of 100%.
    public static let scale = 10_000
    /// 100%.
    public static let whole = BasisPoints(scale)
    /// What a scheme's threshold may be: more than 0% (a zero threshold states nothing) and at most 100%.
    public static let thresholdRange: ClosedRange<BasisPoints> = 1...whole
    /// What a star level may be: 0% to 100%.
    public static let levelRange: ClosedRange<BasisPoints> = 0...whole

    /// The number of basis points. It may lie outside 0…10,000 while a source is being checked;
    /// `isPercentage` and the ranges above say whether it is a valid one.
    public var rawValue: Int

    public init(_ rawValue: Int) {
        self.rawValue = rawValue
    }

    public init(integerLiteral value: Int) {
        self.rawValue = value
    }

    /// `met` over `applicable`, truncated (never rounded up past a threshold); 0% when nothing applies.
    public init(met: Int, of applicable: Int) {
        rawValue = applicable > 0 ? met * Self.scale / applicable : 0
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether the value is a percentage from 0% to 100%.
    public var isPercentage: Bool { Self.levelRange.contains(self) }

    /// The value with two decimals, truncated: 6499 is "64.99", 6500 is "65.00". Scores use it,
    /// so a score just under a threshold never reads as reaching it.
    public var percentText: String {
        let sign = rawValue < 0 ? "-" : ""
        let fraction = abs(rawValue) % 100
        return "\(sign)\(abs(rawValue) / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The shortest exact form, for rules and messages: 6500 is "65", 6550 is "65.5", 6505 is "65.05".
    public var shortText: String {
        let sign = rawValue < 0 ? "-" : ""
        let whole = abs(rawValue) / 100
        let fraction = abs(rawValue) % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        return fraction % 10 == 0
            ? "\(sign)\(whole).\(fraction / 10)" : "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public var description: String { shortText + "%" }

    /// Whether `met` points out of `applicable` reach this percentage under `comparison`, compared
    /// exactly by cross-multiplication: `met × 10000 ≥ self × applicable` (or `>`). Zero applicable
    /// points never reach it.
    public func isReached(met: Int, applicable: Int, comparison: Comparison) -> Bool {
        guard applicable > 0 else { return false }
        let left = met.multipliedReportingOverflow(by: Self.scale)
        let right = rawValue.multipliedReportingOverflow(by: applicable)
        precondition(!left.overflow && !right.overflow, "score operands out of range")
        switch comparison {
        case .atLeast: return left.partialValue >= right.partialValue
        case .moreThan: return left.partialValue > right.partialValue
        }
    }

    /// The fewest points out of `applicable` that reach this percentage under `comparison`: the
    /// smallest integer m with m × 10000 ≥ self × applicable (or >), found without floating point.
    public func pointsToReach(applicable: Int, comparison: Comparison) -> Int {
        let product = rawValue * applicable
        switch comparison {
        case .atLeast: return (product + Self.scale - 1) / Self.scale
        case .moreThan: return product / Self.scale + 1
        }
    }

    /// The share of `length` this percentage covers, clamped to 0…100% and truncated; charts use it.
    public func share(of length: Int) -> Int {
        length * min(max(rawValue, 0), Self.scale) / Self.scale
    }

    public static func < (lhs: BasisPoints, rhs: BasisPoints) -> Bool { lhs.rawValue < rhs.rawValue }
}
