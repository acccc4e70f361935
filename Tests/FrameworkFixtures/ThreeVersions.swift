import EcoprodCompiler
import EcoprodFramework
import Testing

/// The shipped framework's files, as the CLI names them.
public let frameworkFile = "Framework/framework.yaml"
public let departmentA = "Framework/departments/A-production.yaml"
let departmentC = "Framework/departments/C-production-offices.yaml"
let departmentJ = "Framework/departments/J-post-production.yaml"

/// Three versions: the shipped 1.2.0; 2.0.0 renames A7 → A11, splits C6 → C8 + C9, retires C7
/// and adds J6; 3.0.0 merges C4 + C5 → C10 (all-met) and changes A1's points.
public func threeVersions() throws -> ReleaseHistory {
    var evolution = FrameworkEvolution()
    evolution.setVersion("2.0.0")
    evolution.replace("  - id: A7\n", with: "  - id: A11\n    replaces: [A7]\n", in: departmentA)
    evolution.removeCriterion("C6", in: departmentC)
    evolution.appendCriterion(
        "C8", to: departmentC, title: ("Stockage en ligne limité", "Less cloud storage"), extra: "    replaces: [C6]\n")
    evolution.appendCriterion(
        "C9", to: departmentC, title: ("Visioconférence sobre", "Lighter video calls"), extra: "    replaces: [C6]\n")
    evolution.removeCriterion("C7", in: departmentC)
    evolution.replace(
        "scoring:\n",
        with: "retired:\n  - id: C7\n    reason: {fr: \"Couvert par C1\", en: \"Covered by C1\"}\nscoring:\n",
        in: frameworkFile)
    evolution.appendCriterion("J6", to: departmentJ, title: ("Sous-titrage sobre", "Lean subtitling"))
    let second = try #require(evolution.compile().framework, "\(evolution.compile().diagnostics)")
    let secondBundle = FrameworkBundle(framework: second)
    evolution.history = ReleaseHistory(
        releases: evolution.history.releases + [.init(file: "2.0.0", bundle: secondBundle)])
    evolution.replace("version: 2.0.0", with: "version: 3.0.0", in: frameworkFile)
    evolution.replace(
        "retired:\n  - id: C7\n    reason: {fr: \"Couvert par C1\", en: \"Covered by C1\"}\n", with: "",
        in: frameworkFile)
    evolution.replace("  - id: A11\n    replaces: [A7]\n", with: "  - id: A11\n", in: departmentA)
    evolution.replace("    replaces: [C6]\n", with: "", in: departmentC)
    evolution.replace("    replaces: [C6]\n", with: "", in: departmentC)
    evolution.removeCriterion("C4", in: departmentC)
    evolution.removeCriterion("C5", in: departmentC)
    evolution.appendCriterion(
        "C10", to: departmentC, title: ("Papier et déchets de bureau", "Paper and office waste"),
        extra: "    replaces: [C4, C5]\n    combine: all-met\n")
    evolution.replace("    points: 4\n    mandatory: true", with: "    points: 5\n    mandatory: true", in: departmentA)
    let third = try #require(evolution.compile().framework, "\(evolution.compile().diagnostics)")
    return ReleaseHistory(
        releases: evolution.history.releases + [.init(file: "3.0.0", bundle: FrameworkBundle(framework: third))])
}
