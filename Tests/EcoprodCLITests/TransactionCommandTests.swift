import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// Commands that write several files write them as one transaction: when a later file cannot be
/// written, the earlier ones are put back as they were, and the message says so truthfully.
@Suite(.serialized) struct TransactionCommandTests {
    static let first = packageRoot.appendingPathComponent("docs/examples/les-jours-verts.answers.json").path
    static let second = packageRoot.appendingPathComponent("Tests/Conformance/ecoprod-label-1.1.0/all-met.answers.json")
        .path

    /// The review's case: a statement and its signature, then the signature replaced by a
    /// folder, then a new statement over them with --force.
    @Test func aStatementWhoseSignatureCannotBeWrittenLeavesTheFirstStatement() throws {
        let folder = try temporaryFolder("ecoprod-transaction")
        let key = try SSHKeygen().makeKey(in: folder, name: "scorer")
        let statement = folder.appendingPathComponent("st.json")
        let signature = folder.appendingPathComponent("st.json.sig")
        let made = try runEcoprod([
            "score", Self.first, "--statement", statement.path, "--sign", key.privateKey.path, "--date", "2026-11-29",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        let original = try Data(contentsOf: statement)
        try FileManager.default.removeItem(at: signature)
        try FileManager.default.createDirectory(at: signature, withIntermediateDirectories: false)

        let refused = try runEcoprod([
            "score", Self.second, "--statement", statement.path, "--sign", key.privateKey.path, "--date", "2026-11-29",
            "--force",
        ])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("W002"), "\(refused.stderr)")
        #expect(refused.stderr.contains("the previous file, if any, is intact"))
        #expect(
            try Data(contentsOf: statement) == original, "the first statement was replaced beside no valid signature")
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "left \(hidden)")
    }

    /// A release whose second file (the bundle's signature) cannot be written leaves the
    /// releases folder and the changelog as they were.
    @Test func aReleaseWhoseSignatureCannotBeWrittenLeavesTheFolderAsItWas() throws {
        let folder = try releaseWorkspace(keepingSigners: true)
        let key = try SSHKeygen().makeKey(in: folder, name: "maintainer")
        let signers = folder.appendingPathComponent("Framework/allowed_signers")
        try "maintainer@ecoprod-label namespaces=\"ecoprod-bundle\" \(key.publicLine)\n".write(
            to: signers, atomically: true, encoding: .utf8)
        try edit(folder, "Framework/framework.yaml", "version: 1.2.0", "version: 1.2.1")
        try edit(
            folder, "Framework/departments/A-production.yaml", "en: \"Signed intention note\"",
            "en: \"A signed intention note\"")
        let releases = folder.appendingPathComponent("Framework/releases")
        try FileManager.default.createDirectory(
            at: releases.appendingPathComponent("ecoprod-label-1.2.1.json.sig"), withIntermediateDirectories: false)
        let before = try FileManager.default.contentsOfDirectory(atPath: releases.path).sorted()
        let changelog = try Data(contentsOf: folder.appendingPathComponent("CHANGELOG.md"))

        let result = try runEcoprod(["release", "--date", "2026-12-01", "--sign", key.privateKey.path], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("W002"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: releases.path).sorted() == before)
        #expect(try Data(contentsOf: folder.appendingPathComponent("CHANGELOG.md")) == changelog)
    }
}
