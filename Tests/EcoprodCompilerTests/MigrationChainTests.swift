import Foundation
import FrameworkFixtures
import TestSupport
import Testing

@testable import EcoprodCompiler
@testable import EcoprodFramework
@testable import EcoprodReports

/// Every string anywhere in a JSON value.
private func strings(in value: JSONValue) -> [String] {
    switch value {
    case .string(let text): return [text]
    case .array(let items): return items.flatMap(strings)
    case .object(let members): return members.keys.map { $0 } + members.values.flatMap(strings)
    default: return []
    }
}

@Suite struct MigrationChainTests {
    private func answersFor(_ bundle: FrameworkBundle, statuses: (Criterion) -> AnswerStatus) -> AnswerSet {
        var answers: [String: Answer] = [:]
        for criterion in bundle.framework.criteria {
            answers[criterion.id] = Answer(
                status: statuses(criterion),
                fields: [
                    "evidence": .array([.string("\(criterion.id)-devis.pdf"), .string("\(criterion.id) photo 📷")]),
                    "note": .string("Note sur \(criterion.id) : « fait »"),
                    "x-reviewer": .string("AFNOR-\(criterion.id)"),
                ])
        }
        return AnswerSet(
            framework: BundleReference(bundle),
            production: Production(title: "Le Film", type: "series", scheme: "performance"), answers: answers)
    }

    private func migrate(_ answers: AnswerSet, history: ReleaseHistory, to version: String) -> (
        AnswerSet, MigrationReport
    )? {
        var diagnostics = DiagnosticCollector()
        let result = Migrator(history: history).migrate(answers, to: SemanticVersion(version)!, into: &diagnostics) {
            SourceLocation(file: "a.json", line: 1, column: 1, path: $0)
        }
        return result.map { ($0.answers, $0.report) }
    }

    @Test func aThreeVersionChainMigratesEndToEnd() throws {
        let history = try threeVersions()
        let start = history.releases[0].bundle
        let input = answersFor(start) { $0.id == "C5" ? .notMet : .met }
        let (output, report) = try #require(migrate(input, history: history, to: "3.0.0"))
        #expect(output.framework == BundleReference(history.releases[2].bundle))
        #expect(report.steps.map(\.to.description) == ["2.0.0", "3.0.0"])
        // Rename.
        #expect(output.answers["A11"]?.evidence == ["A7-devis.pdf", "A7 photo 📷"])
        #expect(output.answers["A7"] == nil)
        // Split: copied, marked for review.
        for id in ["C8", "C9"] {
            #expect(output.answers[id]?.status == .met)
            #expect(output.answers[id]?.fields["needs_review"] != nil)
        }
        #expect(report.review == ["C8", "C9"])
        // Retire: whole answer kept with the reason.
        let retired = try #require(output.retired.first { $0.id == "C7" })
        #expect(retired.version == SemanticVersion("1.2.0"))
        #expect(retired.answer["x-reviewer"] == "AFNOR-C7")
        #expect(retired.reason["en"] == "Covered by C1")
        // Merge (all-met, one source not met): not met, evidence with origins, originals kept.
        let merged = try #require(output.answers["C10"])
        #expect(merged.status == .notMet)
        #expect(merged.evidence == ["[C4] C4-devis.pdf", "[C4] C4 photo 📷", "[C5] C5-devis.pdf", "[C5] C5 photo 📷"])
        #expect(merged.fields["merged_from"]?["C5"]?["status"] == "not-met")
        // New criterion to answer, and changed points listed.
        #expect(report.toAnswer == ["J6"])
        let changed = report.steps[1].actions.filter { $0.kind == .changed }.flatMap(\.to)
        #expect(changed.contains("A1"))
        // Report text lists every kind of step.
        let english = MigrationReportText(locale: "en").render(report)
        for fragment in [
            "A7 renamed to A11", "C6 split into C8, C9", "C7 retired", "C4, C5 merged into C10", "J6 is new",
        ] {
            #expect(english.contains(fragment), "missing '\(fragment)' in\n\(english)")
        }
        let french = MigrationReportText(locale: "fr").render(report)
        for fragment in [
            "A7 devient A11", "C6 scindé en C8, C9", "C7 retiré", "C4, C5 fusionnés dans C10", "J6 est nouveau",
        ] {
            #expect(french.contains(fragment), "missing '\(fragment)' in\n\(french)")
        }
    }

    @Test func anyMetMergeIsMetWhenOneSourceIs() throws {
        let sources: [(String, Answer)] = [("C4", Answer(status: .notMet)), ("C5", Answer(status: .met))]
        #expect(
            Migrator.merge(sources, combination: .anyMet, allSources: ["C4", "C5"], origin: { .string($0) }).status
                == .met)
        #expect(
            Migrator.merge(sources, combination: .allMet, allSources: ["C4", "C5"], origin: { .string($0) }).status
                == .notMet)
        let partial: [(String, Answer)] = [("C4", Answer(status: .met))]
        #expect(
            Migrator.merge(partial, combination: .allMet, allSources: ["C4", "C5"], origin: { .string($0) }).status
                == .notMet)
        let allNA: [(String, Answer)] = [
            ("C4", Answer(status: .notApplicable)), ("C5", Answer(status: .notApplicable)),
        ]
        #expect(
            Migrator.merge(allNA, combination: .allMet, allSources: ["C4", "C5"], origin: { .string($0) }).status
                == .notApplicable)
    }

    /// The invariant, as a property over seeded random answer sets: every input answer, with
    /// its evidence and notes, appears in the output, under a current ID or in `retired`.
    @Test func nothingIsLost() throws {
        let history = try threeVersions()
        let start = history.releases[0].bundle
        var generator = SplitMix(seed: 77)
        for _ in 0..<200 {
            var answers: [String: Answer] = [:]
            for criterion in start.framework.criteria where generator.next() % 3 != 0 {
                let status: AnswerStatus = [.met, .notMet, .notApplicable][Int(generator.next() % 3)]
                var fields: [String: JSONValue] = [
                    "evidence": .array([.string("ev-\(criterion.id)-\(generator.next() % 1000)")])
                ]
                if generator.next() % 2 == 0 {
                    fields["note"] = .string("note-\(criterion.id)-\(generator.next() % 1000)")
                }
                if generator.next() % 4 == 0 { fields["justification"] = .string("just-\(criterion.id)") }
                answers[criterion.id] = Answer(status: status, fields: fields)
            }
            let input = AnswerSet(
                framework: BundleReference(start),
                production: Production(title: "P", type: "documentary", scheme: "performance"), answers: answers)
            let (output, _) = try #require(migrate(input, history: history, to: "3.0.0"))
            let everything = strings(in: output.jsonValue)
            for (id, answer) in input.answers {
                for text in answer.evidence + [answer.note, answer.justification].compactMap({ $0 }) {
                    #expect(everything.contains { $0.contains(text) }, "lost '\(text)' of \(id)")
                }
                let kept =
                    output.answers.values.contains { $0.fields["migrated_from"] != nil || $0 == answer }
                    || output.retired.contains { $0.id == id } || output.answers[id] == answer
                #expect(kept, "answer \(id) is not accounted for")
            }
        }
    }

    @Test func migratingToTheSameVersionIsANoOp() throws {
        let history = try threeVersions()
        let input = answersFor(history.releases[1].bundle) { _ in .met }
        let (output, report) = try #require(migrate(input, history: history, to: "2.0.0"))
        #expect(output == input)
        #expect(report.steps.isEmpty)
    }

    @Test func migratingBackwardsIsRefusedWithAnExplanation() throws {
        let history = try threeVersions()
        let input = answersFor(history.releases[2].bundle) { _ in .met }
        var diagnostics = DiagnosticCollector()
        let result = Migrator(history: history).migrate(input, to: SemanticVersion("1.2.0")!, into: &diagnostics) {
            SourceLocation(file: "a.json", line: 1, column: 1, path: $0)
        }
        #expect(result == nil)
        #expect(diagnostics.diagnostics.first?.code == .migrationRefused)
        #expect(diagnostics.diagnostics.first?.message.contains("backwards") == true)
    }

    @Test func migratedAnswersScoreUnderTheNewVersion() throws {
        let history = try threeVersions()
        let input = answersFor(history.releases[0].bundle) { _ in .met }
        let (output, _) = try #require(migrate(input, history: history, to: "3.0.0"))
        var diagnostics = DiagnosticCollector()
        let report = Scorer(bundle: history.releases[2].bundle).score(output, into: &diagnostics) {
            SourceLocation(file: "a", line: 1, column: 1, path: $0)
        }
        #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics)")
        #expect(report?.unanswered == ["J6"])
    }
}

/// Numbers the tool does not interpret come out exactly as they went in, through a rename, a
/// split, a merge and a retirement, in the pretty (single answer set) and compact (JSONL) forms.
@Suite struct NumberPreservationTests {
    /// A number no double holds exactly, written as a person or a platform would.
    static func number(_ generator: inout SplitMix) -> String {
        let digits = { (count: Int, generator: inout SplitMix) in
            String(
                (0..<count).map { index in
                    Character(String(index == 0 ? 1 + generator.next() % 9 : generator.next() % 10))
                })
        }
        switch generator.next() % 7 {
        case 0: return "9007199254740993"
        case 1: return (generator.next() % 2 == 0 ? "-" : "") + digits(17 + Int(generator.next() % 20), &generator)
        case 2: return "0." + digits(30, &generator)
        case 3: return digits(3, &generator) + "e" + (generator.next() % 2 == 0 ? "-" : "") + "999999"
        case 4: return "-0"
        case 5: return "-0.0"
        default: return digits(2, &generator) + "." + digits(25, &generator) + "E+400"
        }
    }

    @Test(arguments: [UInt64(11), 12, 13, 14, 15])
    func unknownNumbersSurviveEveryKindOfRule(_ seed: UInt64) throws {
        let history = try threeVersions()
        let first = history.releases[0].bundle
        var generator = SplitMix(seed: seed)
        var planted: [String] = []
        func plant() -> JSONValue {
            let lexeme = Self.number(&generator)
            planted.append(lexeme)
            return .number(lexeme)
        }
        var answers: [String: Answer] = [:]
        for criterion in first.framework.criteria {
            answers[criterion.id] = Answer(
                status: generator.next() % 3 == 0 ? .notMet : .met,
                fields: ["x-platform-id": plant(), "x-nested": ["n": plant()]])
        }
        let input = AnswerSet(
            framework: BundleReference(first),
            production: Production(
                title: "Le Film", type: "series", scheme: "performance", extra: ["platform_id": plant()]),
            answers: answers, extra: ["batch": [plant(), ["deep": plant()]]])
        // Through the bytes, as a file would come: the reader must keep each lexeme too.
        var diagnostics = DiagnosticCollector()
        let decoded = try #require(
            AnswerSetDecoder().decode(input.jsonValue.prettyBytes(), file: "a.json", into: &diagnostics),
            "\(diagnostics.diagnostics)")
        let migrated = Migrator(history: history).migrate(decoded, to: SemanticVersion("3.0.0")!, into: &diagnostics) {
            SourceLocation(file: "a.json", line: 1, column: 1, path: $0)
        }
        let output = try #require(migrated).0
        #expect(output.retired.contains { $0.id == "C7" })
        for bytes in [output.jsonValue.prettyBytes(), output.jsonValue.compactBytes()] {
            // JSON's own delimiters cut the text into tokens; each planted lexeme must be one of them.
            let tokens = Set(String(decoding: bytes, as: UTF8.self).split { ",:[]{} \n".contains($0) })
            for lexeme in Set(planted) {
                #expect(tokens.contains(Substring(lexeme)), "\(lexeme) lost (seed \(seed))")
            }
        }
    }

    @Test func theCanonicalFormStillFollowsRFC8785() throws {
        // Digests are taken over the canonical form, where numbers are ECMAScript's shortest form.
        #expect(String(decoding: JSONValue.number("1.50").canonicalBytes(), as: UTF8.self) == "1.5")
        #expect(String(decoding: JSONValue.number("1.50").compactBytes(), as: UTF8.self) == "1.50")
        #expect(try JSONParser().parse(Array("-0".utf8)) == .number("-0"))
        #expect(try JSONParser().parse(Array("9007199254740993".utf8)) == .number("9007199254740993"))
        #expect(try JSONParser().parse(Array("9007199254740992".utf8)) == .integer(9_007_199_254_740_992))
    }
}
