import EcoprodFramework

/// The grid sheet: a header row, then per department a heading row and one row per criterion:
/// the bundle's structure (locked), the answer columns (unlocked), the review column, and the
/// hidden helper columns the Score sheet sums.
extension GridContext {
    func gridSheet() -> XMLMarkup {
        var data = SheetData()
        for column in GridColumn.allCases {
            data.set(column, row: GridLayout.headerRow, .text(label(column.header)), style: .header)
        }
        var statusRows: [Int] = []
        var twoStatusRows: [Int] = []
        var reviewed = false
        for (row, item) in rows {
            switch item {
            case .department(let department):
                data.set(.id, row: row, .text(department.id), style: .departmentHeading)
                data.set(.title, row: row, .text(text(department.title)), style: .departmentHeading)
                for column in GridColumn.allCases where column.rawValue > GridColumn.title.rawValue && !column.isHidden
                {
                    data.set(column, row: row, .blank, style: .departmentHeading)
                }
            case .criterion(let criterion):
                reviewed = writeCriterion(criterion, row: row, into: &data) || reviewed
                if criterion.mandatory && !framework.scoring.notApplicable.mandatoryAllowed {
                    twoStatusRows.append(row)
                } else {
                    statusRows.append(row)
                }
            }
        }
        let last = lastGridRow
        let visible = "A\(GridLayout.headerRow):\(GridColumn.review.letter)\(last)"
        return Self.worksheet {
            Self.fitToPage
            xml("sheetViews") {
                xml("sheetView", XMLAttribute("workbookViewId", 0)) {
                    xml(
                        "pane", XMLAttribute("xSplit", 2), XMLAttribute("ySplit", GridLayout.headerRow),
                        XMLAttribute("topLeftCell", "C\(GridLayout.headerRow + 1)"),
                        XMLAttribute("activePane", "bottomRight"), XMLAttribute("state", "frozen"))
                }
            }
            Self.columns(
                GridColumn.allCases.map { ($0.rawValue, $0.width, $0.isHidden || ($0 == .review && !reviewed)) })
            data.markup
            Self.protection
            xml("autoFilter", XMLAttribute("ref", visible))
            xml("conditionalFormatting", XMLAttribute("sqref", visible)) {
                xml("cfRule", XMLAttribute("type", "expression"), XMLAttribute("dxfId", 0), XMLAttribute("priority", 1))
                {
                    xml(
                        "formula",
                        text:
                            "AND(ISNUMBER($\(GridColumn.applies.letter)\(GridLayout.headerRow)),$\(GridColumn.applies.letter)\(GridLayout.headerRow)=0)"
                    )
                }
            }
            xml("dataValidations", XMLAttribute("count", [statusRows, twoStatusRows].filter { !$0.isEmpty }.count)) {
                if !statusRows.isEmpty {
                    listValidation(
                        Self.ranges(statusRows, column: .status), statusList([.met, .notMet, .notApplicable]))
                }
                if !twoStatusRows.isEmpty {
                    listValidation(Self.ranges(twoStatusRows, column: .status), statusList([.met, .notMet]))
                }
            }
            printSetup
        }
    }

    /// One criterion's row; returns whether it is highlighted for review.
    private func writeCriterion(_ criterion: Criterion, row: Int, into data: inout SheetData) -> Bool {
        let structure: GridStyle = criterion.mandatory ? .mandatoryStructure : .structure
        data.set(.id, row: row, .text(criterion.id), style: structure)
        data.set(.title, row: row, .text(text(criterion.title)), style: .structure)
        data.set(.guidance, row: row, .text(text(criterion.guidance)), style: .structure)
        data.set(.points, row: row, .number(criterion.points), style: .structure)
        data.set(.mandatory, row: row, .text(GridWords.mandatory(criterion.mandatory, locale)), style: structure)
        data.set(.stages, row: row, .text(titles(criterion.stages, in: framework.identity.stages)), style: .structure)
        let everyType = Set(criterion.appliesTo) == Set(framework.productionTypes.map(\.id))
        let appliesTo =
            everyType
            ? label(.allTypes).prefix(1).uppercased() + label(.allTypes).dropFirst()
            : titles(criterion.appliesTo, in: framework.productionTypes)
        data.set(.appliesTo, row: row, .text(appliesTo), style: .structure)
        data.set(
            .evidenceExpected, row: row, .text(criterion.evidence.map(text).joined(separator: "\n")), style: .structure)
        let reason = fill?.review[criterion.id]
        data.heights[row] = Self.height(
            of: [
                (criterion.title[locale] ?? "", GridColumn.title), (criterion.guidance[locale] ?? "", .guidance),
                (appliesTo, .appliesTo),
                (titles(criterion.stages, in: framework.identity.stages), .stages),
                (criterion.evidence.map(text).joined(separator: "\n"), .evidenceExpected), (reason ?? "", .review),
            ]
                + (answer(criterion.id).map(GridAnswerCells.init).map {
                    [($0.evidence ?? "", .evidence), ($0.note ?? "", .note), ($0.justification ?? "", .justification)]
                } ?? []))
        let answerStyle: GridStyle = reason == nil ? .answer : .reviewAnswer
        let answer = answer(criterion.id)
        let cells = answer.map(GridAnswerCells.init)
        data.set(
            .status, row: row, answer.map { .text(GridWords.word($0.status, locale)) } ?? .blank, style: answerStyle)
        data.set(.evidence, row: row, cells?.evidence.map(SheetData.Value.text) ?? .blank, style: answerStyle)
        data.set(.note, row: row, cells?.note.map(SheetData.Value.text) ?? .blank, style: answerStyle)
        data.set(.justification, row: row, cells?.justification.map(SheetData.Value.text) ?? .blank, style: answerStyle)
        data.set(
            .review, row: row, reason.map(SheetData.Value.text) ?? .blank, style: reason == nil ? .structure : .review)
        let cached = formulas.cached(criterion, status: answer?.status, type: chosenType)
        data.set(
            .applies, row: row,
            .formula(formulas.applies(row: row), cached: cached.applies.map(SheetData.Cached.number) ?? .text("")),
            style: .plain)
        data.set(.appliesList, row: row, .text(criterion.appliesTo.joined(separator: ";")), style: .plain)
        data.set(
            .counted, row: row, .formula(formulas.counted(row: row), cached: .number(cached.counted)), style: .plain)
        data.set(.metPoints, row: row, .formula(formulas.met(row: row), cached: .number(cached.met)), style: .plain)
        data.set(
            .mandatoryMissing, row: row,
            criterion.mandatory
                ? .formula(formulas.mandatoryMissing(row: row), cached: .number(cached.missing)) : .number(0),
            style: .plain)
        return reason != nil
    }

    /// A row height that shows every line of the row's wrapped texts: 15 points a line, lines
    /// counted from the column widths (a character is about one width unit).
    static func height(of texts: [(String, GridColumn)]) -> Int {
        let lines =
            texts.map { text, column in
                text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
                    total + max(1, (line.count + column.width - 3) / max(column.width - 2, 1))
                }
            }.max() ?? 1
        return 15 * min(max(lines, 1), 27)
    }

    private func titles(_ ids: [String], in catalog: [CatalogEntry]) -> String {
        ids.map { id in catalog.first { $0.id == id }.map { text($0.title) } ?? id }.joined(separator: ", ")
    }

    /// A drop-down list written inline: `"Rempli,Non rempli,Non applicable"`.
    private func statusList(_ statuses: [AnswerStatus]) -> String {
        "\"" + statuses.map { GridWords.word($0, locale) }.joined(separator: ",") + "\""
    }

    /// Rows as a space-separated list of ranges (`I3:I12 I14:I20`), runs merged.
    static func ranges(_ rows: [Int], column: GridColumn) -> String {
        var runs: [ClosedRange<Int>] = []
        for row in rows.sorted() {
            if let last = runs.last, last.upperBound + 1 == row {
                runs[runs.count - 1] = last.lowerBound...row
            } else {
                runs.append(row...row)
            }
        }
        return runs.map { run in
            let start = column.letter + String(run.lowerBound)
            return run.count == 1 ? start : start + ":" + column.letter + String(run.upperBound)
        }.joined(separator: " ")
    }
}
