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
    private let sharedStrings: [String]

    init(_ bytes: [UInt8], limits: GridLimits) throws(WorkbookPackage.Failure) {
        package = try WorkbookPackage(bytes, limits: limits)
        guard package.has("[Content_Types].xml") else { throw .missingPart("[Content_Types].xml") }
        let office = try package.relationships(of: "").values.first { $0.type.hasSuffix("/officeDocument") }
        guard let workbookPart = office?.target else { throw .missingPart("_rels/.rels (the officeDocument relationship)") }
        let workbook = try package.xml(workbookPart)
        let relationships = try package.relationships(of: workbookPart)
        var sheets: [SheetEntry] = []
        for sheet in workbook.child("sheets")?.children("sheet") ?? [] {
            guard let name = sheet.attribute("name"), let id = sheet.attribute("id", prefixed: true), let target = relationships[id]?.target else { continue }
            sheets.append(SheetEntry(name: XMLText.unescape(name), part: target, hidden: sheet.attribute("state").map { $0 != "visible" } ?? false))
        }
        self.sheets = sheets
        if let shared = relationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") }), package.has(shared.target) {
            sharedStrings = try package.xml(shared.target).children("si").map { XMLText.unescape($0.stringItemText) }
        } else {
            sharedStrings = []
        }
    }

    /// The sheet whose name is one of `names`.
    func sheet(named names: Set<String>) -> SheetEntry? {
        sheets.first { names.contains($0.name) }
    }

    /// Every non-empty cell of a sheet.
    mutating func cells(of sheet: SheetEntry) throws(WorkbookPackage.Failure) -> [CellReference: CellValue] {
        let root = try package.xml(sheet.part)
        var cells: [CellReference: CellValue] = [:]
        var rowNumber = 0
        for row in root.child("sheetData")?.children("row") ?? [] {
            rowNumber = row.attribute("r").flatMap { Int($0) } ?? rowNumber + 1
            var column = 0
            for cell in row.children("c") {
                let reference = cell.attribute("r").flatMap(CellReference.init) ?? CellReference(column: column + 1, row: rowNumber)
                column = reference.column
                if let value = try value(of: cell, at: reference, in: sheet) { cells[reference] = value }
            }
        }
        return cells
    }

    private func value(of cell: XMLElement, at reference: CellReference, in sheet: SheetEntry) throws(WorkbookPackage.Failure) -> CellValue? {
        let raw = cell.child("v")?.text
        switch cell.attribute("t") ?? "n" {
        case "s":
            guard let raw else { return nil }
            guard let index = Int(raw.trimmingSpaces), sharedStrings.indices.contains(index) else {
                throw .unreadablePart(sheet.part, reason: "cell \(sheet.name)!\(reference) names shared string '\(raw)', but there are \(sharedStrings.count)")
            }
            return .text(sharedStrings[index])
        case "inlineStr": return cell.child("is").map { .text(XMLText.unescape($0.stringItemText)) }
        case "str": return raw.map { .text(XMLText.unescape($0)) }
        case "b": return raw.map { .boolean($0.trimmingSpaces == "1") }
        case "e": return raw.map(CellValue.error)
        default: return raw.map { .number($0.trimmingSpaces) }
        }
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
