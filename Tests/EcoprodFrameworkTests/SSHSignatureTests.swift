import Foundation
import TestSupport
import Testing

@testable import EcoprodFramework

/// SSHSIG signatures made by the real `ssh-keygen -Y sign` verify natively; anything altered —
/// message, namespace, key, armour — does not, and a malformed file says where it breaks.
@Suite(.serialized) struct SSHSignatureTests {
    static let message = Array("{\"format\": \"ecoprod-bundle/1\"}\n".utf8)

    func signed(namespace: String = "ecoprod-bundle") throws -> (key: SSHKeygen.Key, signature: [UInt8]) {
        let folder = try temporaryFolder("ecoprod-sshsig")
        let key = try SSHKeygen().makeKey(in: folder)
        return (key, try SSHKeygen().sign(Self.message, with: key, namespace: namespace))
    }

    @Test func aSignatureByOpenSSHVerifiesNatively() throws {
        let (key, armored) = try signed()
        let signature = try SSHSignature(armored: armored)
        #expect(signature.namespace == "ecoprod-bundle")
        #expect(signature.hashAlgorithm == "sha512")
        #expect(signature.publicKey == (try SSHPublicKey(text: key.publicLine)))
        #expect(signature.isValid(for: Self.message))
    }

    @Test func theFingerprintIsTheOneSSHKeygenPrints() throws {
        let (key, _) = try signed()
        let printed = try SSHKeygen().run(["-l", "-E", "sha256", "-f", key.publicKeyFile.path])
        let fingerprint = String(decoding: printed.stdout, as: UTF8.self).split(separator: " ")[1]
        #expect(try SSHPublicKey(text: key.publicLine).fingerprint == String(fingerprint))
    }

    @Test func anyChangedByteOfTheMessageFails() throws {
        let (_, armored) = try signed()
        let signature = try SSHSignature(armored: armored)
        for index in Self.message.indices {
            var changed = Self.message
            changed[index] ^= 0x01
            #expect(!signature.isValid(for: changed))
        }
        #expect(!signature.isValid(for: Self.message + [0x0A]))
        #expect(!signature.isValid(for: Array(Self.message.dropLast())))
    }

    @Test func anotherKeysSignatureDoesNotPassForThisKey() throws {
        let (_, first) = try signed()
        let (_, second) = try signed()
        let a = try SSHSignature(armored: first)
        let b = try SSHSignature(armored: second)
        let swapped = SSHSignature(
            publicKey: a.publicKey, namespace: a.namespace, hashAlgorithm: b.hashAlgorithm, reserved: b.reserved,
            signature: b.signature)
        #expect(!swapped.isValid(for: Self.message))
    }

    @Test func theNamespaceIsPartOfWhatIsSigned() throws {
        let (_, armored) = try signed(namespace: "file")
        let signature = try SSHSignature(armored: armored)
        #expect(signature.namespace == "file")
        let relabelled = SSHSignature(
            publicKey: signature.publicKey, namespace: "ecoprod-bundle", hashAlgorithm: signature.hashAlgorithm,
            reserved: signature.reserved, signature: signature.signature)
        #expect(signature.isValid(for: Self.message))
        #expect(!relabelled.isValid(for: Self.message))
    }

    static let malformed: [(String, @Sendable (String) -> String, String)] = [
        ("empty", { _ in "" }, "not an SSH signature"),
        (
            "no end line", { text in String(text.split(separator: "\n").dropLast().joined(separator: "\n")) },
            "truncated"
        ),
        (
            "truncated base64",
            { text in
                let lines = text.split(separator: "\n")
                return ([lines[0], lines[1].prefix(20)] + [lines.last!]).joined(separator: "\n")
            }, "remain"
        ),
        ("garbage base64", { text in text.replacingOccurrences(of: "U1NIU0lH", with: "!!!!") }, "base64"),
        ("another preamble", { text in text.replacingOccurrences(of: "U1NIU0lH", with: "U1NIU0lI") }, "SSHSIG"),
        ("not text", { _ in "\u{FFFD}" }, "not an SSH signature"),
    ]

    @Test(arguments: malformed.indices)
    func aMalformedFileSaysWhatIsWrong(_ index: Int) throws {
        let (name, edit, expected) = Self.malformed[index]
        let (_, armored) = try signed()
        let broken = Array(edit(String(decoding: armored, as: UTF8.self)).utf8)
        #expect(throws: SSHSignature.Malformed.self, "\(name)") { _ = try SSHSignature(armored: broken) }
        do { _ = try SSHSignature(armored: broken) } catch {
            #expect(error.message.contains(expected), "\(name): \(error.message)")
        }
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() {
        #expect(throws: SSHSignature.Malformed.self) {
            _ = try SSHSignature(armored: [UInt8](repeating: 0x41, count: SSHSignature.maximumFileBytes + 1))
        }
    }

    @Test(
        arguments: [
            ([0, 0, 0, 200, 1, 2], "declares 200 bytes"),
            ([0, 0, 0], "needs 4 bytes"),
        ] as [([UInt8], String)])
    func wireLengthsAreBoundsChecked(_ bytes: [UInt8], _ expected: String) {
        var reader = SSHWireReader(bytes)
        #expect { _ = try reader.string("a field") } throws: {
            ($0 as? SSHWireReader.Failure)?.message.contains(expected) == true
        }
    }
}
