import EcoprodReports
import Foundation
import FrameworkFixtures
import TestSupport
import Testing

@testable import EcoprodFramework
@testable import EcoprodGrid

/// A grid filled for the first release of the migration chain (the shipped 1.2.0) migrates to
/// the newest (3.0.0): the rename, split, merge and retirement show in the new grid, and the
/// new grid imports to exactly the migrated answer set.
@Suite struct GridMigrationTests {
    @Test func aFilledGridMigratesWithEveryChangeVisible() throws {
        let history = try threeVersions()
        let first = history.releases[0].bundle
        let newest = history.releases[2].bundle
        let answers = richAnswers(first, seed: 4)
        var filled = answers
        for id in ["A7", "C4", "C5", "C6", "C7"] {
            filled.answers[id] = Answer(status: .met, fields: ["note": .string("réponse \(id)")])
        }
        let grid = try GridWriter(locale: "fr").write(first, fill: GridWriter.Fill(answers: filled))
        let (imported, problems) = importGrid(grid, bundle: first)
        #expect(problems.isEmpty, "\(problems)")
        var diagnostics = DiagnosticCollector()
        let input = try #require(imported).answers
        let (migrated, report) = try #require(
            Migrator(history: history).migrate(
                input, to: SemanticVersion("3.0.0")!, into: &diagnostics, locate: { _ in .file("grid.xlsx") }))
        let newGrid = try GridWriter(locale: "fr").write(
            newest, fill: GridWriter.Fill(answers: migrated, migration: report, locale: "fr"))

        var reader = try SpreadsheetReader(newGrid, limits: .default)
        let cells = try reader.cells(of: try #require(reader.sheet(named: ["Grille"])))
        let rows = Dictionary(
            cells.filter { $0.key.column == 1 }.map { ($0.value.text, $0.key.row) },
            uniquingKeysWith: { first, _ in first })
        func review(_ id: String) -> String {
            rows[id].flatMap { cells[CellReference(column: GridColumn.review.rawValue, row: $0)]?.text } ?? ""
        }
        #expect(review("A11").contains("Renommé en 2.0.0 : était A7"))
        #expect(review("C8").contains("Scindé en 2.0.0 depuis C6"))
        #expect(review("C9").contains("Scindé en 2.0.0 depuis C6"))
        #expect(review("C10").contains("Fusionné en 3.0.0 depuis C4, C5"))
        #expect(review("J6").contains("Nouveau en 2.0.0 : à renseigner"))
        #expect(review("A1").contains("Modifié en 3.0.0"))
        #expect(review("B1").isEmpty)
        let production = try reader.cells(of: try #require(reader.sheet(named: ["Production"])))
        #expect(production.values.contains { $0.text.hasPrefix("C7 (1.2.0)") })

        let (reimported, later) = importGrid(newGrid, bundle: newest)
        #expect(later.isEmpty, "\(later)")
        #expect(reimported?.answers == migrated)
    }
}
