import Foundation

/// The statistics of a tally, each figure computed as docs/stats.md defines it, with every
/// figure over fewer than `minGroup` productions suppressed, and the findings for the editors.
public struct StatisticsReport: Sendable {
    /// The findings' thresholds and the privacy floor.
    public struct Options: Sendable {
        public var minGroup = 5
        public var alwaysMet = 0.95
        public var notApplicableShare = 0.5
        public var blockingShare = 0.1

        public init() {}
    }

    /// A figure, or the mark that it was computed over too few productions to show.
    public enum Figure: Sendable, Equatable {
        case value(Double)
        /// Undefined (no variance, no production to compute it over).
        case none
        case suppressed

        var jsonValue: JSONValue {
            switch self {
            case .value(let number): return number.isFinite ? .number(String(number)) : .null
            case .none: return .null
            case .suppressed: return .string("suppressed")
            }
        }

        public var text: String {
            switch self {
            case .value(let number): return String(format: "%.3f", number)
            case .none: return "—"
            case .suppressed: return "suppressed"
            }
        }
    }

    public struct CriterionFigures: Sendable {
        public var id: String
        public var department: String
        public var mandatory: Bool
        public var applies: Figure
        public var metRate: Figure
        public var interval: (low: Figure, high: Figure)
        public var notApplicableRate: Figure
        public var unansweredRate: Figure
        public var correlation: Figure
        public var discrimination: Figure
        public var blocking: Figure
    }

    public struct DepartmentFigures: Sendable {
        public var id: String
        public var metRate: Figure
        public var alpha: Figure
    }

    public struct GroupFigures: Sendable {
        public var scheme: String
        public var type: String
        public var productions: Figure
        public var eligibleRate: Figure
        /// Stars → share of the group.
        public var stars: [(stars: Int, share: Figure)]
        /// Minimum, quartiles and maximum, in percent.
        public var quantiles: [(name: String, value: Figure)]
        /// Productions per band of ten percentage points, 0–10 to 90–100.
        public var histogram: [Figure]
    }

    public var bundle: BundleReference
    public var productions: Int
    public var options: Options
    public var criteria: [CriterionFigures]
    public var departments: [DepartmentFigures]
    public var groups: [GroupFigures]
    public var findings: [Diagnostic]
    /// How many answer sets were migrated, from each version; how many were left out.
    public var migratedFrom: [String: Int] = [:]
    public var leftOut = 0

    public init(_ tally: StatisticsTally, options: Options = Options()) {
        let framework = tally.bundle.framework
        bundle = BundleReference(tally.bundle)
        productions = tally.productions
        self.options = options
        criteria = zip(framework.criteria, tally.criteria).map { Self.figures($0, $1, options) }
        departments = framework.departments.map { department in
            Self.figures(department.id, tally.departments[department.id], options)
        }
        groups = tally.groups.keys.sorted().map { Self.figures($0, tally.groups[$0]!, options) }
        findings = Self.editorFindings(framework, tally, criteria, options, file: tally.bundle.fileName)
    }

    /// The Wilson score interval at 95% for `successes` of `total`.
    public static func wilson(_ successes: Int, of total: Int) -> (Double, Double) {
        let z = 1.959963984540054
        let n = Double(total)
        let p = Double(successes) / n
        let denominator = 1 + z * z / n
        let center = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        return (center - half, center + half)
    }

    static func figures(
        _ criterion: Criterion, _ tally: StatisticsTally.CriterionTally, _ options: Options
    ) -> CriterionFigures {
        let shown = tally.applies >= options.minGroup
        let rate = { (count: Int) -> Figure in shown ? .value(Double(count) / Double(tally.applies)) : .suppressed }
        let (low, high) = shown ? wilson(tally.met, of: tally.applies) : (0, 0)
        let correlated = tally.n >= options.minGroup
        return CriterionFigures(
            id: criterion.id, department: criterion.department, mandatory: criterion.mandatory,
            applies: shown ? .value(Double(tally.applies)) : .suppressed, metRate: rate(tally.met),
            interval: shown ? (.value(low), .value(high)) : (.suppressed, .suppressed),
            notApplicableRate: rate(tally.notApplicable), unansweredRate: rate(tally.unanswered),
            correlation: correlated ? correlation(tally) : .suppressed,
            discrimination: correlated ? discrimination(tally) : .suppressed,
            blocking: shown ? .value(Double(tally.blocking)) : .suppressed)
    }

    /// Pearson's r between x (met) and y (the percentage without the criterion): the
    /// point-biserial correlation.
    static func correlation(_ tally: StatisticsTally.CriterionTally) -> Figure {
        let n = Double(tally.n)
        let covariance = n * tally.sumXY - tally.sumX * tally.sumY
        let spread = (n * tally.sumX - tally.sumX * tally.sumX) * (n * tally.sumYY - tally.sumY * tally.sumY)
        return spread > 0 ? .value(covariance / spread.squareRoot()) : .none
    }

    /// Met rate in the top third minus met rate in the bottom third, by the same percentage;
    /// productions tied at a third's edge count in proportion.
    static func discrimination(_ tally: StatisticsTally.CriterionTally) -> Figure {
        let third = tally.n / 3
        guard third > 0 else { return .none }
        let ordered = tally.thirds.keys.sorted()
        func metIn(_ keys: [StatisticsTally.Fraction]) -> Double {
            var left = Double(third)
            var met = 0.0
            for key in keys where left > 0 {
                let group = tally.thirds[key]!
                let taken = min(left, Double(group.count))
                met += Double(group.met) * taken / Double(group.count)
                left -= taken
            }
            return met
        }
        return .value((metIn(ordered.reversed()) - metIn(ordered)) / Double(third))
    }

    static func figures(_ id: String, _ tally: StatisticsTally.DepartmentTally?, _ options: Options)
        -> DepartmentFigures
    {
        guard let tally, tally.productions >= options.minGroup else {
            return DepartmentFigures(id: id, metRate: .suppressed, alpha: .suppressed)
        }
        let rate: Figure = tally.applicable > 0 ? .value(Double(tally.met) / Double(tally.applicable)) : .none
        guard tally.alphaCount >= options.minGroup else {
            return DepartmentFigures(id: id, metRate: rate, alpha: .suppressed)
        }
        let n = Double(tally.alphaCount)
        let k = Double(tally.itemSums.count)
        let itemVariance = tally.itemSums.reduce(0.0) { $0 + (Double($1) - Double($1) * Double($1) / n) / (n - 1) }
        let total = Double(tally.totalSum)
        let totalVariance = (Double(tally.totalSquares) - total * total / n) / (n - 1)
        let alpha: Figure =
            k >= 2 && totalVariance > 0 ? .value(k / (k - 1) * (1 - itemVariance / totalVariance)) : .none
        return DepartmentFigures(id: id, metRate: rate, alpha: alpha)
    }

    static func figures(_ key: StatisticsTally.GroupKey, _ tally: StatisticsTally.GroupTally, _ options: Options)
        -> GroupFigures
    {
        let names = ["min", "q1", "median", "q3", "max"]
        guard tally.count >= options.minGroup else {
            return GroupFigures(
                scheme: key.scheme, type: key.type, productions: .suppressed, eligibleRate: .suppressed, stars: [],
                quantiles: names.map { ($0, .suppressed) }, histogram: Array(repeating: .suppressed, count: 10))
        }
        let count = Double(tally.count)
        let ordered = tally.basisPoints.keys.sorted()
        func quantile(_ share: Double) -> Double {
            let rank = max(1, Int((share * count).rounded(.up)))
            var seen = 0
            for value in ordered {
                seen += tally.basisPoints[value]!
                if seen >= rank { return Double(value) / 100 }
            }
            return Double(ordered.last ?? 0) / 100
        }
        var histogram = Array(repeating: 0, count: 10)
        for (value, number) in tally.basisPoints { histogram[min(9, value / 1000)] += number }
        return GroupFigures(
            scheme: key.scheme, type: key.type, productions: .value(count),
            eligibleRate: .value(Double(tally.eligible) / count),
            stars: tally.stars.keys.sorted().map { ($0, .value(Double(tally.stars[$0]!) / count)) },
            quantiles: zip(names, [0.0, 0.25, 0.5, 0.75, 1.0]).map {
                ($0, .value($1 == 0 ? Double(ordered[0]) / 100 : quantile($1)))
            },
            histogram: histogram.map { .value(Double($0)) })
    }
}
