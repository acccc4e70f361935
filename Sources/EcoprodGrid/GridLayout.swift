import EcoprodFramework
import EcoprodReports

/// Where everything is in a grid: sheets, columns and fixed cells. The writer lays the
/// workbook out from it and the importer reads it back by it, so the two cannot drift.
///
/// Criterion rows are not at fixed places: the importer finds each by its ID in column A,
/// so a production may sort or filter the sheet and still import it.
enum GridLayout {
    /// The grid format this layout writes; the importer refuses any other.
    static let formatVersion = "ecoprod-grid/1"

    /// The sheets, in workbook order.
    enum Sheet: Int, CaseIterable {
        case production = 1
        case grid
        case score
        case identity

        /// The sheet's name in `locale`. The importer accepts either locale's name.
        func name(_ locale: String) -> String {
            switch self {
            case .production: return "Production"
            case .grid: return locale == "fr" ? "Grille" : "Grid"
            case .score: return "Score"
            case .identity: return "ecoprod"
            }
        }

        /// Every name the sheet may have.
        var names: Set<String> { [name("fr"), name("en")] }
    }

    /// The grid sheet's first row holds the headers; criteria and department headings follow.
    static let headerRow = 1

    /// The Production sheet's cells a production fills in.
    enum ProductionCell {
        static let title = CellReference(column: 2, row: 3)
        static let type = CellReference(column: 2, row: 4)
        static let scheme = CellReference(column: 2, row: 5)
    }

    /// The identity sheet's rows: key in column A, value in column B.
    enum IdentityRow: Int, CaseIterable {
        case format = 1
        case framework
        case version
        case digest
        case locale
        case type
        case scheme
        case preserved

        var key: String {
            switch self {
            case .format: return "format"
            case .framework: return "framework"
            case .version: return "version"
            case .digest: return "digest"
            case .locale: return "locale"
            case .type: return "type"
            case .scheme: return "scheme"
            case .preserved: return "preserved"
            }
        }

        var value: CellReference { CellReference(column: 2, row: rawValue) }
    }

    /// The identity sheet's lookup tables: production types (ID, title) and schemes (ID, title).
    static let typeIDColumn = 4, typeTitleColumn = 5, schemeIDColumn = 7, schemeTitleColumn = 8
    /// The longest piece of preserved JSON per cell: Excel's cells hold 32,767 characters.
    static let preservedChunk = 30_000
}

/// The grid sheet's columns: what the bundle says, what the production answers, and hidden
/// helpers the Score sheet's formulas sum.
enum GridColumn: Int, CaseIterable {
    case id = 1
    case title, guidance, points, mandatory, stages, appliesTo, evidenceExpected
    case status, evidence, note, justification, review
    /// 1 when the criterion applies to the chosen type, 0 when not, empty before a type is chosen.
    case applies
    /// The type IDs the criterion applies to, `;`-separated.
    case appliesList
    /// The criterion's points when they count in the applicable total, else 0.
    case counted
    /// The criterion's points when met and applicable, else 0.
    case metPoints
    /// 1 when the criterion is mandatory, applicable and not met, else 0.
    case mandatoryMissing

    /// The columns a production fills in: unlocked.
    static let answers: [GridColumn] = [.status, .evidence, .note, .justification]

    var letter: String { CellReference.letters(rawValue) }

    /// Hidden helper columns carry formulas only.
    var isHidden: Bool {
        switch self {
        case .applies, .appliesList, .counted, .metPoints, .mandatoryMissing: return true
        case .id, .title, .guidance, .points, .mandatory, .stages, .appliesTo, .evidenceExpected, .status, .evidence,
            .note, .justification, .review:
            return false
        }
    }

    /// Widths in characters, chosen so the visible columns fit A4 landscape at the fit-to-width scale.
    var width: Int {
        switch self {
        case .id, .points: return 7
        case .mandatory: return 13
        case .title: return 30
        case .guidance: return 34
        case .evidenceExpected: return 30
        case .stages, .appliesTo: return 16
        case .status: return 14
        case .evidence, .note, .justification: return 24
        case .review: return 26
        case .applies, .appliesList, .counted, .metPoints, .mandatoryMissing: return 8
        }
    }

    var header: ReportLabel {
        switch self {
        case .id: return ReportLabel("ID", "ID")
        case .title: return .criterion
        case .guidance: return .guidance
        case .points: return .points
        case .mandatory: return .mandatory
        case .stages: return .stages
        case .appliesTo: return .appliesTo
        case .evidenceExpected: return .evidence
        case .status: return .status
        case .evidence: return ReportLabel("Justificatifs fournis", "Evidence provided")
        case .note: return .noteLabel
        case .justification: return ReportLabel("Justification (non applicable)", "Justification (not applicable)")
        case .review: return ReportLabel("À revoir", "To review")
        case .applies: return ReportLabel("applique", "applies")
        case .appliesList: return ReportLabel("types", "types")
        case .counted: return ReportLabel("applicable", "applicable")
        case .metPoints: return ReportLabel("rempli", "met")
        case .mandatoryMissing: return ReportLabel("obligatoire manquant", "mandatory missing")
        }
    }
}

/// A cell's place: column and row, 1-based, written `B4`.
struct CellReference: Hashable, Comparable, CustomStringConvertible {
    var column: Int
    var row: Int

    /// `B4`.
    var description: String { Self.letters(column) + String(row) }
    /// `$B$4`, for formulas that must not move.
    var absolute: String { "$" + Self.letters(column) + "$" + String(row) }

    /// The column letters of a 1-based column number: 1 is A, 27 is AA.
    static func letters(_ column: Int) -> String {
        var number = column
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// Reads `B4` (or `$B$4`); nil for anything else, or beyond the sheet's limits.
    init?(_ text: String) {
        self.init(utf8: text.utf8)
    }

    /// Reads `B4` from its UTF-8 bytes (a cell's `r` attribute, straight from the sheet's XML).
    init?(utf8: some Sequence<UInt8>) {
        var column = 0
        var row = 0
        var sawDigit = false
        for byte in utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit:
                column = column * 26 + Int(byte - 64)
                if column > 16_384 { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9") where column > 0:
                sawDigit = true
                row = row * 10 + Int(byte - 48)
                if row > 1_048_576 { return nil }
            default: return nil
            }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(column: column, row: row)
    }

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    static func < (lhs: CellReference, rhs: CellReference) -> Bool { (lhs.row, lhs.column) < (rhs.row, rhs.column) }
}
