import EcoprodFramework
import Testing

@testable import EcoprodApplication

/// The auditor's findings, read strictly from JSON or YAML, every refusal at its line and column.
@Suite struct FindingsReadingTests {
    static let plan = "sha256:" + String(repeating: "0a", count: 32)

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        /// The line and column of the refusal; nil when the findings read.
        var place: (line: Int, column: Int)?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "YAML that reads",
            text:
                "plan: \"\(plan)\"\nfindings:\n  A1: {outcome: confirmed, note: seen}\n  G9:\n    outcome: refuted\n    note: none\n",
            place: nil),
        Case(
            name: "JSON that reads",
            text: "{\"plan\": \"\(plan)\", \"findings\": {\"A1\": {\"outcome\": \"confirmed\", \"note\": \"\"}}}",
            place: nil),
        Case(
            name: "a YAML outcome that is not one",
            text: "plan: \"\(plan)\"\nfindings:\n  A1:\n    outcome: ok\n    note: x\n",
            place: (4, 14)),
        Case(
            name: "a template left unfilled",
            text: "{\n  \"plan\": \"\(plan)\",\n  \"findings\": {\"A1\": {\"outcome\": \"\", \"note\": \"\"}}\n}",
            place: (3, 34)),
        Case(
            name: "an unknown member", text: "plan: \"\(plan)\"\nfindings: {}\ncertified: true\n", place: (3, 12)),
        Case(
            name: "a plan digest without its prefix", text: "plan: \"\(plan.dropFirst(7))\"\nfindings: {}\n",
            place: (1, 7)),
        Case(name: "a YAML duplicate key", text: "plan: \"\(plan)\"\nfindings: {}\nfindings: {}\n", place: (3, 1)),
        Case(name: "broken JSON", text: "{\"plan\": \"\(plan)\",\n \"findings\": {", place: (2, 15)),
    ]

    @Test(arguments: cases)
    func findingsAreReadStrictly(_ item: Case) throws {
        var diagnostics = DiagnosticCollector()
        let read = FindingsReading.read(Array(item.text.utf8), file: "findings", into: &diagnostics)
        guard let place = item.place else {
            let findings = try #require(read, "\(diagnostics.diagnostics)")
            #expect(findings.planDigest == String(Self.plan.dropFirst(7)))
            #expect(diagnostics.diagnostics.isEmpty)
            return
        }
        #expect(read == nil)
        let first = try #require(diagnostics.diagnostics.first)
        #expect(first.location.file == "findings")
        #expect((first.location.line, first.location.column) == place, "\(first.message) at \(first.location)")
    }
}
