import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// A release killed outright at each step that puts a file in place (strace injects SIGKILL at
/// the Nth rename, link or linkat: what no handler and no rollback can follow) leaves a state
/// that is either the previous one or one the next `release` completes; run again, it gives
/// exactly the release an uninterrupted run gives.
@Suite(.serialized) struct CrashConsistencyTests {
    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// One signing key for every workspace: Ed25519 signatures are deterministic, so every
    /// completed release has the same bytes.
    static let key: Result<SSHKeygen.Key, any Error> = Result {
        try SSHKeygen().makeKey(in: try temporaryFolder("ecoprod-crash-key"), name: "maintainer")
    }

    /// A signed 1.2.1 ready to release in a fresh workspace.
    static func workspace() throws -> URL {
        let folder = try releaseWorkspace(keepingSigners: true)
        try "maintainer@ecoprod-label namespaces=\"ecoprod-bundle\" \(try key.get().publicLine)\n".write(
            to: folder.appendingPathComponent("Framework/allowed_signers"), atomically: true, encoding: .utf8)
        try edit(folder, "Framework/framework.yaml", "version: 1.2.0", "version: 1.2.1")
        try edit(
            folder, "Framework/departments/A-production.yaml", "en: \"Signed intention note\"", "en: \"A signed note\"")
        return folder
    }

    static func release() throws -> [String] {
        ["release", "--date", "2026-12-01", "--sign", try key.get().privateKey.path]
    }

    /// Every file the release touches, and any hidden file left beside them.
    static func state(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        for name in ["CHANGELOG.md"] + hidden {
            files[name] = try? Data(contentsOf: folder.appendingPathComponent(name))
        }
        let releases = folder.appendingPathComponent("Framework/releases")
        for name in try FileManager.default.contentsOfDirectory(atPath: releases.path) {
            files["releases/" + name] = try Data(contentsOf: releases.appendingPathComponent(name))
        }
        return files
    }

    @Test(.enabled(if: strace != nil, "strace injects the kills (Debian: strace; .ci/run installs it)"))
    func aReleaseKilledAtEveryPlacementIsCompletedByTheNextRun() throws {
        let reference = try Self.workspace()
        let clean = try runEcoprod(try Self.release(), in: reference)
        #expect(clean.status == 0, "\(clean.stderr)")
        let expected = try Self.state(of: reference)

        var killed = 0
        for placement in 1...8 {
            let folder = try Self.workspace()
            let before = try Self.state(of: folder)
            let injection = "inject=rename,link,linkat:signal=KILL:when=\(placement)"
            let outcome = try ChildProcess(
                try #require(Self.strace),
                ["-f", "-o", "/dev/null", "-e", injection, "--", ecoprodBinary().path] + (try Self.release()),
                in: folder.path
            ).run(deadline: 120)
            if outcome.status == 0 {
                #expect(try Self.state(of: folder) == expected, "placement \(placement) completed, yet differs")
                break
            }
            killed += 1
            let after = try Self.state(of: folder)
            let released = after["releases/ecoprod-label-1.2.1.json"] != nil
            #expect(after == before || !released, "placement \(placement): released, yet not complete")
            let rerun = try runEcoprod(try Self.release(), in: folder)
            #expect(rerun.status == 0, "placement \(placement): the next run did not complete it: \(rerun.stderr)")
            #expect(
                try Self.state(of: folder) == expected, "placement \(placement): completed otherwise than a clean run")
        }
        #expect(killed >= 3, "the release was killed at only \(killed) placements")
    }

    /// A statement replaced by another, killed outright at each placement: whatever pair is left,
    /// the next run writes the new statement and its signature, which verify, and nothing of the
    /// killed run is left beside them.
    @Test(.enabled(if: strace != nil, "strace injects the kills (Debian: strace; .ci/run installs it)"))
    func aStatementKilledAtEveryPlacementFailsClosedAndIsCompletedByTheNextRun() throws {
        let key = try Self.key.get()
        let first = packageRoot.appendingPathComponent("docs/examples/les-jours-verts.answers.json").path
        let second = packageRoot.appendingPathComponent("Tests/Conformance/ecoprod-label-1.1.0/all-met.answers.json")
            .path
        // The first statement and its signature, made once and copied into each attempt's folder.
        let made = try temporaryFolder("ecoprod-crash-statement")
        let madeStatement = made.appendingPathComponent("st.json").path
        #expect(
            try runEcoprod([
                "score", first, "--statement", madeStatement, "--sign", key.privateKey.path, "--date", "2026-11-29",
            ]).status == 0)
        var killed = 0
        for placement in 1...8 {
            let folder = try temporaryFolder("ecoprod-crash-statement")
            for name in ["st.json", "st.json.sig"] {
                try FileManager.default.copyItem(
                    at: made.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
            let signers = folder.appendingPathComponent("signers")
            try "maintainer@ecoprod-label namespaces=\"ecoprod-statement\" \(key.publicLine)\n".write(
                to: signers, atomically: true, encoding: .utf8)
            let statement = folder.appendingPathComponent("st.json").path
            let score = { (answers: String) in
                [
                    "score", answers, "--statement", statement, "--sign", key.privateKey.path, "--date", "2026-11-29",
                    "--force",
                ]
            }
            let verify = { (answers: String) in
                try runEcoprod(["verify-statement", statement, "--answers", answers, "--allowed-signers", signers.path])
                    .status
            }
            let injection = "inject=rename,link,linkat:signal=KILL:when=\(placement)"
            let outcome = try ChildProcess(
                try #require(Self.strace),
                ["-f", "-o", "/dev/null", "-e", injection, "--", ecoprodBinary().path] + score(second)
            ).run(deadline: 120)
            if outcome.status == 0 {
                #expect(try verify(second) == 0)
                break
            }
            killed += 1
            // The pair on disk is the old one or a mixed one, which `verify-statement` refuses
            // (its signature no longer verifies): either way the next run completes it.
            #expect(try runEcoprod(score(second)).status == 0)
            #expect(try verify(second) == 0, "placement \(placement): the next run did not complete it")
            let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
            #expect(hidden.isEmpty, "placement \(placement): left \(hidden)")
        }
        #expect(killed >= 2, "the statement was killed at only \(killed) placements")
    }
}
