import EcoprodFramework
import EcoprodReports

/// The Production sheet (what the production is) and the hidden identity sheet (which bundle
/// the grid belongs to, the lookup tables, and the answer set's members no cell shows).
extension GridContext {
    func productionSheet() -> XMLMarkup {
        var data = SheetData()
        let production = fill?.answers.production
        data.set(
            CellReference(column: 1, row: 1), .text(text(framework.identity.title) + " — " + label(Self.gridTitle)),
            style: .title)
        data.set(CellReference(column: 1, row: 2), .text(label(Self.instructions)))
        let inputs: [(ReportLabel, CellReference, String)] = [
            (.production, GridLayout.ProductionCell.title, production?.title ?? ""),
            (.productionType, GridLayout.ProductionCell.type, typeTitle(production?.type)),
            (.scheme, GridLayout.ProductionCell.scheme, schemeTitle(production?.scheme)),
        ]
        for (caption, cell, value) in inputs {
            data.set(CellReference(column: 1, row: cell.row), .text(label(caption)), style: .label)
            data.set(cell, value.isEmpty ? .blank : .text(value), style: .input)
        }
        let identity: [(ReportLabel, String)] = [
            (.referenceFramework, framework.identity.id), (.version, framework.identity.version.description),
            (.digest, bundle.digest),
            (.released, framework.identity.released ?? label(.notReleased)),
        ]
        for (offset, (caption, value)) in identity.enumerated() {
            data.set(CellReference(column: 1, row: 7 + offset), .text(label(caption)), style: .label)
            data.set(CellReference(column: 2, row: 7 + offset), .text(value))
        }
        writeRetired(from: 12, into: &data)
        let identityName = GridLayout.Sheet.identity.name(locale)
        let types = framework.productionTypes.count
        let schemes = framework.scoring.schemes.count
        return Self.worksheet {
            Self.fitToPage
            xml("sheetViews") { xml("sheetView", XMLAttribute("workbookViewId", 0), XMLAttribute("tabSelected", 1)) }
            Self.columns([(1, 24, false), (2, 72, false)])
            data.markup
            Self.protection
            xml("dataValidations", XMLAttribute("count", 2)) {
                listValidation(
                    GridLayout.ProductionCell.type.description,
                    "\(identityName)!$\(letter(GridLayout.typeTitleColumn))$1:$\(letter(GridLayout.typeTitleColumn))$\(types)"
                )
                listValidation(
                    GridLayout.ProductionCell.scheme.description,
                    "\(identityName)!$\(letter(GridLayout.schemeTitleColumn))$1:$\(letter(GridLayout.schemeTitleColumn))$\(schemes)"
                )
            }
            printSetup
        }
    }

    /// Answers kept from retired criteria, listed for people (the preserved JSON keeps them whole).
    private func writeRetired(from row: Int, into data: inout SheetData) {
        guard let retired = fill?.answers.retired, !retired.isEmpty else { return }
        data.set(CellReference(column: 1, row: row), .text(label(.retiredAnswers)), style: .label)
        for (offset, answer) in retired.enumerated() {
            let reason = answer.reason.objectValue?[locale]?.stringValue ?? answer.reason.stringValue ?? ""
            let status = answer.answer.objectValue?["status"]?.stringValue.flatMap(AnswerStatus.init(rawValue:)).map {
                GridWords.word($0, locale)
            }
            data.set(
                CellReference(column: 1, row: row + 1 + offset), .text("\(answer.id) (\(answer.version))"),
                style: .review)
            data.set(
                CellReference(column: 2, row: row + 1 + offset),
                .text([status, reason].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — ")),
                style: .review)
        }
    }

    /// The identity sheet: key and value rows, the chosen type and scheme resolved to IDs, the
    /// lookup tables, and the preserved JSON cut into cells.
    func identitySheet() -> XMLMarkup {
        var data = SheetData()
        let production = "Production!"
        let values: [GridLayout.IdentityRow: SheetData.Value] = [
            .format: .text(GridLayout.formatVersion), .framework: .text(framework.identity.id),
            .version: .text(framework.identity.version.description), .digest: .text(bundle.digest),
            .locale: .text(locale),
            .type: .formula(
                resolve(
                    production + GridLayout.ProductionCell.type.absolute, ids: GridLayout.typeIDColumn,
                    titles: GridLayout.typeTitleColumn, count: framework.productionTypes.count),
                cached: .text(chosenType ?? "")),
            .scheme: .formula(
                resolve(
                    production + GridLayout.ProductionCell.scheme.absolute, ids: GridLayout.schemeIDColumn,
                    titles: GridLayout.schemeTitleColumn, count: framework.scoring.schemes.count),
                cached: .text(chosenScheme ?? "")),
        ]
        for row in GridLayout.IdentityRow.allCases {
            data.set(CellReference(column: 1, row: row.rawValue), .text(row.key))
            if let value = values[row] { data.set(row.value, value) }
        }
        for (offset, chunk) in preservedChunks.enumerated() {
            data.set(CellReference(column: 2, row: GridLayout.IdentityRow.preserved.rawValue + offset), .text(chunk))
        }
        for (offset, type) in framework.productionTypes.enumerated() {
            data.set(CellReference(column: GridLayout.typeIDColumn, row: offset + 1), .text(type.id))
            data.set(CellReference(column: GridLayout.typeTitleColumn, row: offset + 1), .text(text(type.title)))
        }
        for (offset, scheme) in framework.scoring.schemes.enumerated() {
            data.set(CellReference(column: GridLayout.schemeIDColumn, row: offset + 1), .text(scheme.id))
            data.set(CellReference(column: GridLayout.schemeTitleColumn, row: offset + 1), .text(text(scheme.title)))
        }
        return Self.worksheet {
            data.markup
            Self.protection
        }
    }

    /// The answers' scheme, when the bundle declares it.
    var chosenScheme: String? {
        let scheme = fill?.answers.production.scheme
        return framework.scoring.schemes.contains { $0.id == scheme } ? scheme : nil
    }

    /// The answer set's members no cell shows, as canonical JSON cut into cell-sized pieces:
    /// top-level and production extras, retired answers, and each answer's other members.
    var preservedChunks: [String] {
        guard let answers = fill?.answers else { return [] }
        var preserved: [String: JSONValue] = [:]
        if !answers.extra.isEmpty { preserved["extra"] = .object(answers.extra) }
        if !answers.production.extra.isEmpty { preserved["production"] = .object(answers.production.extra) }
        if !answers.retired.isEmpty { preserved["retired"] = .array(answers.retired.map(\.jsonValue)) }
        var perAnswer: [String: JSONValue] = [:]
        for (id, answer) in answers.answers {
            let cells = GridAnswerCells(answer)
            if !cells.preserved.isEmpty { perAnswer[id] = .object(cells.preserved) }
        }
        if !perAnswer.isEmpty { preserved["answers"] = .object(perAnswer) }
        guard !preserved.isEmpty else { return [] }
        let json = String(decoding: JSONValue.object(preserved).canonicalBytes(), as: UTF8.self)
        return Self.chunks(json, size: GridLayout.preservedChunk)
    }

    /// `text` cut into pieces of at most `size` UTF-16 code units, at character boundaries.
    static func chunks(_ text: String, size: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        var units = 0
        for character in text {
            let length = character.utf16.count
            if units + length > size {
                pieces.append(current)
                current = ""
                units = 0
            }
            current.append(character)
            units += length
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    private func typeTitle(_ id: String?) -> String {
        framework.productionTypes.first { $0.id == id }.map { text($0.title) } ?? id ?? ""
    }

    private func schemeTitle(_ id: String?) -> String {
        framework.scoring.schemes.first { $0.id == id }.map { text($0.title) } ?? id ?? ""
    }

    /// A title (or an ID) picked on the Production sheet, resolved to its ID; empty otherwise.
    private func resolve(_ cell: String, ids: Int, titles: Int, count: Int) -> String {
        let idRange = "$\(letter(ids))$1:$\(letter(ids))$\(count)"
        let titleRange = "$\(letter(titles))$1:$\(letter(titles))$\(count)"
        return
            "IFERROR(INDEX(\(idRange),MATCH(\(cell),\(titleRange),0)),IFERROR(INDEX(\(idRange),MATCH(\(cell),\(idRange),0)),\"\"))"
    }

    private func letter(_ column: Int) -> String { CellReference.letters(column) }

    func listValidation(_ cells: String, _ source: String) -> XMLMarkup {
        xml(
            "dataValidation", XMLAttribute("type", "list"), XMLAttribute("allowBlank", 1),
            XMLAttribute("showErrorMessage", 1),
            XMLAttribute("sqref", cells)
        ) { xml("formula1", text: source) }
    }

    static let gridTitle = ReportLabel("grille de réponses", "answer grid")
    static let instructions = ReportLabel(
        "Choisissez le type et le dispositif ci-dessous, puis renseignez la colonne Statut de la feuille Grille : la feuille Score se calcule seule.",
        "Pick the type and the scheme below, then fill in the Status column of the Grid sheet: the Score sheet computes itself."
    )
}
