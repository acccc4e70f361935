import EcoprodFramework

/// The grid's formulas, written from the bundle's scoring policy, and the values the reference
/// scorer's rules give each of them.
///
/// Every figure is exact: sums of integer points, and percentages and thresholds compared by
/// integer cross-multiplication (`met × 10000 ≥ bp × applicable`), as ``Threshold/isReached``
/// does; a truncated percentage is `(m − MOD(m, a)) / a` with `m = met × 10000`, never a
/// rounded division. Status words are matched in either locale, as the importer reads them.
struct GridFormulas {
    let policy: NotApplicableRule
    /// The grid sheet's name, as formulas on other sheets refer to it.
    let gridSheet: String

    private var identity: String { GridLayout.Sheet.identity.name("") }

    /// The chosen type's ID, resolved by the identity sheet.
    var chosenType: String { identity + "!" + GridLayout.IdentityRow.type.value.absolute }
    /// The chosen scheme's ID, resolved by the identity sheet.
    var chosenScheme: String { identity + "!" + GridLayout.IdentityRow.scheme.value.absolute }

    // MARK: Per criterion row

    /// `applies`: empty until a type is chosen, then 1 or 0.
    func applies(row: Int) -> String {
        let list = GridColumn.appliesList.letter + String(row)
        return "IF(\(chosenType)=\"\",\"\",IF(ISNUMBER(FIND(\";\"&\(chosenType)&\";\",\";\"&\(list)&\";\")),1,0))"
    }

    /// `counted`: the points in the applicable total.
    func counted(row: Int) -> String {
        let points = GridColumn.points.letter + String(row)
        switch policy.effect {
        case .excluded: return "IF(\(appliesCell(row))=1,IF(\(isStatus(.notApplicable, row: row)),0,\(points)),0)"
        case .notMet: return "IF(\(appliesCell(row))=1,\(points),0)"
        }
    }

    /// `met`: the points met.
    func met(row: Int) -> String {
        "IF(AND(\(appliesCell(row))=1,\(isStatus(.met, row: row))),\(GridColumn.points.letter)\(row),0)"
    }

    /// `mandatory missing`, for a mandatory criterion: applicable, counted and not met.
    func mandatoryMissing(row: Int) -> String {
        if policy.effect == .excluded && policy.mandatoryAllowed {
            return
                "IF(AND(\(appliesCell(row))=1,NOT(\(isStatus(.notApplicable, row: row))),NOT(\(isStatus(.met, row: row)))),1,0)"
        }
        return "IF(AND(\(appliesCell(row))=1,NOT(\(isStatus(.met, row: row)))),1,0)"
    }

    private func appliesCell(_ row: Int) -> String { GridColumn.applies.letter + String(row) }

    private func isStatus(_ status: AnswerStatus, row: Int) -> String {
        let cell = GridColumn.status.letter + String(row)
        return "OR(" + GridWords.spellings(status).map { "TRIM(\(cell))=" + Self.string($0) }.joined(separator: ",")
            + ")"
    }

    /// The row's cached values, by the scorer's rules: applies (nil before a type is chosen),
    /// counted, met and mandatory missing.
    func cached(_ criterion: Criterion, status: AnswerStatus?, type: String?) -> (
        applies: Int?, counted: Int, met: Int, missing: Int
    ) {
        guard let type else { return (nil, 0, 0, 0) }
        guard criterion.applies(to: type) else { return (0, 0, 0, 0) }
        let excluded = status == .notApplicable && policy.effect == .excluded
        let counted = excluded ? 0 : criterion.points
        let met = status == .met ? criterion.points : 0
        let skipsMandatory = excluded && policy.mandatoryAllowed
        let missing = criterion.mandatory && !skipsMandatory && status != .met ? 1 : 0
        return (1, counted, met, missing)
    }

    // MARK: The Score sheet

    /// A column's sum over the grid's rows.
    func total(_ column: GridColumn, rows: ClosedRange<Int>) -> String {
        "SUM(\(gridSheet)!$\(column.letter)$\(rows.lowerBound):$\(column.letter)$\(rows.upperBound))"
    }

    /// The percentage, truncated to whole basis points, as a fraction: `met` over `applicable`.
    static func percent(met: String, applicable: String) -> String {
        "IF(\(applicable)>0,(\(met)*10000-MOD(\(met)*10000,\(applicable)))/\(applicable),0)/10000"
    }

    /// Whether `met` out of `applicable` reaches `basisPoints` under `comparison`, exactly.
    static func reaches(met: String, applicable: String, _ basisPoints: BasisPoints, _ comparison: Comparison) -> String
    {
        let symbol: String
        switch comparison {
        case .atLeast: symbol = ">="
        case .moreThan: symbol = ">"
        }
        return "AND(\(applicable)>0,\(met)*10000\(symbol)\(basisPoints.rawValue)*\(applicable))"
    }

    /// The stars of a scheme when `eligible`, else 0: the highest level reached.
    static func stars(met: String, applicable: String, levels: [StarLevel], eligible: String) -> String {
        let tests = levels.map {
            "IF(\(reaches(met: met, applicable: applicable, $0.basisPoints, .atLeast)),\($0.stars),0)"
        }
        return "IF(\(eligible),MAX(0\(tests.map { "," + $0 }.joined())),0)"
    }

    /// The points still to meet: the smallest m with (met + m) × 10000 reaching the threshold.
    static func pointsNeeded(met: String, applicable: String, _ threshold: Threshold) -> String {
        let product = "\(threshold.basisPoints.rawValue)*\(applicable)"
        let toReach: String
        switch threshold.comparison {
        case .atLeast: toReach = "(\(product)+9999-MOD(\(product)+9999,10000))/10000"
        case .moreThan: toReach = "(\(product)-MOD(\(product),10000))/10000+1"
        }
        return "IF(\(applicable)>0,MAX(0,\(toReach)-\(met)),0)"
    }

    /// A string literal in a formula.
    static func string(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
