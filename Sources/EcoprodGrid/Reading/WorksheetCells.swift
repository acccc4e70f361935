/// The non-empty cells of one worksheet, collected while its XML is read: no element tree is
/// built, because a grid's sheet is thousands of small elements and only the cells matter.
///
/// It reads what ``SpreadsheetReader`` documents: the first `sheetData`'s `row`s, their `c`
/// cells, each cell's first `v` (its value) or first `is` (an inline string, whose `t` runs are
/// joined, phonetic runs skipped). Rows and cells without an `r` take the place after the
/// previous one. Prefixes are ignored: elements match by local name.
struct WorksheetCells: XMLEventHandler {
    /// The values gathered for the cell being read.
    private struct OpenCell {
        var reference: CellReference
        var type: CellType
        var value: String?
        var inline: String?
        var formula = false
    }

    /// A cell's `t` attribute: how its value is to be read.
    private enum CellType {
        case sharedString, inlineString, formulaString, boolean, error, number

        init(_ token: XMLToken?) {
            guard let token else {
                self = .number
                return
            }
            if token.equals("s") {
                self = .sharedString
            } else if token.equals("inlineStr") {
                self = .inlineString
            } else if token.equals("str") {
                self = .formulaString
            } else if token.equals("b") {
                self = .boolean
            } else if token.equals("e") {
                self = .error
            } else {
                self = .number
            }
        }
    }

    /// The local names this reader acts on; every other element is `.other`.
    private enum Element {
        case sheetData, row, cell, value, formula, inlineString, run, phonetic, other

        init(_ name: XMLToken) {
            self = name.withLocalNameBytes { local in
                switch local.count {
                case 1:
                    switch local[0] {
                    case UInt8(ascii: "c"): return .cell
                    case UInt8(ascii: "v"): return .value
                    case UInt8(ascii: "f"): return .formula
                    case UInt8(ascii: "t"): return .run
                    default: return .other
                    }
                case 2 where local.equals("is"): return .inlineString
                case 3 where local.equals("row"): return .row
                case 3 where local.equals("rPh"): return .phonetic
                case 9 where local.equals("sheetData"): return .sheetData
                case 10 where local.equals("phoneticPr"): return .phonetic
                default: return .other
                }
            }
        }
    }

    /// Where an element sits, by depth below the root (`worksheet` is 1).
    private enum Depth {
        static let sheetData = 2
        static let row = 3
        static let cell = 4
        static let cellChild = 5
    }

    private let sharedStrings: [String]
    private let sheet: SpreadsheetReader.SheetEntry
    private(set) var cells: [CellReference: SpreadsheetReader.CellValue] = [:]
    /// The cells that hold a formula, with a stored value or not.
    private(set) var formulas: Set<CellReference> = []
    /// The first cell that names a shared string that does not exist, or whose reference is
    /// not one a spreadsheet can hold.
    private(set) var failure: WorkbookPackage.Failure?

    /// The open elements, root first.
    private var path: [Element] = []
    private var sheetData: SheetDataState = .before
    private var rowNumber = 0
    private var column = 0
    private var cell: OpenCell?
    /// Inside the cell's value (`v`), or inside a `t` run of its inline string (at that depth).
    private var capturing: Capture = .nothing
    /// Depth of a phonetic run being skipped inside an inline string.
    private var skippingFrom: Int?
    private var sawValue = false
    private var sawInline = false
    /// Inside the cell's first `is` (a later one is ignored).
    private var inInline = false

    private enum SheetDataState { case before, inside, after }
    private enum Capture: Equatable {
        case nothing, value
        case run(depth: Int)
    }

    init(sharedStrings: [String], sheet: SpreadsheetReader.SheetEntry) {
        self.sharedStrings = sharedStrings
        self.sheet = sheet
    }

    mutating func open(_ name: XMLToken, attributes: [XMLToken.Attribute]) {
        let element = Element(name)
        path.append(element)
        let depth = path.count
        guard sheetData != .after else { return }
        switch element {
        case .sheetData where depth == Depth.sheetData && sheetData == .before:
            sheetData = .inside
        case .row where depth == Depth.row && sheetData == .inside:
            let written = attributes.value(of: "r")
            rowNumber = written.map { $0.integer ?? 0 } ?? rowNumber + 1
            if !(1...1_048_576).contains(rowNumber) { refuse(reference: "row \(written?.string ?? "\(rowNumber)")") }
            column = 0
        case .cell where depth == Depth.cell && sheetData == .inside && path[Depth.row - 1] == .row:
            let written = attributes.value(of: "r")
            let reference: CellReference? =
                if let written { written.withBytes { CellReference(utf8: $0) } } else {
                    CellReference(column: column + 1, row: rowNumber)
                }
            guard let reference else {
                refuse(reference: written?.string ?? "")
                return
            }
            column = reference.column
            cell = OpenCell(reference: reference, type: CellType(attributes.value(of: "t")))
            sawValue = false
            sawInline = false
        case .formula where depth == Depth.cellChild && cell != nil:
            cell?.formula = true
        case .value where depth == Depth.cellChild && cell != nil && !sawValue:
            sawValue = true
            cell?.value = ""
            capturing = .value
        case .inlineString where depth == Depth.cellChild && cell != nil && !sawInline:
            sawInline = true
            inInline = true
            cell?.inline = ""
        case .sheetData, .row, .cell, .value, .formula, .inlineString, .run, .phonetic, .other:
            openInsideInlineString(element, depth: depth)
        }
    }

    /// Inside the cell's first `is`: a `t` run is captured unless it sits in a phonetic run or
    /// in another run (only a run's own text counts).
    private mutating func openInsideInlineString(_ element: Element, depth: Int) {
        guard inInline, depth > Depth.cellChild, skippingFrom == nil else { return }
        if case .run = capturing { return }
        switch element {
        case .phonetic: skippingFrom = depth
        case .run: capturing = .run(depth: depth)
        case .sheetData, .row, .cell, .value, .formula, .inlineString, .other: break
        }
    }

    mutating func close(_ name: XMLToken) {
        let depth = path.count
        defer { path.removeLast() }
        if skippingFrom == depth { skippingFrom = nil }
        switch capturing {
        case .value where depth == Depth.cellChild, .run(depth):
            capturing = .nothing
        case .nothing, .value, .run:
            break
        }
        if depth == Depth.cellChild, inInline { inInline = false }
        if depth == Depth.cell, path.last == .cell, let open = cell, sheetData == .inside {
            cell = nil
            finish(open)
        }
        if depth == Depth.sheetData, sheetData == .inside { sheetData = .after }
    }

    mutating func text(_ text: XMLToken) {
        switch capturing {
        case .value where path.count == Depth.cellChild: cell?.value? += text.string
        case .run(let depth) where path.count == depth: cell?.inline? += text.string
        case .nothing, .value, .run: break
        }
    }

    /// Keeps the first reference that no spreadsheet can hold, for the sheet's refusal.
    private mutating func refuse(reference: String) {
        if failure == nil { failure = .invalidReference(sheet: sheet.name, reference: reference) }
    }

    /// Records a closed cell's value, typed by its `t` attribute.
    private mutating func finish(_ open: OpenCell) {
        if open.formula { formulas.insert(open.reference) }
        let value: SpreadsheetReader.CellValue?
        switch open.type {
        case .sharedString:
            guard let raw = open.value else { return }
            guard let index = Int(raw.trimmingSpaces), sharedStrings.indices.contains(index) else {
                if failure == nil {
                    failure = .unreadablePart(
                        sheet.part,
                        reason:
                            "cell \(sheet.name)!\(open.reference) names shared string '\(raw)', but there are \(sharedStrings.count)"
                    )
                }
                return
            }
            value = .text(sharedStrings[index])
        case .inlineString: value = open.inline.map { .text(XMLText.unescape($0)) }
        case .formulaString: value = open.value.map { .text(XMLText.unescape($0)) }
        case .boolean: value = open.value.map { .boolean($0.trimmingSpaces == "1") }
        case .error: value = open.value.map(SpreadsheetReader.CellValue.error)
        case .number: value = open.value.map { .number($0.trimmingSpaces) }
        }
        if let value { cells[open.reference] = value }
    }
}
