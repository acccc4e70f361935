import Testing

@testable import EcoprodFramework

/// The model's invariants, written once: each rule fires on a model that breaks it, at its place,
/// and the shipped releases break none.
struct FrameworkInvariantsTests {
    struct Breakage: Sendable, CustomTestStringConvertible {
        var name: String
        var edit: @Sendable (inout Framework) -> Void
        var path: String
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        .init(name: "duplicate criterion", edit: { $0.criteria[1].id = $0.criteria[0].id }, path: "$.criteria[1].id"),
        .init(
            name: "duplicate department", edit: { $0.departments[1].id = $0.departments[0].id },
            path: "$.departments[1].id"),
        .init(
            name: "duplicate stage", edit: { $0.identity.stages[1].id = $0.identity.stages[0].id },
            path: "$.framework.stages[1].id"),
        .init(
            name: "duplicate type", edit: { $0.productionTypes[2].id = $0.productionTypes[0].id },
            path: "$.production_types[2].id"),
        .init(
            name: "duplicate scheme", edit: { $0.scoring.schemes[1].id = $0.scoring.schemes[0].id },
            path: "$.scoring.schemes[1].id"),
        .init(
            name: "undeclared department", edit: { $0.criteria[3].department = "Q" }, path: "$.criteria[3].department"),
        .init(
            name: "undeclared type", edit: { $0.criteria[4].appliesTo.append("animation") },
            path: "$.criteria[4].applies_to["),
        .init(name: "undeclared stage", edit: { $0.criteria[5].stages = ["prep"] }, path: "$.criteria[5].stages[0]"),
        .init(name: "points of 0", edit: { $0.criteria[6].points = 0 }, path: "$.criteria[6].points"),
        .init(
            name: "points over the bound", edit: { $0.criteria[6].points = Criterion.maximumPoints + 1 },
            path: "$.criteria[6].points"),
        .init(
            name: "missing locale", edit: { $0.criteria[7].guidance = LocalizedText(["fr": "x"]) },
            path: "$.criteria[7].guidance"),
        .init(
            name: "missing locale in evidence", edit: { $0.criteria[7].evidence = [LocalizedText(["en": "x"])] },
            path: "$.criteria[7].evidence[0]"),
        .init(
            name: "missing locale in a stage", edit: { $0.identity.stages[0].title = LocalizedText([:]) },
            path: "$.framework.stages[0].title"),
        .init(
            name: "locale that is not a language tag", edit: { $0.identity.locales[1] = "en\"><script>" },
            path: "$.framework.locales[1]"),
        .init(
            name: "threshold of 0", edit: { $0.scoring.schemes[0].threshold.basisPoints = 0 },
            path: "$.scoring.schemes[0].threshold.basis_points"),
        .init(
            name: "threshold over 100%", edit: { $0.scoring.schemes[0].threshold.basisPoints = 10_001 },
            path: "$.scoring.schemes[0].threshold.basis_points"),
        .init(
            name: "level over 100%", edit: { $0.scoring.schemes[1].levels[2].basisPoints = 10_001 },
            path: "$.scoring.schemes[1].levels[2].basis_points"),
        .init(
            name: "negative level", edit: { $0.scoring.schemes[1].levels[0].basisPoints = -1 },
            path: "$.scoring.schemes[1].levels[0].basis_points"),
    ]

    @Test func theShippedReleasesBreakNoInvariant() throws {
        #expect(!shippedHistory.releases.isEmpty)
        for release in shippedHistory.releases {
            #expect(FrameworkInvariants.violations(in: release.bundle.framework).isEmpty)
        }
    }

    @Test(arguments: breakages)
    func eachRuleFiresAtItsPlace(_ breakage: Breakage) throws {
        var framework = latestRelease.framework
        breakage.edit(&framework)
        let violations = FrameworkInvariants.violations(in: framework)
        // Renaming a declared ID also leaves its users undeclared; the breakage itself comes first.
        #expect(!violations.isEmpty)
        #expect(
            violations.first?.place.jsonPath.hasPrefix(breakage.path) == true, "\(violations.map(\.place.jsonPath))")
        #expect(violations.first?.message.isEmpty == false)
    }

    @Test(arguments: [
        ("fr", true), ("en", true), ("pt-BR", true), ("zh-Hant-TW", true), ("gsw", true), ("de-CH-1996", true),
        ("", false), ("e", false), ("english", false), ("en_US", false), ("en-", false), ("-en", false),
        ("en us", false),
        ("en\"><x", false), ("fr-abcdefghi", false), ("é", false),
    ])
    func localeCodesAreLanguageTags(_ code: String, _ valid: Bool) {
        #expect(LocaleTag.isValid(code) == valid)
    }
}
