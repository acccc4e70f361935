import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// `register init` and its refusals through the real binary. (Appends, verification against
/// Go's tools, tamperings and kills are Tests/Register's.)
@Suite struct RegisterCommandTests {
    @Test func initWritesASignedEmptyCheckpointAndAnOwnerOnlyKeyOutsideTheFolder() throws {
        let folder = try temporaryFolder("ecoprod-register")
        let site = folder.appendingPathComponent("site").path
        let key = folder.appendingPathComponent("keys/register.key").path
        let created = try runEcoprod(["register", "init", site, "--origin", "example.org/log", "--key-output", key])
        #expect(created.status == 0, "\(created.stderr)")
        let verifier = try NoteVerifier(text: created.stdout)
        #expect(verifier.name == "example.org/log")
        #expect(try String(contentsOfFile: key + ".pub", encoding: .utf8) == verifier.text + "\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: key)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let checkpoint = try Data(contentsOf: URL(fileURLWithPath: site + "/checkpoint"))
        let text = try SignedNote.open(Array(checkpoint), by: verifier)
        #expect(try Checkpoint(text: text).size == 0)
        let verified = try runEcoprod(["register", "verify", site, "--verifier-key", key + ".pub"])
        #expect(verified.status == 0, "\(verified.stderr)")
        let again = try runEcoprod(["register", "init", site, "--origin", "example.org/log", "--key-output", key + "2"])
        #expect(again.status == 64)
        #expect(again.stderr.contains("already holds a register"))
    }

    @Test(arguments: ["site/register.key", "site/keys/register.key"])
    func theKeyIsNeverWrittenInsideThePublishedFolder(_ keyPath: String) throws {
        let folder = try temporaryFolder("ecoprod-register")
        let refused = try runEcoprod(
            ["register", "init", "site", "--origin", "example.org/log", "--key-output", keyPath], in: folder)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("must be outside site"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(keyPath).path))
    }

    @Test(arguments: [
        ("has space", "--origin"), ("a+b", "--origin"),
    ])
    func anOriginThatCannotNameAKeyIsAUsageError(_ origin: String, _ option: String) throws {
        let folder = try temporaryFolder("ecoprod-register")
        let refused = try runEcoprod(
            ["register", "init", "site", option, origin, "--key-output", "register.key"], in: folder)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("is not a key name"))
    }
}
