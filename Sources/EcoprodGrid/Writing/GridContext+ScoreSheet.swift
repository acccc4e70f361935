import EcoprodFramework
import EcoprodReports

/// The Score sheet: live formulas over the grid, each with the reference scorer's value cached.
///
/// Totals first (points met, applicable points, the percentage, mandatory criteria missing),
/// then one row per scheme (threshold, reached, eligible, stars, points still needed), the
/// chosen scheme's verdict, and the breakdown per department.
extension GridContext {
    /// The rows of the totals, the scheme table and the department table.
    enum ScoreRow {
        static let met = 3, applicable = 4, percent = 5, mandatoryMissing = 6
        static let schemeHeader = 8
        static var firstScheme: Int { schemeHeader + 1 }
    }

    func scoreSheet() -> XMLMarkup {
        var data = SheetData()
        let met = "$B$\(ScoreRow.met)"
        let applicable = "$B$\(ScoreRow.applicable)"
        let reference = schemeReports.compactMap { $0 }.first
        data.set(CellReference(column: 1, row: 1), .text(label(.scoreReport)), style: .title)
        let totals: [(Int, ReportLabel, SheetData.Value, GridStyle)] = [
            (
                ScoreRow.met, Self.pointsMet,
                .formula(formulas.total(.metPoints, rows: criterionRows), cached: .number(reference?.points ?? 0)),
                .plain
            ),
            (
                ScoreRow.applicable, Self.applicablePoints,
                .formula(
                    formulas.total(.counted, rows: criterionRows), cached: .number(reference?.applicablePoints ?? 0)),
                .plain
            ),
            (
                ScoreRow.percent, .score,
                .formula(
                    GridFormulas.percent(met: met, applicable: applicable),
                    cached: Self.fraction(reference?.basisPoints)), .percent
            ),
            (
                ScoreRow.mandatoryMissing, Self.mandatoryMissing,
                .formula(
                    formulas.total(.mandatoryMissing, rows: criterionRows),
                    cached: .number(reference?.mandatoryMissing.count ?? 0)), .plain
            ),
        ]
        for (row, caption, value, style) in totals {
            data.set(CellReference(column: 1, row: row), .text(label(caption)), style: .label)
            data.set(CellReference(column: 2, row: row), value, style: style)
        }
        let headers: [ReportLabel] = [
            .scheme, .threshold, Self.comparison, Self.reached, .eligible, .stars, Self.pointsNeeded,
        ]
        for (offset, header) in headers.enumerated() {
            data.set(
                CellReference(column: offset + 1, row: ScoreRow.schemeHeader), .text(label(header)), style: .header)
        }
        for (offset, scheme) in framework.scoring.schemes.enumerated() {
            writeScheme(
                scheme, report: schemeReports[offset], row: ScoreRow.firstScheme + offset, met: met,
                applicable: applicable, into: &data)
        }
        let chosenRow = ScoreRow.firstScheme + framework.scoring.schemes.count + 1
        writeChosenScheme(row: chosenRow, into: &data)
        writeDepartments(from: chosenRow + 4, reference: reference, into: &data)
        writeMandatory(from: chosenRow + 6 + framework.departments.count, reference: reference, into: &data)
        return Self.worksheet {
            Self.fitToPage
            Self.columns([
                (1, 44, false), (2, 14, false), (3, 12, false), (4, 12, false), (5, 12, false), (6, 10, false),
                (7, 16, false),
            ])
            data.markup
            Self.protection
            printSetup
        }
    }

    private func writeScheme(
        _ scheme: Scheme, report: ScoreReport?, row: Int, met: String, applicable: String, into data: inout SheetData
    ) {
        let threshold = scheme.threshold
        let reached = report.map { threshold.isReached(met: $0.points, applicable: $0.applicablePoints) } ?? false
        data.set(CellReference(column: 1, row: row), .text(text(scheme.title)), style: .label)
        data.set(
            CellReference(column: 2, row: row),
            .formula("\(threshold.basisPoints.rawValue)/10000", cached: Self.fraction(threshold.basisPoints)),
            style: .percent)
        data.set(CellReference(column: 3, row: row), .text(threshold.comparison.symbol))
        data.set(
            CellReference(column: 4, row: row),
            .formula(
                "IF("
                    + GridFormulas.reaches(
                        met: met, applicable: applicable, threshold.basisPoints, threshold.comparison) + ",1,0)",
                cached: .number(reached ? 1 : 0)), style: .verdict)
        data.set(
            CellReference(column: 5, row: row),
            .formula(
                "IF(AND(D\(row)=1,$B$\(ScoreRow.mandatoryMissing)=0),1,0)",
                cached: .number(report?.eligible == true ? 1 : 0)), style: .verdict)
        data.set(
            CellReference(column: 6, row: row),
            .formula(
                GridFormulas.stars(met: met, applicable: applicable, levels: scheme.levels, eligible: "E\(row)=1"),
                cached: .number(report?.stars ?? 0)), style: .stars)
        data.set(
            CellReference(column: 7, row: row),
            .formula(
                GridFormulas.pointsNeeded(met: met, applicable: applicable, threshold),
                cached: .number(report?.pointsNeeded ?? 0)))
    }

    /// The chosen scheme's eligibility and stars, looked up in the scheme table.
    private func writeChosenScheme(row: Int, into data: inout SheetData) {
        let schemes = framework.scoring.schemes
        let index = schemes.firstIndex { $0.id == chosenScheme }
        let report = index.flatMap { schemeReports[$0] }
        let first = ScoreRow.firstScheme
        let last = first + schemes.count - 1
        let identity = GridLayout.Sheet.identity.name(locale)
        let ids =
            "\(identity)!$\(CellReference.letters(GridLayout.schemeIDColumn))$1:$\(CellReference.letters(GridLayout.schemeIDColumn))$\(schemes.count)"
        let lookups: [(Int, ReportLabel, String, SheetData.Cached, GridStyle)] = [
            (
                0, Self.chosenEligible, "E", index == nil ? .text("") : .number(report?.eligible == true ? 1 : 0),
                .verdict
            ),
            (1, Self.chosenStars, "F", index == nil ? .text("") : .number(report?.stars ?? 0), .stars),
        ]
        for (offset, caption, column, cached, style) in lookups {
            data.set(CellReference(column: 1, row: row + offset), .text(label(caption)), style: .label)
            data.set(
                CellReference(column: 2, row: row + offset),
                .formula(
                    "IFERROR(INDEX($\(column)$\(first):$\(column)$\(last),MATCH(\(formulas.chosenScheme),\(ids),0)),\"\")",
                    cached: cached), style: style)
        }
    }

    private func writeDepartments(from row: Int, reference: ScoreReport?, into data: inout SheetData) {
        let headers: [ReportLabel] = [.department, Self.pointsMet, Self.applicablePoints, .score]
        for (offset, header) in headers.enumerated() {
            data.set(CellReference(column: offset + 1, row: row), .text(label(header)), style: .header)
        }
        for (offset, department) in framework.departments.enumerated() {
            let current = row + 1 + offset
            let scored = reference?.departments.first { $0.id == department.id }
            data.set(
                CellReference(column: 1, row: current), .text(department.id + " — " + text(department.title)),
                style: .label)
            if let rows = departmentRows[department.id] {
                data.set(
                    CellReference(column: 2, row: current),
                    .formula(formulas.total(.metPoints, rows: rows), cached: .number(scored?.points ?? 0)))
                data.set(
                    CellReference(column: 3, row: current),
                    .formula(formulas.total(.counted, rows: rows), cached: .number(scored?.applicablePoints ?? 0)))
            } else {
                data.set(CellReference(column: 2, row: current), .number(0))
                data.set(CellReference(column: 3, row: current), .number(0))
            }
            data.set(
                CellReference(column: 4, row: current),
                .formula(
                    GridFormulas.percent(met: "B\(current)", applicable: "C\(current)"),
                    cached: Self.fraction(scored?.basisPoints)),
                style: .percent)
        }
    }

    /// Each mandatory criterion by ID and title, with its state: the totals count the missing
    /// ones, and this table names them.
    private func writeMandatory(from row: Int, reference: ScoreReport?, into data: inout SheetData) {
        data.set(CellReference(column: 1, row: row), .text(label(.mandatoryChecklist)), style: .header)
        data.set(CellReference(column: 2, row: row), .text(label(.status)), style: .header)
        let grid = GridLayout.Sheet.grid.name(locale)
        let mandatory = rows.compactMap { entry -> (Int, Criterion)? in
            guard case .criterion(let criterion) = entry.item, criterion.mandatory else { return nil }
            return (entry.row, criterion)
        }
        let (met, notMet, notApplicable) = (label(.met), label(.notMet), label(.notApplicable))
        for (offset, (gridRow, criterion)) in mandatory.enumerated() {
            let current = row + 1 + offset
            data.set(
                CellReference(column: 1, row: current), .text(criterion.id + " — " + text(criterion.title)),
                style: .label)
            let applies = "\(grid)!$\(GridColumn.applies.letter)$\(gridRow)"
            let missing = "\(grid)!$\(GridColumn.mandatoryMissing.letter)$\(gridRow)"
            var cached = ""
            if let reference {
                let applicable = criterion.appliesTo.contains(reference.production.type)
                cached =
                    !applicable ? notApplicable : reference.mandatoryMissing.contains(criterion.id) ? notMet : met
            }
            data.set(
                CellReference(column: 2, row: current),
                .formula(
                    "IF(\(applies)=\"\",\"\",IF(\(applies)=0,\(GridFormulas.string(notApplicable)),"
                        + "IF(\(missing)=1,\(GridFormulas.string(notMet)),\(GridFormulas.string(met)))))",
                    cached: .text(cached)))
        }
    }

    /// The last row the Score sheet writes: the mandatory table's.
    var lastScoreRow: Int {
        let chosenRow = ScoreRow.firstScheme + framework.scoring.schemes.count + 1
        return chosenRow + 6 + framework.departments.count + framework.criteria.filter(\.mandatory).count
    }

    /// What each printed sheet covers: the cells written, hidden helper columns aside.
    var printAreas: [(GridLayout.Sheet, String)] {
        [
            (.production, "$A$1:$B$\(12 + (fill?.answers.retired.count ?? 0))"),
            (.grid, "$A$1:$\(GridColumn.review.letter)$\(lastGridRow)"),
            (.score, "$A$1:$G$\(lastScoreRow)"),
        ]
    }

    /// A percentage as the fraction a cell shows with the `0.00%` format.
    private static func fraction(_ basisPoints: BasisPoints?) -> SheetData.Cached {
        .decimal(Double(basisPoints?.rawValue ?? 0) / Double(BasisPoints.scale))
    }

    static let pointsMet = ReportLabel("Points remplis", "Points met")
    static let applicablePoints = ReportLabel("Points applicables", "Applicable points")
    static let mandatoryMissing = ReportLabel("Critères obligatoires non remplis", "Mandatory criteria not met")
    static let comparison = ReportLabel("Comparaison", "Comparison")
    static let reached = ReportLabel("Seuil atteint", "Threshold reached")
    static let pointsNeeded = ReportLabel("Points manquants", "Points needed")
    static let chosenEligible = ReportLabel("Éligible (dispositif choisi)", "Eligible (chosen scheme)")
    static let chosenStars = ReportLabel("Étoiles (dispositif choisi)", "Stars (chosen scheme)")
}
