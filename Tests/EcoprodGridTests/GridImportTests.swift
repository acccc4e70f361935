import EcoprodReports
import Foundation
import TestSupport
import Testing

@testable import EcoprodFramework
@testable import EcoprodGrid

/// A grid edited or rewritten the way real applications do it: every problem at its cell, and
/// every rewrite that keeps the values imports to the same answers.
@Suite struct GridImportTests {
    /// The conformance case "one mandatory criterion missing": A1 (row 3, mandatory, 4 points)
    /// is answered "Non rempli", A2 (row 4) "Rempli".
    private func filledGrid() throws -> (FrameworkBundle, AnswerSet, GridParts) {
        let bundle = try shippedRelease("1.1.0")
        var decoding = DiagnosticCollector()
        let answers = try #require(
            AnswerSetDecoder().decode(
                Array(
                    try Data(
                        contentsOf: packageRoot.appendingPathComponent(
                            "Tests/Conformance/ecoprod-label-1.1.0/one-mandatory-missing.answers.json"))),
                file: "a.json", into: &decoding))
        return (
            bundle, answers,
            try GridParts(try GridWriter(locale: "fr").write(bundle, fill: GridWriter.Fill(answers: answers)))
        )
    }

    /// An edit of one cell of a sheet, and the code and cell it must be reported at.
    struct Edit: CustomStringConvertible, Sendable {
        var description: String
        var part: String
        var find: String
        var replacement: String
        var code: DiagnosticCode
        var cell: String
    }

    static let edits: [Edit] = [
        Edit(
            description: "an unknown status word", part: "xl/worksheets/sheet2.xml",
            find: "<c r=\"I3\" s=\"5\" t=\"inlineStr\"><is><t>Non rempli</t>",
            replacement: "<c r=\"I3\" s=\"5\" t=\"inlineStr\"><is><t>Fait</t>", code: .gridStatus, cell: "Grille!I3"),
        Edit(
            description: "evidence and a note without a status", part: "xl/worksheets/sheet2.xml",
            find: "<c r=\"I3\" s=\"5\" t=\"inlineStr\"><is><t>Non rempli</t></is></c>",
            replacement: "<c r=\"I3\" s=\"5\"/>",
            code: .gridStatus, cell: "Grille!I3"),
        Edit(
            description: "an altered ID", part: "xl/worksheets/sheet2.xml",
            find: "<c r=\"A4\" s=\"4\" t=\"inlineStr\"><is><t>A2</t>",
            replacement: "<c r=\"A4\" s=\"4\" t=\"inlineStr\"><is><t>A99</t>", code: .gridStructure, cell: "Grille!A4"),
        Edit(
            description: "altered points", part: "xl/worksheets/sheet2.xml", find: "<c r=\"D3\" s=\"3\"><v>4</v>",
            replacement: "<c r=\"D3\" s=\"3\"><v>40</v>", code: .gridStructure, cell: "Grille!D3"),
        Edit(
            description: "an altered mandatory flag", part: "xl/worksheets/sheet2.xml",
            find: "<c r=\"E3\" s=\"4\" t=\"inlineStr\"><is><t>Oui</t>",
            replacement: "<c r=\"E3\" s=\"4\" t=\"inlineStr\"><is><t>Non</t>", code: .gridStructure, cell: "Grille!E3"),
        Edit(
            description: "a type not in the bundle", part: "xl/worksheets/sheet1.xml", find: "<t>Long métrage</t>",
            replacement: "<t>Navet</t>", code: .answersUnknownType, cell: "Production!B4"),
        Edit(
            description: "a scheme not in the bundle", part: "xl/worksheets/sheet1.xml",
            find: "<c r=\"B5\" s=\"10\" t=\"inlineStr\"><is><t>Performance</t>",
            replacement: "<c r=\"B5\" s=\"10\" t=\"inlineStr\"><is><t>Excellence</t>", code: .answersUnknownScheme,
            cell: "Production!B5"),
        Edit(
            description: "a mandatory criterion not applicable", part: "xl/worksheets/sheet2.xml",
            find: "<c r=\"I3\" s=\"5\" t=\"inlineStr\"><is><t>Non rempli</t>",
            replacement: "<c r=\"I3\" s=\"5\" t=\"inlineStr\"><is><t>Not applicable</t>",
            code: .answersNotApplicableRefused, cell: "Grille!I3"),
        Edit(
            description: "a foreign digest", part: "xl/worksheets/sheet4.xml", find: "<t>sha256:",
            replacement: "<t>sha256:0", code: .gridIdentity, cell: "ecoprod!B4"),
        Edit(
            description: "another grid format", part: "xl/worksheets/sheet4.xml", find: "<t>ecoprod-grid/1</t>",
            replacement: "<t>ecoprod-grid/9</t>", code: .gridIdentity, cell: "ecoprod!B1"),
        Edit(
            description: "preserved JSON edited by hand", part: "xl/worksheets/sheet4.xml", find: "<c r=\"B6\"",
            replacement: "<c r=\"B8\" t=\"inlineStr\"><is><t>{\"answers\": </t></is></c><c r=\"B6\"",
            code: .gridPreserved, cell: "ecoprod!B8"),
    ]

    @Test(arguments: edits)
    func eachProblemIsReportedAtItsCell(_ edit: Edit) throws {
        var (bundle, _, parts) = try filledGrid()
        parts.replace(edit.find, with: edit.replacement, in: edit.part)
        let (result, diagnostics) = importGrid(try parts.package(), bundle: bundle)
        #expect(result == nil)
        // One edit, one diagnostic: an altered ID is recognised by its title, and not reported
        // again as a criterion without its row.
        #expect(
            diagnostics.count == 1
                && diagnostics.allSatisfy { $0.code == edit.code && $0.location.file == "grid.xlsx" }, "\(diagnostics)")
        #expect(diagnostics.first?.location.cell == edit.cell)
    }

    @Test func aSharedStringThatDoesNotExistIsAnErrorNotAnEmptyCell() throws {
        var (bundle, _, parts) = try filledGrid()
        parts.replace(
            "<c r=\"I3\" s=\"5\" t=\"inlineStr\"><is><t>Non rempli</t></is></c>",
            with: "<c r=\"I3\" s=\"5\" t=\"s\"><v>7</v></c>", in: "xl/worksheets/sheet2.xml")
        let (result, diagnostics) = importGrid(try parts.package(), bundle: bundle)
        #expect(result == nil)
        #expect(diagnostics.map(\.code) == [.gridNotAWorkbook])
        #expect(diagnostics.first?.message.contains("Grille!I3 names shared string '7'") == true)
    }

    @Test func aRowDeletedOrCopiedIsReported() throws {
        var (bundle, _, parts) = try filledGrid()
        let sheet = parts.text("xl/worksheets/sheet2.xml")
        let start = try #require(sheet.range(of: "<row r=\"4\""))
        let end = try #require(sheet.range(of: "</row>", range: start.upperBound..<sheet.endIndex))
        parts.set(
            "xl/worksheets/sheet2.xml", sheet.replacingCharacters(in: start.lowerBound..<end.upperBound, with: ""))
        let (_, deleted) = importGrid(try parts.package(), bundle: bundle)
        #expect(deleted.map(\.code) == [.gridStructure])
        #expect(deleted.first?.message.contains("no row has the ID A2") == true)
    }

    /// What Excel, LibreOffice and others do on save: shared strings instead of inline ones,
    /// numbers stored as text, styles renumbered, parts renamed through the relationships, and
    /// another namespace prefix.
    @Test func aWorkbookRewrittenByAnotherApplicationImportsTheSame() throws {
        var (bundle, answers, parts) = try filledGrid()
        let grid = parts.text("xl/worksheets/sheet2.xml")
            .replacingOccurrences(
                of: "<c r=\"I3\" s=\"5\" t=\"inlineStr\"><is><t>Non rempli</t></is></c>",
                with: "<c r=\"I3\" s=\"12\" t=\"s\"><v>0</v></c>"
            )
            .replacingOccurrences(
                of: "<c r=\"I4\" s=\"5\" t=\"inlineStr\"><is><t>Rempli</t></is></c>",
                with: "<c r=\"I4\" s=\"12\" t=\"s\"><v>1</v></c>"
            )
            .replacingOccurrences(
                of: "<c r=\"D3\" s=\"3\"><v>4</v></c>", with: "<c r=\"D3\" s=\"2\" t=\"s\"><v>2</v></c>"
            )
            .replacingOccurrences(of: " s=\"3\"", with: " s=\"41\"")
        #expect(
            grid.contains("t=\"s\"><v>0</v>") && grid.contains("t=\"s\"><v>1</v>") && grid.contains("t=\"s\"><v>2</v>"))
        parts.remove("xl/worksheets/sheet2.xml")
        parts.set("xl/feuilles/grille.xml", grid)
        parts.set(
            "xl/sharedStrings.xml",
            #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3"><si><r><t>Non </t></r><r><t>rempli</t></r><rPh><t>x</t></rPh></si><si><t>Rempli</t></si><si><t>4</t></si></sst>"#
        )
        parts.replace(
            "Target=\"worksheets/sheet2.xml\"", with: "Target=\"/xl/feuilles/grille.xml\"",
            in: "xl/_rels/workbook.xml.rels")
        parts.replace(
            "</Relationships>",
            with:
                "<Relationship Id=\"rId20\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
            in: "xl/_rels/workbook.xml.rels")
        let workbook = parts.text("xl/workbook.xml")
            .replacingOccurrences(of: "xmlns=\"", with: "xmlns:x=\"")
            .replacing(/<(\/?)([a-zA-Z])/) { match in "<\(match.output.1)x:\(match.output.2)" }
        parts.set("xl/workbook.xml", workbook)
        let (imported, diagnostics) = importGrid(try parts.package(), bundle: bundle)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported?.answers == answers)
    }

    /// Clearing the status of an answer that kept members no cell shows drops them, with a
    /// warning at the status cell that names them; the rest imports as it was.
    @Test func aClearedStatusDropsKeptMembersWithAWarning() throws {
        let bundle = try shippedRelease("1.1.0")
        let answers = richAnswers(bundle)
        let (id, answer) = try #require(
            answers.answers.sorted { $0.key < $1.key }.first { $0.value.fields["x-auditor"] != nil })
        var parts = try GridParts(try GridWriter(locale: "fr").write(bundle, fill: GridWriter.Fill(answers: answers)))
        let sheet = parts.text("xl/worksheets/sheet2.xml")
        // The row of that criterion: its ID cell, then its status cell (column I) with its word.
        let idCell = try #require(sheet.range(of: "<t>\(id)</t>"))
        let rowStart = try #require(sheet[..<idCell.lowerBound].range(of: "<row r=\"", options: .backwards)).upperBound
        let row = try #require(Int(sheet[rowStart...].prefix { $0.isNumber }))
        let word = GridWords.word(answer.status, "fr")
        parts.replace(
            "<c r=\"I\(row)\" s=\"5\" t=\"inlineStr\"><is><t>\(word)</t></is></c>", with: "<c r=\"I\(row)\" s=\"5\"/>",
            in: "xl/worksheets/sheet2.xml")
        // Its evidence, note and justification cleared too: an unanswered row holds none.
        for column in ["J", "K", "L"] {
            let cells = parts.text("xl/worksheets/sheet2.xml")
            guard let start = cells.range(of: "<c r=\"\(column)\(row)\""),
                let end = cells[start.upperBound...].range(of: "</c>")
            else { continue }
            parts.set(
                "xl/worksheets/sheet2.xml",
                cells.replacingCharacters(
                    in: start.lowerBound..<end.upperBound, with: "<c r=\"\(column)\(row)\" s=\"5\"/>"))
        }
        let (imported, diagnostics) = importGrid(try parts.package(), bundle: bundle)
        let warning = try #require(diagnostics.first)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(warning.code == .gridPreservedDropped)
        #expect(warning.severity == .warning)
        #expect(warning.location.cell == "Grille!I\(row)")
        #expect(warning.message.contains("'x-auditor'"))
        var expected = answers
        expected.answers[id] = nil
        #expect(imported?.answers == expected)
    }
}
