import EcoprodFramework

/// The grid's sheets read into an answer set: the production, one answer per criterion row,
/// and the preserved members, each value's cell recorded.
struct GridRows {
    let bundle: FrameworkBundle
    var places: GridPlaces
    /// The grid's locale, from the identity sheet.
    var locale = "en"
    private var production: (title: String, type: String, scheme: String) = ("", "", "")
    private var answers: [String: JSONValue] = [:]
    private var preserved: [String: JSONValue] = [:]
    private var failed = false

    init(bundle: FrameworkBundle, places: GridPlaces) {
        self.bundle = bundle
        self.places = places
    }

    private var framework: Framework { bundle.framework }

    /// The Production sheet: the title, and the type and scheme by title (any locale) or ID.
    mutating func readProduction(_ cells: [CellReference: SpreadsheetReader.CellValue], sheet: String) {
        let title = cells[GridLayout.ProductionCell.title]?.text ?? ""
        let type = cells[GridLayout.ProductionCell.type]?.text.trimmingSpaces ?? ""
        let scheme = cells[GridLayout.ProductionCell.scheme]?.text.trimmingSpaces ?? ""
        production = (
            title, Self.id(type, among: framework.productionTypes.map { ($0.id, $0.title) }),
            Self.id(scheme, among: framework.scoring.schemes.map { ($0.id, $0.title) })
        )
        places.add("$.production", sheet, GridLayout.ProductionCell.title)
        places.add("$.production.title", sheet, GridLayout.ProductionCell.title)
        places.add("$.production.type", sheet, GridLayout.ProductionCell.type)
        places.add("$.production.scheme", sheet, GridLayout.ProductionCell.scheme)
    }

    /// The ID whose ID or title (in any locale) is `text`; `text` itself when none is, so the
    /// scorer names it in its diagnostic.
    private static func id(_ text: String, among entries: [(String, LocalizedText)]) -> String {
        let wanted = text.lowercased()
        return entries.first { id, title in
            id.lowercased() == wanted || title.translations.values.contains { $0.lowercased() == wanted }
        }?.0 ?? text
    }

    /// The grid sheet: each criterion's row found by its ID, its structure compared with the
    /// bundle, and its answer read.
    mutating func readGrid(
        _ cells: [CellReference: SpreadsheetReader.CellValue], sheet: String,
        into diagnostics: inout DiagnosticCollector
    ) {
        let criteria = Dictionary(framework.criteria.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let departments = Set(framework.departments.map(\.id))
        var rowOf: [String: Int] = [:]
        var strangers: [(row: Int, id: String)] = []
        let rows = Set(cells.keys.map(\.row)).filter { $0 > GridLayout.headerRow }.sorted()
        for row in rows {
            let id = cells[CellReference(column: GridColumn.id.rawValue, row: row)]?.text.trimmingSpaces ?? ""
            let answered = GridColumn.answers.contains {
                cells[CellReference(column: $0.rawValue, row: row)].map { !$0.text.isEmpty } ?? false
            }
            if criteria[id] != nil {
                if let first = rowOf[id] {
                    problem(
                        &diagnostics, .gridStructure, "criterion \(id) has a second row (the first is row \(first))",
                        sheet, CellReference(column: 1, row: row), help: "delete the copied row")
                } else {
                    rowOf[id] = row
                }
            } else if (id.isEmpty || departments.contains(id)) && !answered {
                continue
            } else {
                strangers.append((row, id))
            }
        }
        let altered = reportStrangers(
            strangers, missing: framework.criteria.filter { rowOf[$0.id] == nil }, cells: cells, sheet: sheet,
            into: &diagnostics)
        for criterion in framework.criteria {
            guard let row = rowOf[criterion.id] else {
                if !altered.contains(criterion.id) {
                    problem(
                        &diagnostics, .gridStructure,
                        "no row has the ID \(criterion.id): its ID was altered or its row deleted", sheet,
                        CellReference(column: 1, row: GridLayout.headerRow), help: "restore the row of \(criterion.id)")
                }
                continue
            }
            checkStructure(criterion, row: row, cells: cells, sheet: sheet, into: &diagnostics)
            readAnswer(criterion, row: row, cells: cells, sheet: sheet, into: &diagnostics)
        }
    }

    /// Rows whose ID is no criterion's. A row whose title is that of a criterion without a row
    /// is that criterion with its ID altered: one diagnostic says so, at the ID (the criterion's
    /// "no row" is not reported again). Returns the criteria so recognised.
    private mutating func reportStrangers(
        _ strangers: [(row: Int, id: String)], missing: [Criterion],
        cells: [CellReference: SpreadsheetReader.CellValue], sheet: String,
        into diagnostics: inout DiagnosticCollector
    ) -> Set<String> {
        var recognised: Set<String> = []
        for (row, id) in strangers {
            let idCell = CellReference(column: GridColumn.id.rawValue, row: row)
            let title = cells[CellReference(column: GridColumn.title.rawValue, row: row)]?.text ?? ""
            if !id.isEmpty, !title.isEmpty,
                let criterion = missing.first(where: { $0.title[locale] == title && !recognised.contains($0.id) })
            {
                recognised.insert(criterion.id)
                problem(
                    &diagnostics, .gridStructure,
                    "the ID of \(criterion.id) was altered to '\(id)' (the row's title is \(criterion.id)'s)", sheet,
                    idCell,
                    help: "restore the ID \(criterion.id): answers are matched to criteria by it")
            } else {
                let what =
                    id.isEmpty
                    ? "a row without an ID holds answers"
                    : "'\(id)' is not a criterion of \(framework.identity.id) \(framework.identity.version)"
                problem(
                    &diagnostics, .gridStructure, what, sheet, idCell,
                    help: "restore the row's ID: answers are matched to criteria by it")
            }
        }
        return recognised
    }

    private mutating func checkStructure(
        _ criterion: Criterion, row: Int, cells: [CellReference: SpreadsheetReader.CellValue], sheet: String,
        into diagnostics: inout DiagnosticCollector
    ) {
        let pointsCell = CellReference(column: GridColumn.points.rawValue, row: row)
        let pointsText = cells[pointsCell]?.text.trimmingSpaces ?? ""
        if Self.integer(pointsText) != criterion.points {
            problem(
                &diagnostics, .gridStructure,
                "the points of \(criterion.id) read '\(pointsText)', the bundle gives \(criterion.points)", sheet,
                pointsCell, help: "restore \(criterion.points)")
        }
        let mandatoryCell = CellReference(column: GridColumn.mandatory.rawValue, row: row)
        let mandatoryText = cells[mandatoryCell]?.text ?? ""
        if GridWords.mandatoryFlag(mandatoryText) != criterion.mandatory {
            problem(
                &diagnostics, .gridStructure,
                "the mandatory flag of \(criterion.id) reads '\(mandatoryText)', the bundle says \(criterion.mandatory ? "mandatory" : "not mandatory")",
                sheet, mandatoryCell, help: "restore it")
        }
    }

    private mutating func readAnswer(
        _ criterion: Criterion, row: Int, cells: [CellReference: SpreadsheetReader.CellValue], sheet: String,
        into diagnostics: inout DiagnosticCollector
    ) {
        func cell(_ column: GridColumn) -> String? {
            guard let value = cells[CellReference(column: column.rawValue, row: row)]?.text, !value.isEmpty else {
                return nil
            }
            return value
        }
        let path = JSONPath.member(criterion.id, of: "$.answers")
        places.add(path, sheet, CellReference(column: GridColumn.id.rawValue, row: row))
        let statusCell = CellReference(column: GridColumn.status.rawValue, row: row)
        places.add(path + ".status", sheet, statusCell)
        places.add(path + ".evidence", sheet, CellReference(column: GridColumn.evidence.rawValue, row: row))
        places.add(path + ".note", sheet, CellReference(column: GridColumn.note.rawValue, row: row))
        places.add(path + ".justification", sheet, CellReference(column: GridColumn.justification.rawValue, row: row))
        guard let word = cell(.status)?.trimmingSpaces, !word.isEmpty else {
            // Evidence, a note or a justification on an unanswered row would be lost on import.
            if let filled = [GridColumn.evidence, .note, .justification].first(where: { cell($0) != nil }) {
                problem(
                    &diagnostics, .gridStatus, "\(criterion.id) has \(label(filled)) but no status: it would be lost",
                    sheet, statusCell,
                    help: "pick a status, or clear the row's answer cells to leave it unanswered")
            }
            return
        }
        guard let status = GridWords.status(word) else {
            problem(
                &diagnostics, .gridStatus, "'\(word)' is not a status", sheet, statusCell,
                help:
                    "use \(AnswerStatus.allCases.map { GridWords.spellings($0).prefix(2).joined(separator: " / ") }.joined(separator: ", ")), or leave it empty for unanswered"
            )
            return
        }
        var fields = GridAnswerCells.fields(
            evidence: cell(.evidence), note: cell(.note), justification: cell(.justification))
        fields["status"] = .string(status.rawValue)
        answers[criterion.id] = .object(fields)
    }

    /// The preserved JSON, from its cells on the identity sheet.
    mutating func readPreserved(
        _ cells: [CellReference: SpreadsheetReader.CellValue], sheet: String,
        into diagnostics: inout DiagnosticCollector
    ) {
        let first = GridLayout.IdentityRow.preserved.value
        var text = ""
        var row = first.row
        while let chunk = cells[CellReference(column: first.column, row: row)]?.text, !chunk.isEmpty {
            text += chunk
            row += 1
        }
        for path in ["$.retired", "$.extra"] { places.add(path, sheet, first) }
        guard !text.isEmpty else { return }
        guard let value = try? JSONParser().parse(Array(text.utf8)), let object = value.objectValue else {
            problem(
                &diagnostics, .gridPreserved, "the preserved answers no longer read as JSON", sheet, first,
                help: "restore the hidden sheet as it was written")
            return
        }
        preserved = object
    }

    private func label(_ column: GridColumn) -> String {
        switch column {
        case .evidence: return "evidence"
        case .note: return "a note"
        case .justification: return "a justification"
        case .id, .title, .guidance, .points, .mandatory, .stages, .appliesTo, .evidenceExpected, .status, .review,
            .applies, .appliesList, .counted, .metPoints, .mandatoryMissing:
            return column.letter
        }
    }

    private static func integer(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        guard let value = Double(text), value.rounded() == value, abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    private mutating func problem(
        _ diagnostics: inout DiagnosticCollector, _ code: DiagnosticCode, _ message: String, _ sheet: String,
        _ cell: CellReference, help: String
    ) {
        diagnostics.emit(Diagnostic(code, message, at: places.cell(sheet, cell), help: help))
        failed = true
    }
}

extension GridRows {
    /// The answer set: cells over preserved members, decoded as any answer set is, then checked
    /// against the bundle's policy by the scorer (type, scheme, not-applicable), at cells.
    func finish(into diagnostics: inout DiagnosticCollector) -> GridImport? {
        guard !failed else { return nil }
        var document = preserved["extra"]?.objectValue ?? [:]
        document["framework"] = BundleReference(bundle).jsonValue
        var production = preserved["production"]?.objectValue ?? [:]
        production["title"] = .string(self.production.title)
        production["type"] = .string(self.production.type)
        production["scheme"] = .string(self.production.scheme)
        document["production"] = .object(production)
        let kept = preserved["answers"]?.objectValue ?? [:]
        guard showsEveryAnswer(kept, into: &diagnostics) else { return nil }
        var merged: [String: JSONValue] = [:]
        for (id, answer) in answers {
            var fields = kept[id]?.objectValue ?? [:]
            fields.merge(answer.objectValue ?? [:]) { _, cell in cell }
            merged[id] = .object(fields)
        }
        document["answers"] = .object(merged)
        for (id, fields) in kept.sorted(by: { $0.key < $1.key }) where answers[id] == nil {
            let members = (fields.objectValue ?? [:]).keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.emit(
                Diagnostic(
                    .gridPreservedDropped,
                    "\(id) is unanswered, so the members its answer kept beyond the cells (\(members)) are dropped",
                    at: places.locate(JSONPath.member(id, of: "$.answers") + ".status"),
                    help: "pick a status again to keep them"))
        }
        if let retired = preserved["retired"] { document["retired"] = retired }
        let before = diagnostics.errorCount
        guard let answerSet = AnswerSetDecoder().decode(.object(document), into: &diagnostics, locate: places.locate),
            diagnostics.errorCount == before
        else { return nil }
        guard Scorer(bundle: bundle).score(answerSet, into: &diagnostics, locate: places.locate) != nil else {
            return nil
        }
        return GridImport(answers: answerSet, bundle: bundle, locale: locale, places: places)
    }
}

extension GridRows {
    /// The preserved members of each answer are only what no cell can show, as the writer put
    /// them there: a status, or evidence, a note or a justification that a cell could hold,
    /// found in the hidden sheet was put there by hand, and would be read without being seen.
    /// Each is an X110 at the preserved JSON's cell; true when there is none.
    func showsEveryAnswer(_ kept: [String: JSONValue], into diagnostics: inout DiagnosticCollector) -> Bool {
        var shown = true
        for (id, fields) in kept.sorted(by: { $0.key < $1.key }) {
            let members = fields.objectValue ?? [:]
            let asWritten = GridAnswerCells(Answer(status: .met, fields: members)).preserved
            let hidden = members.keys.filter { $0 == "status" || asWritten[$0] == nil }.sorted()
            guard !hidden.isEmpty else { continue }
            shown = false
            diagnostics.emit(
                Diagnostic(
                    .gridPreserved,
                    "the hidden sheet gives \(id) \(hidden.map { "'\($0)'" }.joined(separator: ", ")), which its cells would show",
                    at: places.locate("$.retired"),
                    help: "type the answer into its row's cells; restore the hidden sheet as it was written"))
        }
        return shown
    }
}
