import EcoprodFramework
import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct BuildAndVerifyCommandTests {
    @Test func buildToStdoutEmitsAVerifiableBundle() throws {
        let result = try runEcoprod(["build", "--output", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let bundle = try JSONParser().parse(result.stdoutBytes)
        #expect(bundle["criteria"]?.arrayValue?.count == 80)
        #expect(result.stderr.contains("digest sha256:"))
        let verify = try runEcoprod(["verify", "-"], stdin: result.stdoutBytes)
        #expect(verify.status == 0, "\(verify.stderr)")
    }

    @Test func defaultBuildWritesBuildFolderAndRebuildIsANoOp() throws {
        let folder = try copyOfFramework()
        let first = try runEcoprod(["build"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("Wrote build/ecoprod-label-1.2.0.json"))
        let bytes = try Data(contentsOf: folder.appendingPathComponent("build/ecoprod-label-1.2.0.json"))
        let second = try runEcoprod(["build"], in: folder)
        #expect(second.stderr.contains("Unchanged build/ecoprod-label-1.2.0.json"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("build/ecoprod-label-1.2.0.json")) == bytes)
    }

    @Test func bundleIsIdenticalAcrossLocaleAndTimeZone() throws {
        let plain = try runEcoprod(["build", "--output", "-"])
        let foreign = try runEcoprod(
            ["build", "--output", "-"],
            environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "tr_TR.UTF-8", "TZ": "Pacific/Kiritimati"])
        #expect(plain.stdoutBytes == foreign.stdoutBytes)
    }

    @Test func sourceDateEpochStampsTheRelease() throws {
        let result = try runEcoprod(["build", "--output", "-"], environment: ["SOURCE_DATE_EPOCH": "1685577600"])
        #expect(try JSONParser().parse(result.stdoutBytes)["framework"]?["released"] == "2023-06-01")
        let dated = try runEcoprod(["build", "--output", "-", "--date", "2024-02-29"])
        #expect(try JSONParser().parse(dated.stdoutBytes)["framework"]?["released"] == "2024-02-29")
        #expect(try runEcoprod(["build", "--output", "-", "--date", "2023-02-29"]).status == 64)
    }

    @Test func buildWithErrorsWritesNothing() throws {
        let folder = try copyOfFramework()
        let url = folder.appendingPathComponent("Framework/departments/A-production.yaml")
        try Data(
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "points: 4", with: "points: -3").utf8
        ).write(to: url)
        let result = try runEcoprod(["build"], in: folder)
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("build").path))
    }

    @Test func overwritingDifferentContentNeedsForce() throws {
        let folder = try copyOfFramework()
        let target = folder.appendingPathComponent("out.json")
        try Data("{}".utf8).write(to: target)
        let refused = try runEcoprod(["build", "--output", "out.json"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("W001"))
        #expect(try Data(contentsOf: target) == Data("{}".utf8))
        let forced = try runEcoprod(["build", "--output", "out.json", "--force"], in: folder)
        #expect(forced.status == 0)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("published/releases"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: folder.appendingPathComponent("published/releases/x.json"))
        let frozen = try runEcoprod(["build", "--output", "published/releases/x.json", "--force"], in: folder)
        #expect(frozen.status == 1)
        #expect(frozen.stderr.contains("frozen"))
    }

    @Test(arguments: [("flipped byte", 0), ("removed key", 1), ("lineage", 2)])
    func verifyRejectsTamperedBundles(_ name: String, _ kind: Int) throws {
        let built = try runEcoprod(["build", "--output", "-"]).stdoutBytes
        var tampered = built
        switch kind {
        case 0:
            tampered[tampered.count / 2] ^= 0x04
        case 1:
            var members = try JSONParser().parse(built).objectValue!
            members.removeValue(forKey: "production_types")
            tampered = JSONValue.object(members).prettyBytes()
        default:
            var members = try JSONParser().parse(built).objectValue!
            members["lineage"] = [
                "previous": ["version": "0.9.0", "digest": .string("sha256:" + String(repeating: "a", count: 64))],
                "rules": [],
            ]
            tampered = JSONValue.object(members).prettyBytes()
        }
        let folder = try copyOfFramework()
        try Data(tampered).write(to: folder.appendingPathComponent("bad.json"))
        let result = try runEcoprod(["verify", "bad.json", "--format", "json"], in: folder)
        #expect(result.status == 1, "\(name)")
        let diagnostics = try JSONParser().parse(result.stdoutBytes)["diagnostics"]?.arrayValue ?? []
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0["file"] == "bad.json" })
    }

    @Test func verifyWithoutArgumentsIsAUsageError() throws {
        #expect(try runEcoprod(["verify"]).status == 64)
    }
}
