import EcoprodFramework
import Foundation
import TestSupport
import Testing

private let release100 = "Framework/releases/ecoprod-label-1.0.0.json"
private let release110 = "Framework/releases/ecoprod-label-1.1.0.json"
private let release120 = "Framework/releases/ecoprod-label-1.2.0.json"

@Suite(.serialized) struct DiffAndReleaseCommandTests {
    @Test func diffBetweenTheShippedReleasesIsMinor() throws {
        let result = try runEcoprod(["diff", release100, release110, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let diff = try JSONParser().parse(result.stdoutBytes)
        #expect(diff["required_bump"] == "minor")
        #expect(diff["from"]?["version"] == "1.0.0")
        #expect(diff["to"]?["digest"]?.stringValue?.hasPrefix("sha256:") == true)
        #expect(diff["changes"]?.arrayValue?.map { $0["kind"] } == ["scheme-added"])
    }

    @Test(arguments: [("minor", Int32(1)), ("major", Int32(0)), ("patch", Int32(1))])
    func failOnSetsTheExitCode(_ level: String, _ status: Int32) throws {
        #expect(try runEcoprod(["diff", release100, release110, "--fail-on", level]).status == status)
    }

    @Test(arguments: ["text", "markdown"])
    func diffOfASourceFolderAgainstItsReleaseIsEmpty(_ format: String) throws {
        let result = try runEcoprod(["diff", release120, "Framework", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("version requise : aucune") || result.stdout.contains("Version requise : aucune"))
    }

    @Test func diffWithABrokenInputExits1WithDiagnostics() throws {
        let result = try runEcoprod(["diff", release100, "NoSuchFolder"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("F001"))
    }

    @Test func dryRunWritesNothing() throws {
        let folder = try releaseWorkspace()
        try edit(folder, "Framework/framework.yaml", "version: 1.2.0", "version: 1.3.0")
        try edit(
            folder, "Framework/framework.yaml", "production_types:\n",
            "production_types:\n  - id: web-series\n    title: {fr: Série web, en: Web series}\n")
        let changelogBefore = try Data(contentsOf: folder.appendingPathComponent("CHANGELOG.md"))
        let result = try runEcoprod(["release", "--dry-run", "--date", "2026-12-01"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("## [1.3.0] - 2026-12-01"))
        #expect(result.stderr.contains("wrote nothing"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("CHANGELOG.md")) == changelogBefore)
        #expect(
            !FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("Framework/releases/ecoprod-label-1.3.0.json").path))
    }

    @Test func releaseRefusesAnUnderstatedVersion() throws {
        let folder = try releaseWorkspace()
        try edit(folder, "Framework/framework.yaml", "version: 1.2.0", "version: 1.2.1")
        try edit(
            folder, "Framework/framework.yaml", "{percent: 70, comparison: at-least}",
            "{percent: 70, comparison: more-than}")
        let result = try runEcoprod(["release"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("V804"))
        #expect(result.stderr.contains("requires a major bump, so at least 2.0.0"))
        #expect(
            !FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("Framework/releases/ecoprod-label-1.2.1.json").path))
        #expect(
            !FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("Framework/releases/.release.lock").path))
    }

    /// The changelog stays in the locale framework.yaml names for it, whatever `--locale` says
    /// (which picks the diff shown on stderr); a locale the framework does not declare is a
    /// usage error, and nothing is written.
    @Test func releaseWritesTheChangelogInItsOwnLocale() throws {
        let folder = try releaseWorkspace()
        try edit(folder, "Framework/framework.yaml", "version: 1.2.0", "version: 1.2.1")
        try edit(
            folder, "Framework/departments/A-production.yaml", "en: \"Signed intention note\"",
            "en: \"A signed intention note\"")
        let english = try runEcoprod(["release", "--dry-run", "--date", "2026-12-01", "--locale", "fr"], in: folder)
        #expect(english.status == 0, "\(english.stderr)")
        #expect(
            english.stdout.contains("### Changed\n\n- A1 A signed intention note: title (en): "), "\(english.stdout)")
        #expect(english.stderr.contains("A1 Note d'intention signée : titre (en) :"), "\(english.stderr)")
        try edit(folder, "Framework/framework.yaml", "changelog_locale: en", "changelog_locale: fr")
        let french = try runEcoprod(["release", "--dry-run", "--date", "2026-12-01"], in: folder)
        #expect(
            french.stdout.contains("### Modifié\n\n- A1 Note d'intention signée : titre (en) :"), "\(french.stdout)")
        #expect(french.stdout.contains("### Effet sur la notation") && !french.stdout.contains("Scoring impact"))
        let unknown = try runEcoprod(["release", "--date", "2026-12-01", "--locale", "de"], in: folder)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("locale 'de' is not one of the framework's locales"))
        #expect(
            !FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("Framework/releases/ecoprod-label-1.2.1.json").path))
    }

    @Test func twoReleasesAtOnceLeaveOneWinnerAndAVerifiedHistory() throws {
        let folder = try releaseWorkspace(keepingSigners: false)
        try edit(folder, "Framework/framework.yaml", "version: 1.2.0", "version: 1.2.1")
        try edit(
            folder, "Framework/departments/A-production.yaml", "en: \"Signed intention note\"",
            "en: \"A signed intention note\"")
        let group = DispatchGroup()
        nonisolated(unsafe) var statuses: [Int32] = [0, 0]
        for index in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                statuses[index] = (try? runEcoprod(["release", "--date", "2026-12-01"], in: folder).status) ?? -1
                group.leave()
            }
        }
        group.wait()
        #expect(statuses.sorted() == [0, 1])
        let verify = try runEcoprod(["verify", "--releases", "Framework/releases"], in: folder)
        #expect(verify.status == 0, "\(verify.stderr)")
        let changelog = try String(contentsOf: folder.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.components(separatedBy: "## [1.2.1]").count == 2)
        #expect(changelog.contains("title (en): Signed intention note → A signed intention note"))
    }

    @Test func theCommittedReleasesVerifyAsAChain() throws {
        let result = try runEcoprod(["verify", "--releases", "Framework/releases"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("ok Framework/releases/ecoprod-label-1.0.0.json"))
        #expect(result.stderr.contains("ok Framework/releases/ecoprod-label-1.1.0.json"))
    }

    @Test func aTamperedEarlierReleaseBreaksTheChain() throws {
        let folder = try releaseWorkspace()
        try edit(folder, release100, "\"points\": 4,", "\"points\": 5,")
        let result = try runEcoprod(["verify", "--releases", "Framework/releases", "--format", "json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("B105"))
    }

    /// Versions that are not adjacent, with the release between them out of reach: the diff is
    /// still given, and says (M908) that it could not use the migration rules on the way.
    @Test func aDiffWithoutTheReleasesInBetweenSaysSo() throws {
        let folder = try temporaryFolder("ecoprod-diff")
        let releases = packageRoot.appendingPathComponent("Framework/releases")
        for (side, version) in [("old", "1.0.0"), ("new", "1.2.0")] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(side), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: releases.appendingPathComponent("ecoprod-label-\(version).json"),
                to: folder.appendingPathComponent("\(side)/ecoprod-label-\(version).json"))
        }
        let apart = try runEcoprod(
            ["diff", "old/ecoprod-label-1.0.0.json", "new/ecoprod-label-1.2.0.json", "--locale", "en"], in: folder)
        #expect(apart.status == 0, "\(apart.stderr)")
        #expect(apart.stdout.hasPrefix("ecoprod-label 1.0.0 → 1.2.0"))
        #expect(apart.stderr.contains("warning[M908]") && apart.stderr.contains("release 1.1.0"), "\(apart.stderr)")
        let together = try runEcoprod(["diff", release100, release120])
        #expect(together.status == 0 && !together.stderr.contains("M908"), "\(together.stderr)")
    }
}
