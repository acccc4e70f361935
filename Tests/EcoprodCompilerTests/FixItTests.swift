import EcoprodFramework
import Foundation
import FrameworkFixtures
import TestSupport
import Testing

@testable import EcoprodCompiler

/// The compiler attaches a Fix-It where the repair is certain, and applying it removes the
/// diagnostic: checked by compiling the shipped framework with one planted mistake.
struct FixItTests {
    static let departmentA = packageRoot.appendingPathComponent("Framework/departments/A-production.yaml")

    static func compile(replacing find: String, with replace: String) throws -> (
        text: String, result: FrameworkCompiler.Result
    ) {
        let original = try String(contentsOf: departmentA, encoding: .utf8)
        let text = original.replacingOccurrences(of: find, with: replace, options: [], range: original.range(of: find))
        let result = FrameworkCompiler().compile(
            directory: packageRoot.appendingPathComponent("Framework").path,
            replacingWith: SourceFile(path: "A.yaml", bytes: Array(text.utf8)))
        return (text, result)
    }

    /// `text` with one edit applied (1-based lines and columns in scalars, as diagnostics give them).
    static func apply(_ edit: FixIt.Edit, to text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let line = edit.location.line - 1
        let endLine = (edit.location.endLine ?? edit.location.line) - 1
        let head = lines[line].prefix(edit.location.column - 1)
        let tail = lines[endLine].dropFirst((edit.location.endColumn ?? edit.location.column) - 1)
        let merged = String(String.UnicodeScalarView(head)) + edit.replacement + String(String.UnicodeScalarView(tail))
        lines.replaceSubrange(
            line...endLine,
            with: merged.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) })
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }

    @Test(arguments: [
        (
            "mandatory: true", "mandatory: yes", DiagnosticCode.invalidMandatory, "Replace 'yes' with 'true'",
            "mandatory: true"
        ),
        ("mandatory: true", "mandatory: Off", .invalidMandatory, "Replace 'Off' with 'false'", "mandatory: false"),
        ("points: 4", "points: 0x10", .invalidPoints, "Replace '0x10' with '16'", "points: 16"),
        ("points: 4", "points: 1_000", .invalidPoints, "Replace '1_000' with '1000'", "points: 1000"),
        ("points: 4", "points: 4.0", .invalidPoints, "Replace '4.0' with '4'", "points: 4"),
        ("    evidence:", "    evidense:", .unknownKey, "Replace 'evidense' with 'evidence'", "    evidence:"),
        (
            "stages: [preparation]", "stages: [preparaton]", .unknownStage, "Replace 'preparaton' with 'preparation'",
            "stages: [preparation]"
        ),
    ])
    func aCertainRepairIsAttachedAndRemovesTheProblem(
        _ find: String, _ replace: String, _ code: DiagnosticCode, _ title: String, _ expected: String
    ) throws {
        let (text, result) = try Self.compile(replacing: find, with: replace)
        let diagnostic = try #require(result.diagnostics.first { $0.code == code })
        let fix = try #require(diagnostic.fixes.first)
        #expect(fix.title == title)
        let repaired = fix.edits.reduce(text) { Self.apply($1, to: $0) }
        let original = try String(contentsOf: Self.departmentA, encoding: .utf8)
        #expect(
            repaired
                == original.replacingOccurrences(of: find, with: expected, options: [], range: original.range(of: find))
        )
        let again = FrameworkCompiler().compile(
            directory: packageRoot.appendingPathComponent("Framework").path,
            replacingWith: SourceFile(path: "A.yaml", bytes: Array(repaired.utf8)))
        #expect(
            !again.diagnostics.contains { $0.code == code && $0.location.file == "A.yaml" },
            "\(again.diagnostics.map(\.message))")
    }

    @Test(arguments: ["points: three", "points: -3", "points: 0x0"])
    func noFixIsOfferedWhenTheIntentIsNotCertain(_ replace: String) throws {
        let (_, result) = try Self.compile(replacing: "points: 4", with: replace)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .invalidPoints })
        #expect(diagnostic.fixes.isEmpty)
    }

    @Test(
        arguments: [
            ("0x10", 16), ("0o17", 15), ("0b101", 5), ("+3", 3), ("1_000", 1000), ("4.00", 4), ("4.5", nil),
            ("three", nil),
        ] as [(String, Int?)])
    func pointsSpellingsOtherDialectsRead(_ text: String, _ value: Int?) {
        #expect(PointsSpelling.decimal(of: text) == value)
    }
}
