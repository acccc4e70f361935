/// Reads the cells of a workbook's sheets, whichever application saved it.
///
/// Parts are found through relationships (LibreOffice renames them), strings come shared
/// (`t="s"`) or inline (`t="inlineStr"`), rich text runs are joined, numbers may be stored as
/// text, and styles are never read (applications renumber them). Cells without an `r`
/// attribute take the place after the previous one, as the standard allows.
struct SpreadsheetReader {
    /// A sheet of the workbook, as listed in `workbook.xml`.
    struct SheetEntry {
        var name: String
        var part: String
        var hidden: Bool
    }

    /// A cell's value as written.
    enum CellValue: Equatable {
        case text(String)
        /// A number, as its lexical form (`5`, `5.0`, `1E+2`).
        case number(String)
        case boolean(Bool)
        case error(String)

        /// The value as text: numbers and booleans as written.
        var text: String {
            switch self {
            case .text(let text), .number(let text), .error(let text): return text
            case .boolean(let flag): return flag ? "TRUE" : "FALSE"
            }
        }
    }

    private var package: WorkbookPackage
    let sheets: [SheetEntry]
    /// The cells holding a formula, by sheet name, for the sheets read so far.
    private(set) var formulas: [String: Set<CellReference>] = [:]
    private let sharedStrings: [String]

    init(_ bytes: [UInt8], limits: GridLimits) throws(WorkbookPackage.Failure) {
        package = try WorkbookPackage(bytes, limits: limits)
        guard package.has("[Content_Types].xml") else { throw .missingPart("[Content_Types].xml") }
        let office = try package.relationships(of: "").values.first { $0.type.hasSuffix("/officeDocument") }
        guard let workbookPart = office?.target else {
            throw .missingPart("_rels/.rels (the officeDocument relationship)")
        }
        let workbook = try package.xml(workbookPart)
        let relationships = try package.relationships(of: workbookPart)
        var sheets: [SheetEntry] = []
        for sheet in workbook.child("sheets")?.children("sheet") ?? [] {
            guard let name = sheet.attribute("name"), let id = sheet.attribute("id", prefixed: true),
                let target = relationships[id]?.target
            else { continue }
            sheets.append(
                SheetEntry(
                    name: XMLText.unescape(name), part: target,
                    hidden: sheet.attribute("state").map { $0 != "visible" } ?? false))
        }
        var names: Set<String> = []
        for sheet in sheets where !names.insert(sheet.name.lowercased()).inserted { throw .duplicateSheet(sheet.name) }
        self.sheets = sheets
        if let shared = relationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") }),
            package.has(shared.target)
        {
            sharedStrings = try package.xml(shared.target).children("si").map { XMLText.unescape($0.stringItemText) }
        } else {
            sharedStrings = []
        }
    }

    /// The sheet whose name is one of `names`.
    func sheet(named names: Set<String>) -> SheetEntry? {
        sheets.first { names.contains($0.name) }
    }

    /// Every non-empty cell of a sheet, read as a stream (see ``WorksheetCells``).
    mutating func cells(of sheet: SheetEntry) throws(WorkbookPackage.Failure) -> [CellReference: CellValue] {
        var cells = WorksheetCells(sharedStrings: sharedStrings, sheet: sheet)
        try package.read(sheet.part, into: &cells)
        if let failure = cells.failure { throw failure }
        formulas[sheet.name] = cells.formulas
        return cells.cells
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line breaks. Works on
    /// bytes: it runs on every number and word of a sheet.
    var trimmingSpaces: String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == utf8.startIndex, utf8.index(after: last) == utf8.endIndex { return self }
        return String(self[first...last])
    }
}
