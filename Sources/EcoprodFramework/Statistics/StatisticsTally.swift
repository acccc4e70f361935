/// The counts and sums `ecoprod stats` keeps while answer sets stream past: flat in the number
/// of productions (per criterion, department and group, never per production), so 100,000
/// answer sets take one pass and the memory of ten.
///
/// Each figure is defined in docs/stats.md so that any statistician recomputes it; the
/// contract check in CI compares them with scipy and numpy.
public struct StatisticsTally: Sendable {
    public let bundle: FrameworkBundle
    var criteria: [CriterionTally]
    var departments: [String: DepartmentTally]
    var groups: [GroupKey: GroupTally] = [:]
    /// Productions counted.
    public private(set) var productions = 0

    /// A fraction kept exactly, for the discrimination index's thirds.
    struct Fraction: Hashable, Comparable {
        let numerator: Int
        let denominator: Int

        init(_ numerator: Int, _ denominator: Int) {
            var a = numerator
            var b = denominator
            while b != 0 { (a, b) = (b, a % b) }
            let divisor = Swift.max(a, 1)
            self.numerator = numerator / divisor
            self.denominator = denominator / divisor
        }

        var value: Double { Double(numerator) / Double(denominator) }
        static func < (left: Fraction, right: Fraction) -> Bool {
            left.numerator * right.denominator < right.numerator * left.denominator
        }
    }

    struct CriterionTally: Sendable {
        var applies = 0
        var met = 0
        var notApplicable = 0
        var unanswered = 0
        /// Productions of each type it applies to, and how many answered it not applicable.
        var perType: [String: (applies: Int, notApplicable: Int)] = [:]
        /// The corrected item–total correlation's sums: x met or not, y the percentage without it.
        var n = 0
        var sumX = 0.0
        var sumY = 0.0
        var sumXY = 0.0
        var sumYY = 0.0
        /// Each corrected percentage met by how many productions, and by how many of those met.
        var thirds: [Fraction: (count: Int, met: Int)] = [:]
        var blocking = 0
    }

    struct DepartmentTally: Sendable {
        /// Productions with at least one applicable answer in the department.
        var productions = 0
        var applicable = 0
        var met = 0
        /// Cronbach's alpha's sums, over productions every criterion of the department applies to
        /// and that answered none of them not applicable.
        var alphaCount = 0
        var itemSums: [Int]
        var totalSum = 0
        var totalSquares = 0
    }

    struct GroupKey: Hashable, Comparable, Sendable {
        var scheme: String
        var type: String
        static func < (left: GroupKey, right: GroupKey) -> Bool {
            (left.scheme, left.type) < (right.scheme, right.type)
        }
    }

    struct GroupTally: Sendable {
        var count = 0
        var eligible = 0
        var stars: [Int: Int] = [:]
        /// Each exact percentage, in basis points, and how many productions have it.
        var basisPoints: [Int: Int] = [:]
    }

    public init(bundle: FrameworkBundle) {
        self.bundle = bundle
        criteria = Array(repeating: CriterionTally(), count: bundle.framework.criteria.count)
        var departments: [String: DepartmentTally] = [:]
        for department in bundle.framework.departments {
            let count = bundle.framework.criteria.filter { $0.department == department.id }.count
            departments[department.id] = DepartmentTally(itemSums: Array(repeating: 0, count: count))
        }
        self.departments = departments
    }

    /// Counts one production, scored against the tally's bundle.
    public mutating func add(_ scored: ScoredAnswers) {
        let framework = bundle.framework
        let report = scored.report
        let type = report.production.type
        productions += 1
        var group = groups[GroupKey(scheme: report.production.scheme, type: type), default: GroupTally()]
        group.count += 1
        group.eligible += report.eligible ? 1 : 0
        group.stars[report.stars, default: 0] += 1
        group.basisPoints[report.basisPoints.rawValue, default: 0] += 1
        groups[GroupKey(scheme: report.production.scheme, type: type)] = group
        let scheme = framework.scoring.schemes.first { $0.id == report.production.scheme }
        var rows: [String: [Int]] = [:]
        var excluded: Set<String> = []
        for (index, criterion) in framework.criteria.enumerated() {
            let status = scored.answers.answers[criterion.id]?.status
            let applies = criterion.applies(to: type)
            if applies { tallyCriterion(criterion, index: index, status: status, report: report, scheme: scheme) }
            if !applies || status == .notApplicable {
                excluded.insert(criterion.department)
            } else {
                rows[criterion.department, default: []].append(status == .met ? 1 : 0)
            }
        }
        for department in rows.keys { departments[department]?.productions += 1 }
        for (department, items) in rows where !excluded.contains(department) {
            guard var tally = departments[department], items.count == tally.itemSums.count else { continue }
            tally.alphaCount += 1
            for (item, value) in items.enumerated() { tally.itemSums[item] += value }
            let total = items.reduce(0, +)
            tally.totalSum += total
            tally.totalSquares += total * total
            departments[department] = tally
        }
    }

    /// One applicable criterion of one production.
    private mutating func tallyCriterion(
        _ criterion: Criterion, index: Int, status: AnswerStatus?, report: ScoreReport, scheme: Scheme?
    ) {
        var tally = criteria[index]
        let type = report.production.type
        tally.applies += 1
        tally.perType[type, default: (0, 0)].applies += 1
        var department = departments[criterion.department]!
        switch status {
        case .met?:
            tally.met += 1
        case .notApplicable?:
            tally.notApplicable += 1
            tally.perType[type, default: (0, 0)].notApplicable += 1
        case .notMet?: break
        case nil: tally.unanswered += 1
        }
        if status != .notApplicable {
            department.applicable += 1
            department.met += status == .met ? 1 : 0
            let x = status == .met ? 1 : 0
            let points = report.points - criterion.points * x
            let applicable = report.applicablePoints - criterion.points
            if applicable > 0 {
                let y = Double(points) / Double(applicable)
                tally.n += 1
                tally.sumX += Double(x)
                tally.sumY += y
                tally.sumXY += Double(x) * y
                tally.sumYY += y * y
                let key = Fraction(points, applicable)
                tally.thirds[key, default: (0, 0)].count += 1
                tally.thirds[key, default: (0, 0)].met += x
            }
        }
        if status != .met, let scheme,
            Self.wouldChange(
                report, meeting: criterion, status: status, scheme: scheme,
                policy: bundle.framework.scoring.notApplicable)
        {
            tally.blocking += 1
        }
        criteria[index] = tally
        departments[criterion.department] = department
    }

    /// Whether meeting `criterion` alone would change the production's eligibility or stars.
    static func wouldChange(
        _ report: ScoreReport, meeting criterion: Criterion, status: AnswerStatus?, scheme: Scheme,
        policy: NotApplicableRule
    ) -> Bool {
        let met = report.points + criterion.points
        let applicable =
            report.applicablePoints + (status == .notApplicable && policy.effect == .excluded ? criterion.points : 0)
        let missing = report.mandatoryMissing.filter { $0 != criterion.id }
        let eligible = missing.isEmpty && scheme.threshold.isReached(met: met, applicable: applicable)
        let stars =
            eligible
            ? scheme.levels.filter {
                Threshold(basisPoints: $0.basisPoints, comparison: .atLeast).isReached(met: met, applicable: applicable)
            }.map(\.stars).max() ?? 0 : 0
        return eligible != report.eligible || stars != report.stars
    }
}

extension StatisticsTally {
    /// Adds another tally of the same bundle, counted over other productions: a stream is
    /// counted in chunks on every core, and the chunks' tallies merged in order, so that the
    /// sums are added in the same order on every machine.
    public mutating func merge(_ other: StatisticsTally) {
        productions += other.productions
        for index in criteria.indices {
            let theirs = other.criteria[index]
            criteria[index].applies += theirs.applies
            criteria[index].met += theirs.met
            criteria[index].notApplicable += theirs.notApplicable
            criteria[index].unanswered += theirs.unanswered
            for (type, counts) in theirs.perType {
                criteria[index].perType[type, default: (0, 0)].applies += counts.applies
                criteria[index].perType[type, default: (0, 0)].notApplicable += counts.notApplicable
            }
            criteria[index].n += theirs.n
            criteria[index].sumX += theirs.sumX
            criteria[index].sumY += theirs.sumY
            criteria[index].sumXY += theirs.sumXY
            criteria[index].sumYY += theirs.sumYY
            for (key, counts) in theirs.thirds {
                criteria[index].thirds[key, default: (0, 0)].count += counts.count
                criteria[index].thirds[key, default: (0, 0)].met += counts.met
            }
            criteria[index].blocking += theirs.blocking
        }
        for (id, theirs) in other.departments {
            guard var mine = departments[id] else { continue }
            mine.productions += theirs.productions
            mine.applicable += theirs.applicable
            mine.met += theirs.met
            mine.alphaCount += theirs.alphaCount
            for item in mine.itemSums.indices { mine.itemSums[item] += theirs.itemSums[item] }
            mine.totalSum += theirs.totalSum
            mine.totalSquares += theirs.totalSquares
            departments[id] = mine
        }
        for (key, theirs) in other.groups {
            var mine = groups[key, default: GroupTally()]
            mine.count += theirs.count
            mine.eligible += theirs.eligible
            for (stars, count) in theirs.stars { mine.stars[stars, default: 0] += count }
            for (value, count) in theirs.basisPoints { mine.basisPoints[value, default: 0] += count }
            groups[key] = mine
        }
    }
}
