import EcoprodFramework
import Foundation
import FrameworkFixtures
import TestSupport
import Testing

@testable import EcoprodCompiler
@testable import EcoprodReports

private let departmentC = "Framework/departments/C-production-offices.yaml"
private let departmentJ = "Framework/departments/J-post-production.yaml"

/// One edit of the framework and the change it must produce.
struct EvolutionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var edit: @Sendable (inout FrameworkEvolution) -> Void
    var kind: Change.Kind
    var changeClass: ChangeClass
    var criterion: String?
    var locale: String? = nil
    var testDescription: String { name }
}

@Suite struct FrameworkDiffTests {
    static let cases: [EvolutionCase] = [
        .init(
            name: "audit sample changed",
            edit: { $0.replace("  size: ceil-sqrt\n", with: "  size: 12\n", in: "Framework/framework.yaml") },
            kind: .auditPolicyChanged, changeClass: .scoring, criterion: nil),
        .init(
            name: "points changed",
            edit: {
                $0.replace(
                    "    points: 2\n    mandatory: false", with: "    points: 3\n    mandatory: false", in: departmentA)
            },
            kind: .pointsChanged, changeClass: .scoring, criterion: "A7"),
        .init(
            name: "mandatory flipped",
            edit: {
                $0.replace(
                    "    points: 2\n    mandatory: false", with: "    points: 2\n    mandatory: true", in: departmentA)
            },
            kind: .mandatoryChanged, changeClass: .scoring, criterion: "A7"),
        .init(
            name: "applicability narrowed",
            edit: { $0.replace("applies_to: all", with: "applies_to: [series]", in: departmentJ) },
            kind: .applicabilityChanged, changeClass: .scoring, criterion: "J1"),
        .init(
            name: "criterion added", edit: { $0.appendCriterion("J6", to: departmentJ) }, kind: .criterionAdded,
            changeClass: .additive, criterion: "J6"),
        .init(
            name: "title edited in one locale",
            edit: {
                $0.replace(
                    "en: \"Environmental clause in contracts\"",
                    with: "en: \"An environmental clause in every contract\"", in: departmentA)
            },
            kind: .titleChanged, changeClass: .editorial, criterion: "A7", locale: "en"),
        .init(
            name: "evidence reworded",
            edit: {
                $0.replace(
                    "en: \"Contract template with the clause\"", with: "en: \"The contract template, with its clause\"",
                    in: departmentA)
            },
            kind: .evidenceChanged, changeClass: .editorial, criterion: "A7", locale: "en"),
        .init(
            name: "renamed with replaces",
            edit: { $0.replace("  - id: A7\n", with: "  - id: A11\n    replaces: [A7]\n", in: departmentA) },
            kind: .criterionRenamed, changeClass: .scoring, criterion: "A11"),
        .init(
            name: "split",
            edit: { evolution in
                evolution.removeCriterion("C6", in: departmentC)
                evolution.appendCriterion(
                    "C8", to: departmentC, title: ("Stockage en ligne limité", "Less cloud storage"),
                    extra: "    replaces: [C6]\n")
                evolution.appendCriterion(
                    "C9", to: departmentC, title: ("Visioconférence sobre", "Lighter video calls"),
                    extra: "    replaces: [C6]\n")
            }, kind: .criterionSplit, changeClass: .scoring, criterion: "C6"),
        .init(
            name: "merged",
            edit: { evolution in
                evolution.removeCriterion("C4", in: departmentC)
                evolution.removeCriterion("C5", in: departmentC)
                evolution.appendCriterion(
                    "C8", to: departmentC, title: ("Papier et déchets de bureau", "Paper and office waste"),
                    extra: "    replaces: [C4, C5]\n    combine: all-met\n")
            }, kind: .criterionMerged, changeClass: .scoring, criterion: "C8"),
        .init(
            name: "retired",
            edit: { evolution in
                evolution.removeCriterion("C7", in: departmentC)
                evolution.replace(
                    "scoring:\n",
                    with:
                        "retired:\n  - id: C7\n    reason: {fr: \"Couvert par C1\", en: \"Covered by C1\"}\nscoring:\n",
                    in: frameworkFile)
            }, kind: .criterionRetired, changeClass: .scoring, criterion: "C7"),
        .init(
            name: "threshold changed",
            edit: {
                $0.replace(
                    "{percent: 65, comparison: at-least}", with: "{percent: 64, comparison: at-least}",
                    in: frameworkFile)
            },
            kind: .thresholdChanged, changeClass: .scoring),
        .init(
            name: "comparison changed",
            edit: {
                $0.replace(
                    "{percent: 65, comparison: at-least}", with: "{percent: 65, comparison: more-than}",
                    in: frameworkFile)
            },
            kind: .comparisonChanged, changeClass: .scoring),
        .init(
            name: "production type added",
            edit: {
                $0.replace(
                    "production_types:\n",
                    with: "production_types:\n  - id: web-series\n    title: {fr: Série web, en: Web series}\n",
                    in: frameworkFile)
            },
            kind: .productionTypeAdded, changeClass: .additive),
    ]

    @Test(arguments: cases)
    func changeIsClassified(_ evolutionCase: EvolutionCase) throws {
        var evolution = FrameworkEvolution()
        evolution.setVersion("9.0.0")
        evolutionCase.edit(&evolution)
        let diff = try evolution.diff()
        let change = try #require(diff.changes.first { $0.kind == evolutionCase.kind }, "\(diff.changes.map(\.kind))")
        #expect(change.changeClass == evolutionCase.changeClass)
        #expect(change.bump == evolutionCase.changeClass.bump)
        #expect(change.criterion == evolutionCase.criterion)
        #expect(change.locale == evolutionCase.locale)
        #expect(diff.requiredBump == diff.changes.map(\.bump).max())
    }

    @Test func schemeAddedIsAdditiveBetweenTheShippedReleases() throws {
        var collector = DiagnosticCollector()
        let history = ReleaseHistory.load(
            directory: packageRoot.appendingPathComponent("Framework/releases").path, into: &collector)
        #expect(collector.diagnostics.isEmpty)
        let first = try #require(history.release(SemanticVersion("1.0.0")!))
        let second = try #require(history.release(SemanticVersion("1.1.0")!))
        let diff = FrameworkDiff(from: first.bundle.framework, to: second.bundle.framework)
        #expect(diff.changes.map(\.kind) == [.schemeAdded])
        #expect(diff.changes.first?.scheme == "commitment-phase")
        #expect(diff.requiredBump == .minor)
    }

    @Test func requiredBumpIsTheLargestOfAll() throws {
        var evolution = FrameworkEvolution()
        evolution.setVersion("9.0.0")
        evolution.appendCriterion("J6", to: departmentJ)
        evolution.replace("en: \"Environmental clause in contracts\"", with: "en: \"Clause\"", in: departmentA)
        #expect(try evolution.diff().requiredBump == .minor)
        evolution.replace(
            "{percent: 65, comparison: at-least}", with: "{percent: 60, comparison: at-least}", in: frameworkFile)
        evolution.replace("{stars: 1, percent: 65}", with: "{stars: 1, percent: 60}", in: frameworkFile)
        #expect(try evolution.diff().requiredBump == .major)
    }

    @Test func identicalFrameworksHaveNoChanges() throws {
        let evolution = FrameworkEvolution()
        let diff = FrameworkDiff(from: evolution.previous.framework, to: evolution.previous.framework)
        #expect(diff.changes.isEmpty)
        #expect(diff.requiredBump == nil)
    }

    @Test func lineageCarriesTheRulesAndThePreviousDigest() throws {
        var evolution = FrameworkEvolution()
        evolution.setVersion("9.0.0")
        evolution.replace("  - id: A7\n", with: "  - id: A11\n    replaces: [A7]\n", in: departmentA)
        let framework = try #require(evolution.compile().framework)
        #expect(
            framework.lineage.previous
                == ReleaseReference(
                    version: evolution.previous.framework.identity.version, digest: evolution.previous.digest))
        #expect(framework.lineage.rules == [MigrationRule(kind: .rename, from: ["A7"], to: ["A11"])])
    }

    @Test func diffGoldenFiles() throws {
        var evolution = FrameworkEvolution()
        evolution.setVersion("2.0.0")
        for evolutionCase in Self.cases
        where ![.mandatoryChanged, .comparisonChanged, .criterionMerged].contains(evolutionCase.kind) {
            evolutionCase.edit(&evolution)
        }
        let diff = try evolution.diff()
        // One output, one language: English with "en", French (the framework's first locale,
        // the default) with "fr".
        try assertMatchesGolden(DiffTextRenderer(locale: "en").render(diff), named: "diff.text")
        try assertMatchesGolden(DiffMarkdownRenderer(locale: "en").render(diff), named: "diff.md")
        try assertMatchesGolden(DiffJSONRenderer(locale: "en").render(diff), named: "diff.json")
        try assertMatchesGolden(DiffTextRenderer(locale: "fr").render(diff), named: "diff.fr.text")
        try assertMatchesGolden(DiffMarkdownRenderer(locale: "fr").render(diff), named: "diff.fr.md")
        #expect(diff.locales.first == "fr")
        #expect(DiffTextRenderer().render(diff) == DiffTextRenderer(locale: "fr").render(diff))
        #expect(DiffJSONRenderer().render(diff) == DiffJSONRenderer(locale: "fr").render(diff))
        let document = DiffHTMLRenderer().document(diff, impact: nil)
        let html = document.markup
        try assertMatchesGolden(html, named: "diff.html")
        #expect(HTMLTree(document).problems.isEmpty)
        // Scoring changes first, then additive, then editorial; every change has its row.
        let sections = ["class-scoring", "class-additive", "class-editorial"].compactMap {
            html.range(of: "id=\"\($0)\"")?.lowerBound
        }
        #expect(sections.count == 3 && sections == sections.sorted())
        #expect(html.components(separatedBy: "<tr><td>").count - 1 == diff.changes.count)
        #expect(html.contains("<span class=\"l l-en\" lang=\"en\">major</span>"))
        #expect(html.contains("id=\"scoring-impact\"") && !html.contains("criterion-renamed"))
    }

    /// Words of the reports' own, which must not show in the other language's output.
    static let frenchWords = [
        "Poste", "Modifications", "Ajouts", "ersion requise", "ajouté", "devient", "scindé", "retiré", "s'applique",
        "Effet sur", "Référentiel", "Modifié", "majeure", "depuis", "points au lieu",
    ]
    static let englishWords = [
        "Scoring changes", "Additive changes", "Editorial changes", "Department", "Framework and policy",
        "equired bump", "Impact on", "Scoring impact", "renamed", "split into", "retired", "added", "Changed",
        "Added", "major", "from 1.1.0", "criterion-", "applies to",
    ]

    /// One output, one language: every text report of a diff, and the changelog entry, in each
    /// locale, holds none of the other language's words (the criteria's own texts aside).
    @Test(arguments: ["fr", "en"])
    func everyTextOutputHoldsOneLanguage(_ locale: String) throws {
        var evolution = FrameworkEvolution()
        evolution.setVersion("2.0.0")
        for evolutionCase in Self.cases
        where ![.mandatoryChanged, .comparisonChanged, .criterionMerged, .titleChanged, .evidenceChanged].contains(
            evolutionCase.kind)
        {
            evolutionCase.edit(&evolution)
        }
        let framework = try #require(evolution.compile().framework)
        let diff = try evolution.diff()
        let outputs = [
            DiffTextRenderer(locale: locale).render(diff), DiffMarkdownRenderer(locale: locale).render(diff),
            Changelog.entry(for: framework, date: "2026-12-01", diff: diff, locale: locale),
        ]
        let foreign = locale == "fr" ? Self.englishWords : Self.frenchWords
        let own = locale == "fr" ? Self.frenchWords : Self.englishWords
        for output in outputs {
            for word in foreign { #expect(!output.contains(word), "'\(word)' in the \(locale) output:\n\(output)") }
            #expect(own.filter { output.contains($0) }.count >= 4, "\(output)")
        }
    }

    /// Correctness at scale: among 20,000 criteria, exactly the 200 changed ones are reported.
    /// (Linearity is measured by the benchmark's instruction counts, not by a test.)
    @Test func largeFrameworksDiffCompletely() {
        let base = FrameworkEvolution().previous.framework
        var old = base
        old.criteria = (0..<20_000).map { index in
            var criterion = base.criteria[index % base.criteria.count]
            criterion.id = "X\(index)"
            return criterion
        }
        var new = old
        for index in stride(from: 0, to: new.criteria.count, by: 100) { new.criteria[index].points += 1 }
        let diff = FrameworkDiff(from: old, to: new)
        #expect(diff.changes.count == 200)
        #expect(diff.changes.allSatisfy { $0.kind == .pointsChanged })
    }
}
