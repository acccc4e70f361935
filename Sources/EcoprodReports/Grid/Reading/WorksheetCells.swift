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
        var type: String
        var value: String?
        var inline: String?
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
    /// The first cell that names a shared string that does not exist.
    private(set) var failure: WorkbookPackage.Failure?

    /// Local names of the open elements, root first.
    private var path: [String] = []
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
    private enum Capture: Equatable { case nothing, value, run(depth: Int) }

    init(sharedStrings: [String], sheet: SpreadsheetReader.SheetEntry) {
        self.sharedStrings = sharedStrings
        self.sheet = sheet
    }

    mutating func open(_ name: String, attributes: [XMLElement.Attribute]) {
        let local = String(XMLElement.local(name))
        path.append(local)
        let depth = path.count
        guard sheetData != .after else { return }
        switch depth {
        case Depth.sheetData where local == "sheetData" && sheetData == .before:
            sheetData = .inside
        case Depth.row where local == "row" && sheetData == .inside:
            rowNumber = attributes.value(of: "r").flatMap { Int($0) } ?? rowNumber + 1
            column = 0
        case Depth.cell where local == "c" && sheetData == .inside && path[Depth.row - 1] == "row":
            let reference = attributes.value(of: "r").flatMap(CellReference.init) ?? CellReference(column: column + 1, row: rowNumber)
            column = reference.column
            cell = OpenCell(reference: reference, type: attributes.value(of: "t") ?? "n")
            sawValue = false
            sawInline = false
        case Depth.cellChild where cell != nil && local == "v" && !sawValue:
            sawValue = true
            cell?.value = ""
            capturing = .value
        case Depth.cellChild where cell != nil && local == "is" && !sawInline:
            sawInline = true
            inInline = true
            cell?.inline = ""
        default:
            openInsideInlineString(local, depth: depth)
        }
    }

    /// Inside the cell's first `is`: a `t` run is captured unless it sits in a phonetic run or
    /// in another run (only a run's own text counts).
    private mutating func openInsideInlineString(_ local: String, depth: Int) {
        guard inInline, depth > Depth.cellChild, skippingFrom == nil else { return }
        if case .run = capturing { return }
        switch local {
        case "rPh", "phoneticPr": skippingFrom = depth
        case "t": capturing = .run(depth: depth)
        default: break
        }
    }

    mutating func close(_ name: String) {
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
        if depth == Depth.cell, path.last == "c", let open = cell, sheetData == .inside {
            cell = nil
            finish(open)
        }
        if depth == Depth.sheetData, sheetData == .inside { sheetData = .after }
    }

    mutating func text(_ text: String) {
        switch capturing {
        case .value where path.count == Depth.cellChild: cell?.value? += text
        case .run(let depth) where path.count == depth: cell?.inline? += text
        case .nothing, .value, .run: break
        }
    }

    /// Records a closed cell's value, typed by its `t` attribute.
    private mutating func finish(_ open: OpenCell) {
        let value: SpreadsheetReader.CellValue?
        switch open.type {
        case "s":
            guard let raw = open.value else { return }
            guard let index = Int(raw.trimmingSpaces), sharedStrings.indices.contains(index) else {
                if failure == nil {
                    failure = .unreadablePart(sheet.part, reason: "cell \(sheet.name)!\(open.reference) names shared string '\(raw)', but there are \(sharedStrings.count)")
                }
                return
            }
            value = .text(sharedStrings[index])
        case "inlineStr": value = open.inline.map { .text(XMLText.unescape($0)) }
        case "str": value = open.value.map { .text(XMLText.unescape($0)) }
        case "b": value = open.value.map { .boolean($0.trimmingSpaces == "1") }
        case "e": value = open.value.map(SpreadsheetReader.CellValue.error)
        default: value = open.value.map { .number($0.trimmingSpaces) }
        }
        if let value { cells[open.reference] = value }
    }
}
