import EcoprodApplication
import EcoprodFramework
import Foundation
import TestSupport
import Testing

@testable import EcoprodCompiler
@testable import EcoprodReports

@Suite(.serialized) struct ReleasePlannerTests {
    private func planner(_ folder: URL) -> ReleasePlanner {
        ReleasePlanner(
            directory: folder.appendingPathComponent("Framework").path,
            changelogPath: folder.appendingPathComponent("CHANGELOG.md").path, date: "2026-11-29")
    }

    @Test func theShippedVersionIsAlreadyReleased() throws {
        var collector = DiagnosticCollector()
        let (plan, _) = planner(try releaseWorkspace()).plan(into: &collector)
        #expect(plan == nil)
        #expect(collector.diagnostics.map(\.code) == [.versionAlreadyReleased])
    }

    @Test func anUnderstatedVersionIsRefusedWithTheRequiredOne() throws {
        let folder = try releaseWorkspace()
        try edit(folder, "Framework/framework.yaml", "version: 1.2.0", "version: 1.3.0")
        try edit(
            folder, "Framework/departments/A-production.yaml", "    points: 2\n    mandatory: false",
            "    points: 3\n    mandatory: false")
        var collector = DiagnosticCollector()
        let (plan, _) = planner(folder).plan(into: &collector)
        #expect(plan == nil)
        let error = try #require(collector.diagnostics.first { $0.code == .versionUnderstated })
        #expect(error.message.contains("1.3.0"))
        #expect(error.message.contains("major"))
        #expect(error.message.contains("2.0.0"))
        #expect(error.location.file.hasSuffix("framework.yaml"))
        #expect(error.location.line == 6)
    }

    @Test func aVersionBelowTheLatestIsRefused() throws {
        let folder = try releaseWorkspace()
        try edit(folder, "Framework/framework.yaml", "version: 1.2.0", "version: 1.0.5")
        var collector = DiagnosticCollector()
        _ = planner(folder).plan(into: &collector)
        #expect(collector.diagnostics.contains { $0.code == .versionNotIncreasing })
    }

    @Test func aCorrectVersionWritesTheBundleAndTheChangelogOnce() throws {
        let folder = try releaseWorkspace()
        try edit(folder, "Framework/framework.yaml", "version: 1.2.0", "version: 2.0.0")
        try edit(folder, "Framework/departments/A-production.yaml", "  - id: A7\n", "  - id: A11\n    replaces: [A7]\n")
        var collector = DiagnosticCollector()
        let releasePlanner = planner(folder)
        #expect(releasePlanner.plan(into: &collector).plan != nil, "\(collector.diagnostics)")
        // `locale` words the console's diff; the changelog keeps framework.yaml's changelog_locale.
        var frenchDiagnostics = DiagnosticCollector()
        let frenchPlanner = ReleasePlanner(
            directory: releasePlanner.directory, changelogPath: releasePlanner.changelogPath, date: releasePlanner.date,
            locale: "fr")
        let french = frenchPlanner.plan(into: &frenchDiagnostics).plan
        #expect(french?.changelogEntry.contains("- A7 Environmental clause in contracts: renamed to A11") == true)
        try ReleasePublishing(planner: releasePlanner, dryRun: false).plan().publish()
        let bundlePath = folder.appendingPathComponent("Framework/releases/ecoprod-label-2.0.0.json").path
        #expect(FileManager.default.fileExists(atPath: bundlePath))
        let changelog = try String(contentsOf: folder.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("## [2.0.0] - 2026-11-29"))
        #expect(changelog.range(of: "## [2.0.0]")!.lowerBound < changelog.range(of: "## [1.1.0]")!.lowerBound)
        // Written in the locale framework.yaml names for the changelog, English, whole: each
        // line names the criterion by ID and title, and the impact says what it does to scores.
        #expect(changelog.contains("- A7 Environmental clause in contracts: renamed to A11"))
        #expect(changelog.contains("### Scoring impact"))
        #expect(
            changelog.contains(
                "- A7 Environmental clause in contracts becomes A11: the answer follows through migration; the score does not change."
            ))
        #expect(!changelog.contains("criterion-renamed"))
        var chain = DiagnosticCollector()
        let history = ReleaseHistory.load(
            directory: folder.appendingPathComponent("Framework/releases").path, into: &chain)
        #expect(chain.diagnostics.isEmpty, "\(chain.diagnostics)")
        #expect(history.latest?.bundle.framework.lineage.previous?.version == SemanticVersion("1.2.0"))
        var again = DiagnosticCollector()
        #expect(releasePlanner.plan(into: &again).plan == nil)
        #expect(again.diagnostics.contains { $0.code == .versionAlreadyReleased })
    }

    @Test func changelogEntryGoesAboveTheNewestSection() {
        let existing = Changelog.header + "\n## [1.0.0] - 2023-01-01\n\n### Added\n\n- x\n"
        let text = Changelog.inserting("## [1.1.0] - 2024-01-01\n\n- y\n", into: existing)
        #expect(text.hasPrefix(Changelog.header))
        #expect(text.range(of: "## [1.1.0]")!.lowerBound < text.range(of: "## [1.0.0]")!.lowerBound)
        #expect(!text.contains("\n\n\n"))
        #expect(Changelog.inserting("## [1.0.0]\n", into: nil).hasPrefix("# Changelog"))
    }
}
