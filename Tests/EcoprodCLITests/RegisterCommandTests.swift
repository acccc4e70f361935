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

    /// A verifier key is a file or the key itself; a mistyped path is said to be missing, not
    /// reported as key syntax.
    @Test func aMistypedVerifierKeyPathIsAMissingFile() throws {
        let folder = try temporaryFolder("ecoprod-register")
        let created = try runEcoprod(
            ["register", "init", "site", "--origin", "example.org/log", "--key-output", "register.key"], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        let missing = try runEcoprod(["register", "verify", "site", "--verifier-key", "registr.key.pub"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("registr.key.pub") && missing.stderr.contains("F001"), "\(missing.stderr)")
        let inline = try runEcoprod(["register", "verify", "site", "--verifier-key", created.stdout], in: folder)
        #expect(inline.status == 0, "\(inline.stderr)")
    }

    /// A proof whose entry is not a register entry says why (E108), at the proof.
    @Test func aProofWithAMalformedEntrySaysWhatIsWrongWithIt() throws {
        let example = packageRoot.appendingPathComponent("docs/examples")
        let proof = try String(
            contentsOf: example.appendingPathComponent("register/site/proofs/2.tlog-proof"), encoding: .utf8)
        let lines = proof.components(separatedBy: "\n")
        let entry = try #require(Data(base64Encoded: String(lines[1].dropFirst("extra ".count))))
        let spaced = String(decoding: entry, as: UTF8.self).replacingOccurrences(of: "\":", with: "\": ")
        let tampered = ([lines[0], "extra " + Data(spaced.utf8).base64EncodedString()] + lines.dropFirst(2))
            .joined(separator: "\n")
        let copy = try temporaryFolder("ecoprod-register").appendingPathComponent("2.tlog-proof")
        try Data(tampered.utf8).write(to: copy)
        let checked = try runEcoprod([
            "register", "check-proof", example.appendingPathComponent("audit/production.certificate.json").path,
            copy.path, "--verifier-key", example.appendingPathComponent("register/verifier.key").path,
        ])
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("error[E108]") && checked.stderr.contains("canonical"), "\(checked.stderr)")
    }
}
