import EcoprodFramework
import Foundation
import FrameworkFixtures
import TestSupport
import Testing

@testable import EcoprodCompiler
@testable import EcoprodReports

private let departmentC = "Framework/departments/C-production-offices.yaml"

@Suite struct LineageRuleTests {
    private func diagnostics(_ edit: (inout FrameworkEvolution) -> Void) -> [Diagnostic] {
        var evolution = FrameworkEvolution()
        evolution.setVersion("9.0.0")
        edit(&evolution)
        return evolution.compile().diagnostics
    }

    @Test func criterionRemovedWithoutARuleIsAnErrorWithARenameSuggestion() throws {
        let found = diagnostics { evolution in
            evolution.removeCriterion("A7", in: departmentA)
            evolution.appendCriterion(
                "A11", to: departmentA,
                title: ("Clause environnementale dans les contrats", "Environmental clauses in contracts"))
        }
        let error = try #require(found.first { $0.code == .criterionDisappeared })
        #expect(error.severity == .error)
        #expect(error.message.contains("A7"))
        #expect(error.location.file == departmentA)
        #expect(error.notes.first?.message.hasPrefix("did you mean it was renamed to A11") == true, "\(error.notes)")
    }

    @Test func unrelatedNewCriterionIsNotSuggested() throws {
        let found = diagnostics { evolution in
            evolution.removeCriterion("A7", in: departmentA)
            evolution.appendCriterion("A11", to: departmentA, title: ("Pause déjeuner", "Lunch break"))
        }
        let error = try #require(found.first { $0.code == .criterionDisappeared })
        #expect(error.notes.isEmpty)
    }

    @Test func mergeMustSayHowStatusesCombine() {
        let found = diagnostics { evolution in
            evolution.removeCriterion("C4", in: departmentC)
            evolution.removeCriterion("C5", in: departmentC)
            evolution.appendCriterion("C8", to: departmentC, extra: "    replaces: [C4, C5]\n")
        }
        #expect(found.contains { $0.code == .mergeWithoutCombine && $0.severity == .error })
    }

    @Test func mergeBuildsOneRuleWithItsCombination() throws {
        var evolution = FrameworkEvolution()
        evolution.setVersion("9.0.0")
        evolution.removeCriterion("C4", in: departmentC)
        evolution.removeCriterion("C5", in: departmentC)
        evolution.appendCriterion("C8", to: departmentC, extra: "    replaces: [C4, C5]\n    combine: any-met\n")
        let framework = try #require(evolution.compile().framework)
        #expect(
            framework.lineage.rules == [MigrationRule(kind: .merge, from: ["C4", "C5"], to: ["C8"], combine: .anyMet)])
    }

    @Test func combineWithoutAMergeIsAnError() {
        let found = diagnostics {
            $0.replace("  - id: A7\n", with: "  - id: A11\n    replaces: [A7]\n    combine: all-met\n", in: departmentA)
        }
        #expect(found.contains { $0.code == .combineWithoutMerge })
    }

    @Test func keptCriterionCannotAlsoBeReplaced() {
        let found = diagnostics { $0.appendCriterion("A11", to: departmentA, extra: "    replaces: [A7]\n") }
        #expect(found.contains { $0.code == .conflictingRules })
    }

    @Test func retiredCriterionStillPresentIsAnError() {
        let found = diagnostics {
            $0.replace(
                "scoring:\n", with: "retired:\n  - id: A7\n    reason: {fr: x, en: x}\nscoring:\n", in: frameworkFile)
        }
        #expect(found.contains { $0.code == .conflictingRules })
    }

    @Test func replacingAnIDTheReleaseDoesNotHaveIsAStaleWarning() throws {
        let found = diagnostics {
            $0.appendCriterion("J6", to: "Framework/departments/J-post-production.yaml", extra: "    replaces: [Z9]\n")
        }
        let warning = try #require(found.first { $0.code == .staleReplaces })
        #expect(warning.severity == .warning)
    }

    @Test func aRuleBeforeAnyReleaseSaysThereIsNoEarlierRelease() throws {
        let text = shippedSources.text(of: departmentA).replacingOccurrences(
            of: "  - id: A7\n", with: "  - id: A11\n    replaces: [A7]\n")
        let result = FrameworkCompiler().compile(shippedSources.replacing(departmentA, with: Array(text.utf8)))
        let warning = try #require(result.diagnostics.first { $0.code == .staleReplaces })
        #expect(warning.message == "replaces A7, but there is no earlier release to migrate from; this rule is ignored")
    }

    @Test func reusingARetiredIDAcrossTheHistoryIsAnError() throws {
        var evolution = FrameworkEvolution()
        evolution.setVersion("2.0.0")
        evolution.removeCriterion("C7", in: departmentC)
        evolution.replace(
            "scoring:\n", with: "retired:\n  - id: C7\n    reason: {fr: Couvert par C1, en: Covered by C1}\nscoring:\n",
            in: frameworkFile)
        let second = try #require(evolution.compile().framework)
        #expect(second.lineage.rules.map(\.kind) == [.retire])
        let secondBundle = FrameworkBundle(framework: second)
        var next = evolution
        next.history = ReleaseHistory(
            releases: evolution.history.releases + [.init(file: "r/2.0.0.json", bundle: secondBundle)])
        next.replace("version: 2.0.0", with: "version: 3.0.0", in: frameworkFile)
        next.replace(
            "retired:\n  - id: C7\n    reason: {fr: Couvert par C1, en: Covered by C1}\n", with: "", in: frameworkFile)
        next.appendCriterion("C7", to: departmentC, title: ("Autre chose", "Something else"))
        let found = next.compile().diagnostics
        let error = try #require(found.first { $0.code == .retiredIDReused })
        #expect(error.message.contains("retired in 2.0.0"))
        #expect(error.location.file == departmentC)
    }
}
