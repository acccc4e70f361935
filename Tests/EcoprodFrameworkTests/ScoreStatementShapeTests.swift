import Foundation
import TestSupport
import Testing

@testable import EcoprodFramework

/// A statement is read as `Schemas/score-statement.schema.json` describes it and no more: its
/// date is a calendar date, and a member the schema does not allow is refused at its path
/// (each would otherwise verify "ok" once re-signed).
@Suite struct ScoreStatementShapeTests {
    static func statement() throws -> JSONValue {
        let bundle = try shippedRelease("1.1.0")
        let answers = packageRoot.appendingPathComponent("Tests/Conformance/ecoprod-label-1.1.0/all-met.answers.json")
        let bytes = Array(try Data(contentsOf: answers))
        var diagnostics = DiagnosticCollector()
        let history = ReleaseHistory(releases: [.init(file: "ecoprod-label-1.1.0.json", bundle: bundle)])
        let scored = try #require(
            ReleaseScorer(history: history, againstLatest: true).scoredAnswers(
                bytes, file: "a.json", into: &diagnostics))
        return ScoreStatement(
            answers: try JSONParser().parse(bytes), name: "a.json", scored: scored, tool: ("ecoprod", "test"),
            date: "2026-11-29"
        ).jsonValue
    }

    static func edited(_ statement: JSONValue, _ path: [String], _ value: JSONValue) -> JSONValue {
        guard let first = path.first, case .object(var members) = statement else { return value }
        members[first] = edited(members[first] ?? .object([:]), Array(path.dropFirst()), value)
        return .object(members)
    }

    /// Edits that must be refused, each with the path the refusal names.
    static let refused: [(path: [String], value: JSONValue, reported: String)] = [
        (["predicate", "scored_on"], "2026-12-99", "$.predicate.scored_on"),
        (["predicate", "scored_on"], "2026-13-01", "$.predicate.scored_on"),
        (["predicate", "scored_on"], "2026-12-00", "$.predicate.scored_on"),
        (["predicate", "scored_on"], "2026-11-31", "$.predicate.scored_on"),
        (["predicate", "certified_by_afnor"], true, "$.predicate.certified_by_afnor"),
        (["approved"], true, "$.approved"),
        (["predicate", "tool", "signed_off"], "yes", "$.predicate.tool.signed_off"),
    ]

    @Test(arguments: refused)
    func aStatementOutsideTheSchemaIsRefused(_ entry: (path: [String], value: JSONValue, reported: String)) throws {
        let statement = Self.edited(try Self.statement(), entry.path, entry.value)
        #expect(throws: JSONField.ShapeError.self) { try ScoreStatement(json: JSONField(statement)) }
        do {
            _ = try ScoreStatement(json: JSONField(statement))
        } catch {
            #expect(error.path == entry.reported)
        }
    }

    @Test func theStatementAsWrittenIsRead() throws {
        let read = try ScoreStatement(json: JSONField(try Self.statement()))
        #expect(read.scoredOn == "2026-11-29")
    }

    @Test(arguments: ["2026-11-31", "2026-02-29", "20261131", "2026-00-10"])
    func aDayThatIsNotOnTheCalendarIsNoSignerTime(_ text: String) {
        #expect(SignerTime(releaseDate: text) == nil && SignerTime(text.replacingOccurrences(of: "-", with: "")) == nil)
    }
}
