import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// A dry run signs nothing, so whoever previews a release needs no key: it prints the changelog
/// section, writes nothing, exits 0, and says that the release itself will need --sign.
@Suite struct ReleaseDryRunTests {
    @Test func aDryRunWithoutAKeyPreviewsASignedFolder() throws {
        let folder = try releaseWorkspace(keepingSigners: true)
        try edit(folder, "Framework/framework.yaml", "version: 1.2.0", "version: 1.2.1")
        try edit(
            folder, "Framework/departments/A-production.yaml", "en: \"Signed intention note\"", "en: \"A signed note\"")
        let releases = folder.appendingPathComponent("Framework/releases")
        let before = try FileManager.default.contentsOfDirectory(atPath: releases.path).sorted()
        let changelog = try Data(contentsOf: folder.appendingPathComponent("CHANGELOG.md"))

        let result = try runEcoprod(["release", "--dry-run", "--date", "2026-12-01"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("## [1.2.1] - 2026-12-01"), "\(result.stdout)")
        #expect(result.stderr.contains("will need --sign KEY"), "\(result.stderr)")
        #expect(result.stderr.contains("wrote nothing"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: releases.path).sorted() == before)
        #expect(try Data(contentsOf: folder.appendingPathComponent("CHANGELOG.md")) == changelog)

        let real = try runEcoprod(["release", "--date", "2026-12-01"], in: folder)
        #expect(real.status == 1, "the release itself still requires a key")
        #expect(real.stderr.contains("G101"))
        // The trust list is named as the folder was given, not by an absolute path.
        #expect(
            real.stderr.contains("Framework/allowed_signers") && !real.stderr.contains(folder.path), "\(real.stderr)")
    }
}
