/// How a production's answers become a score, and what eligibility requires.
///
/// Every number here is data from `Framework/`, never a constant in code: the threshold,
/// its comparison, the star levels and the not-applicable rule are all the framework's to set.
public struct ScoringPolicy: Sendable, Hashable, Codable {
    /// How a criterion answered "not applicable" counts.
    public var notApplicable: NotApplicableRule
    /// The certification schemes, each with its threshold and star levels.
    public var schemes: [Scheme]

    public init(notApplicable: NotApplicableRule, schemes: [Scheme]) {
        self.notApplicable = notApplicable
        self.schemes = schemes
    }

    enum CodingKeys: String, CodingKey {
        case schemes
        case notApplicable = "not_applicable"
    }
}

/// The not-applicable rule. The working rule is that a criterion that does not apply leaves
/// both sides of the percentage, and that a mandatory criterion may not be declared so.
public struct NotApplicableRule: Sendable, Hashable, Codable {
    /// What a not-applicable answer does to the percentage.
    public enum Effect: String, Sendable, Hashable, Codable, CaseIterable {
        /// The criterion leaves both the points met and the applicable points.
        case excluded
        /// The criterion counts as applicable and not met.
        case notMet = "not-met"
    }

    /// What a not-applicable answer does to the percentage.
    public var effect: Effect
    /// Whether a mandatory criterion may be answered not-applicable.
    public var mandatoryAllowed: Bool

    public init(effect: Effect, mandatoryAllowed: Bool) {
        self.effect = effect
        self.mandatoryAllowed = mandatoryAllowed
    }

    enum CodingKeys: String, CodingKey {
        case effect
        case mandatoryAllowed = "mandatory_allowed"
    }
}

/// A certification scheme, such as "Performance" (at least 65%).
public struct Scheme: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var title: LocalizedText
    /// The percentage to reach, with its comparison.
    public var threshold: Threshold
    /// The star levels, lowest first; each is reached at or above its percentage.
    public var levels: [StarLevel]

    public init(id: String, title: LocalizedText, threshold: Threshold, levels: [StarLevel]) {
        self.id = id
        self.title = title
        self.threshold = threshold
        self.levels = levels
    }
}

/// A threshold with its comparison stated, because the label's own texts say both
/// "over 65%" and "at least 65%".
public struct Threshold: Sendable, Hashable, Codable {
    /// The percentage to reach: 65% is 6500 basis points.
    public var basisPoints: BasisPoints
    /// How the score is compared with `basisPoints`.
    public var comparison: Comparison

    public init(basisPoints: BasisPoints, comparison: Comparison) {
        self.basisPoints = basisPoints
        self.comparison = comparison
    }

    enum CodingKeys: String, CodingKey {
        case comparison
        case basisPoints = "basis_points"
    }

    /// Whether `met` points out of `applicable` reach the threshold, compared exactly in integers:
    /// `met × 10000 ≥ basisPoints × applicable` (or `>` for more-than). Zero applicable points never reach it.
    public func isReached(met: Int, applicable: Int) -> Bool {
        basisPoints.isReached(met: met, applicable: applicable, comparison: comparison)
    }

    /// The threshold as people read it: "≥ 65%".
    public var text: String { "\(comparison.symbol) \(basisPoints.shortText)%" }
}

/// How a score is compared with a threshold.
public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
    /// The score must be greater than or equal to the threshold ("≥ 65%").
    case atLeast = "at-least"
    /// The score must be strictly greater than the threshold ("over 65%").
    case moreThan = "more-than"

    /// The symbol used in human output.
    public var symbol: String {
        switch self {
        case .atLeast: return "≥"
        case .moreThan: return ">"
        }
    }
}

/// A star level: `stars` are awarded from `basisPoints` up (compared at-least).
public struct StarLevel: Sendable, Hashable, Codable {
    /// The number of stars awarded.
    public var stars: Int
    /// The percentage from which they are awarded.
    public var basisPoints: BasisPoints

    public init(stars: Int, basisPoints: BasisPoints) {
        self.stars = stars
        self.basisPoints = basisPoints
    }

    enum CodingKeys: String, CodingKey {
        case stars
        case basisPoints = "basis_points"
    }
}
