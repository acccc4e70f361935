/// The cells of one worksheet, row by row, as the writer fills them in.
struct SheetData {
    /// What a cell holds.
    enum Value {
        /// A string, written inline (`t="inlineStr"`).
        case text(String)
        case number(Int)
        /// A formula with the value the reference scorer computed, so that viewers that do not
        /// recalculate show the right figure.
        case formula(String, cached: Cached)
        /// Nothing but a style (an unlocked answer cell left blank).
        case blank
    }

    /// A formula's cached result.
    enum Cached {
        case number(Int)
        /// A fraction, for percentages, written in the shortest form that reads back to the same
        /// double; a percentage is a whole number of basis points over 10,000.
        case decimal(Double)
        case text(String)
        case boolean(Bool)
    }

    private(set) var rows: [Int: [(column: Int, value: Value, style: GridStyle)]] = [:]
    /// Row heights in points, for rows of wrapped text: applications do not all fit rows to
    /// their text on load (LibreOffice's headless conversion does not), and a print needs it.
    var heights: [Int: Int] = [:]

    mutating func set(_ reference: CellReference, _ value: Value, style: GridStyle = .plain) {
        rows[reference.row, default: []].append((reference.column, value, style))
    }

    mutating func set(_ column: GridColumn, row: Int, _ value: Value, style: GridStyle) {
        set(CellReference(column: column.rawValue, row: row), value, style: style)
    }

    /// `<sheetData>` with rows and cells in order.
    var markup: XMLMarkup {
        xml("sheetData") {
            for row in rows.keys.sorted() {
                xml(
                    "row",
                    attributes: [XMLAttribute("r", row)]
                        + (heights[row].map { [XMLAttribute("ht", $0), XMLAttribute("customHeight", 1)] } ?? [])
                ) {
                    for cell in rows[row]!.sorted(by: { $0.column < $1.column }) {
                        Self.cell(CellReference(column: cell.column, row: row), cell.value, cell.style)
                    }
                }
            }
        }
    }

    private static func cell(_ reference: CellReference, _ value: Value, _ style: GridStyle) -> XMLMarkup {
        var attributes = [XMLAttribute("r", reference.description)]
        if style != .plain { attributes.append(XMLAttribute("s", style.rawValue)) }
        switch value {
        case .text(let text):
            attributes.append(XMLAttribute("t", "inlineStr"))
            return xml("c", attributes: attributes) { xml("is") { stringItem(text) } }
        case .number(let number):
            return xml("c", attributes: attributes) { xml("v", text: String(number)) }
        case .blank:
            return xml("c", attributes: attributes)
        case .formula(let formula, let cached):
            let shown: String
            switch cached {
            case .number(let number): shown = String(number)
            case .decimal(let value): shown = "\(value)"
            case .text(let text):
                attributes.append(XMLAttribute("t", "str"))
                shown = text
            case .boolean(let flag):
                attributes.append(XMLAttribute("t", "b"))
                shown = flag ? "1" : "0"
            }
            return xml("c", attributes: attributes) {
                xml("f", text: formula)
                xml("v", text: shown)
            }
        }
    }

    /// A `<t>`, keeping leading and trailing spaces and line breaks.
    static func stringItem(_ text: String) -> XMLMarkup {
        let keepsSpace = text.first.map { $0.isWhitespace } == true || text.last.map { $0.isWhitespace } == true
        return keepsSpace ? xml("t", XMLAttribute("xml:space", "preserve"), text: text) : xml("t", text: text)
    }
}
