import EcoprodReports
import Foundation
import TestSupport
import Testing

@testable import EcoprodFramework
@testable import EcoprodGrid

/// The grid written and read back in process: exact round trips, determinism, the formulas'
/// contract (golden), and the importer's diagnostics at cells.
@Suite struct GridRoundTripTests {
    @Test(arguments: ["fr", "en"], [UInt64(1), 2, 3])
    func answersComeBackExactly(locale: String, seed: UInt64) throws {
        let bundle = try shippedRelease("1.1.0")
        let answers = richAnswers(bundle, seed: seed)
        let grid = try GridWriter(locale: locale).write(bundle, fill: GridWriter.Fill(answers: answers))
        let (imported, diagnostics) = importGrid(grid, bundle: bundle)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported?.answers == answers)
        #expect(imported?.locale == locale)
    }

    @Test func aBlankGridImportsAsUnanswered() throws {
        let bundle = try shippedRelease("1.1.0")
        let grid = try GridWriter(locale: "fr").write(bundle)
        var parts = try GridParts(grid)
        parts.replace(
            #"<c r="B4" s="10"/>"#, with: #"<c r="B4" s="10" t="inlineStr"><is><t>Série</t></is></c>"#,
            in: "xl/worksheets/sheet1.xml")
        parts.replace(
            #"<c r="B5" s="10"/>"#, with: #"<c r="B5" s="10" t="inlineStr"><is><t>Performance</t></is></c>"#,
            in: "xl/worksheets/sheet1.xml")
        let (imported, diagnostics) = importGrid(try parts.package(), bundle: bundle)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported?.answers.answers.isEmpty == true)
        #expect(imported?.answers.production.type == "series")
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let bundle = try shippedRelease("1.1.0")
        let answers = richAnswers(bundle)
        let first = try GridWriter(locale: "fr").write(bundle, fill: GridWriter.Fill(answers: answers))
        let second = try GridWriter(locale: "fr").write(bundle, fill: GridWriter.Fill(answers: answers))
        #expect(first == second)
        let entries = try ZIPDirectory(first, limits: .default).entries.map(\.path)
        #expect(entries.first == "[Content_Types].xml")
        #expect(entries.count == 9)
    }

    /// The formulas and layout of the Score sheet and the workbook part are a contract with
    /// every spreadsheet application: a change shows as a diff.
    @Test func theScoreSheetAndWorkbookMatchTheirGoldenFiles() throws {
        let bundle = try shippedRelease("1.1.0")
        var decoding = DiagnosticCollector()
        let answers = try #require(
            AnswerSetDecoder().decode(
                Array(
                    try Data(
                        contentsOf: packageRoot.appendingPathComponent(
                            "Tests/Conformance/ecoprod-label-1.1.0/one-mandatory-missing.answers.json"))),
                file: "a.json", into: &decoding))
        let parts = try GridParts(try GridWriter(locale: "fr").write(bundle, fill: GridWriter.Fill(answers: answers)))
        try assertMatchesGolden(
            parts.text("xl/worksheets/sheet3.xml").replacingOccurrences(of: "<row ", with: "\n<row "),
            named: "grid-score-sheet.xml")
        try assertMatchesGolden(parts.text("xl/workbook.xml"), named: "grid-workbook.xml")
    }

    @Test func textsXMLCannotHoldAreEscapedAndComeBack() throws {
        let bundle = try shippedRelease("1.1.0")
        var answers = richAnswers(bundle)
        let tricky = "tab\there, bell \u{7}, CR\r\nLF, literal _x0041_, <b>&amp;</b> \"quoted\" 'single'  "
        answers.answers["A1"] = Answer(
            status: .met, fields: ["note": .string(tricky), "evidence": .array([.string(" padded ")])])
        let grid = try GridWriter(locale: "en").write(bundle, fill: GridWriter.Fill(answers: answers))
        let (imported, diagnostics) = importGrid(grid, bundle: bundle)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported?.answers.answers["A1"]?.note == tricky)
        #expect(imported?.answers.answers["A1"]?.evidence == [" padded "])
    }

    @Test func valuesNoCellCanShowAreKeptInThePreservedJSON() throws {
        let bundle = try shippedRelease("1.1.0")
        var answers = richAnswers(bundle)
        answers.answers["A2"] = Answer(
            status: .notMet, fields: ["evidence": .array([.string("two\nlines"), .string("")]), "note": .string("")])
        answers.answers["A3"] = Answer(
            status: .met, fields: ["evidence": .array([]), "note": .string(String(repeating: "é", count: 40_000))])
        let grid = try GridWriter(locale: "fr").write(bundle, fill: GridWriter.Fill(answers: answers))
        let (imported, diagnostics) = importGrid(grid, bundle: bundle)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(imported?.answers == answers)
    }

    @Test(
        arguments: [
            ("Rempli", AnswerStatus.met), ("  met ", .met), ("NOT MET", .notMet), ("Non rempli", .notMet),
            ("non applicable", .notApplicable),
            ("not-applicable", .notApplicable), ("Fait", nil), ("", nil), ("\u{A0}Rempli\u{A0}", .met),
            ("\tNot applicable\r\n", .notApplicable),
            ("Rem pli", nil), ("   ", nil),
        ] as [(String, AnswerStatus?)])
    func statusWordsAreReadInEitherLocaleAndAsIDs(word: String, status: AnswerStatus?) {
        #expect(GridWords.status(word) == status)
    }

    @Test(
        arguments: [
            ("Oui", true), (" yes ", true), ("NON", false), ("\u{A0}No", false), ("TRUE", true), ("0", false),
            ("Ja", nil), ("", nil),
        ] as [(String, Bool?)])
    func mandatoryFlagsAreReadInEitherLocaleAndAsBooleans(word: String, flag: Bool?) {
        #expect(GridWords.mandatoryFlag(word) == flag)
    }
}
