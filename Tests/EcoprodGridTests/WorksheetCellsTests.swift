import EcoprodReports
import Testing

@testable import EcoprodGrid

/// The streaming worksheet reader, on the shapes real applications write: prefixes, missing
/// `r` attributes, rich and phonetic runs, shared and inline strings, formulas with cached values.
@Suite struct WorksheetCellsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var xml: String
        var cells: [String: SpreadsheetReader.CellValue]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "plain cells",
            xml:
                #"<worksheet><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="C2"><v>5</v></c></row></sheetData></worksheet>"#,
            cells: ["A2": .text("x"), "C2": .number("5")]),
        Case(
            name: "prefixed elements and attributes",
            xml:
                #"<x:worksheet xmlns:x="s"><x:sheetData><x:row r="3"><x:c r="B3" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"#,
            cells: ["B3": .text("second")]),
        Case(
            name: "prefixed attributes count, namespace declarations do not",
            xml:
                #"<worksheet xmlns:x="s"><sheetData><row xmlns:r="urn:r" x:r="7"><c x:t="inlineStr"><is><t>p</t></is></c><c x:r="C7"><v>3</v></c></row></sheetData></worksheet>"#,
            cells: ["A7": .text("p"), "C7": .number("3")]),
        Case(
            name: "rows and cells without r follow the previous ones",
            xml:
                #"<worksheet><sheetData><row r="4"><c r="B4"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>"#,
            cells: ["B4": .number("1"), "C4": .number("2"), "A5": .number("3")]),
        Case(
            name: "rich runs are joined and phonetic runs skipped",
            xml:
                #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><t>Dé</t></r><r><rPr/><t xml:space="preserve">jà vu</t></r><rPh><t>ignored</t></rPh></is></c></row></sheetData></worksheet>"#,
            cells: ["A1": .text("Déjà vu")]),
        Case(
            name: "a formula keeps its cached value; booleans, errors and str",
            xml:
                #"<worksheet><sheetData><row r="1"><c r="A1"><f>1+1</f><v> 2 </v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="str"><f>A1</f><v>a_x000D_b</v></c></row></sheetData></worksheet>"#,
            cells: ["A1": .number("2"), "B1": .boolean(true), "C1": .error("#DIV/0!"), "D1": .text("a\rb")]),
        Case(
            name: "only the first v and the first is count",
            xml:
                #"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v><v>2</v></c><c r="B1" t="inlineStr"><is><t>a</t></is><is><t>b</t></is></c></row></sheetData></worksheet>"#,
            cells: ["A1": .number("1"), "B1": .text("a")]),
        Case(
            name: "text split by a comment and CDATA is one value",
            xml:
                #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a<!-- c -->b<![CDATA[<c>]]>&amp;</t></is></c></row></sheetData></worksheet>"#,
            cells: ["A1": .text("ab<c>&")]),
        Case(
            name: "CDATA is character data as written: no reference is resolved, line ends are normalised",
            xml:
                "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t><![CDATA[a &amp; b\r\nc]]></t></is></c></row></sheetData></worksheet>",
            cells: ["A1": .text("a &amp; b\nc")]),
        Case(
            name: "cells outside the first sheetData, or not under a row, are not cells",
            xml:
                #"<worksheet><c r="A1"><v>9</v></c><sheetData><c r="A2"><v>9</v></c><row r="3"><x><c r="A3"><v>9</v></c></x></row></sheetData><sheetData><row r="4"><c r="A4"><v>9</v></c></row></sheetData></worksheet>"#,
            cells: [:]),
        Case(
            name: "empty cells are absent",
            xml:
                #"<worksheet><sheetData><row r="1"><c r="A1" s="3"/><c r="B1" t="s"/><c r="C1"><v>0</v></c></row></sheetData></worksheet>"#,
            cells: ["C1": .number("0")]),
    ]

    private func read(_ xml: String) throws -> WorksheetCells {
        var cells = WorksheetCells(
            sharedStrings: ["first", "second"],
            sheet: SpreadsheetReader.SheetEntry(name: "Grille", part: "xl/worksheets/sheet2.xml", hidden: false))
        var reader = XMLDocumentReader(maxDepth: 64)
        try reader.read(Array(xml.utf8), into: &cells)
        return cells
    }

    @Test(arguments: cases)
    func cellsAreReadAsApplicationsWriteThem(_ test: Case) throws {
        let read = try read(test.xml)
        #expect(read.failure == nil)
        let expected = Dictionary(uniqueKeysWithValues: test.cells.map { (CellReference($0.key)!, $0.value) })
        #expect(read.cells == expected)
    }

    @Test func aSharedStringThatDoesNotExistIsNamedAtItsCell() throws {
        let read = try read(
            #"<worksheet><sheetData><row r="7"><c r="I7" t="s"><v>2</v></c><c r="J7" t="s"><v>x</v></c></row></sheetData></worksheet>"#
        )
        #expect(
            read.failure
                == .unreadablePart(
                    "xl/worksheets/sheet2.xml", reason: "cell Grille!I7 names shared string '2', but there are 2"))
    }
}
