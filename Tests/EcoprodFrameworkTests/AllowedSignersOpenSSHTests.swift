import Foundation
import TestSupport
import Testing

@testable import EcoprodFramework

/// The allowed-signers reader against OpenSSH itself: for every line below, `ssh-keygen -Y verify`
/// and ecoprod judge the same signature. Ecoprod may be stricter than OpenSSH, never laxer: a
/// line it accepts, OpenSSH accepts. Where both are expected to agree, the table says so.
@Suite(.serialized) struct AllowedSignersOpenSSHTests {
    static let principal = "maintainer@ecoprod-label"
    static let namespace = "ecoprod-bundle"
    static let message = Array("a release bundle\n".utf8)

    /// A trust list (`KEY` stands for the signer's public key) and whether ecoprod accepts it.
    static let lists: [(text: String, accepted: Bool)] = [
        ("P namespaces=\"ecoprod-bundle\" KEY\n", true),
        ("P KEY\n", true),
        ("P namespaces=\"ecoprod-*\" KEY\n", true),
        ("P NAMESPACES=\"ecoprod-bundle\" KEY\n", true),
        ("P,someone@else namespaces=\"file,ecoprod-bundle\" KEY\n", true),
        ("* namespaces=\"ecoprod-bundle\" KEY\n", true),
        ("P namespaces=\"ecoprod-bundle\",valid-after=\"20200101\" KEY\n", true),
        ("# a comment\r\nP namespaces=\"ecoprod-bundle\" KEY\r\n", true),
        ("P namespaces=\"!ecoprod-bundle,*\" KEY\n", false),
        ("P namespaces=\"*,!ecoprod-*\" KEY\n", false),
        ("P namespaces=ecoprod-bundle KEY\n", false),
        ("P namespaces=\"ecoprod-bundle\",namespaces=\"ecoprod-bundle\" KEY\n", false),
        ("!* namespaces=\"ecoprod-bundle\" KEY\n", false),
        ("P namespaces=\"file\" KEY\n", false),
        ("P valid-after=20200101 KEY\n", false),
        ("P valid-before=\"20200101\" KEY\n", false),
        ("P valid-after=\"20300101\",valid-before=\"20200101\" KEY\n", false),
        ("P namespaces=\"ecoprod-bundle\", KEY\n", false),
        ("P namespaces=\"ecoprod-bundle\" valid-after=\"20200101\" KEY\n", false),
        ("P cert-authority KEY\n", false),
        ("P unknown-option KEY\n", false),
    ]

    struct Signed {
        var folder: URL
        var key: SSHKeygen.Key
        var signature: URL
    }

    static let signed: Result<Signed, any Error> = Result {
        let folder = try temporaryFolder("ecoprod-allowed-signers")
        let key = try SSHKeygen().makeKey(in: folder, name: "maintainer")
        let signature = folder.appendingPathComponent("bundle.json.sig")
        try Data(try SSHKeygen().sign(message, with: key, namespace: namespace)).write(to: signature)
        return Signed(folder: folder, key: key, signature: signature)
    }

    @Test(arguments: lists)
    func ecoprodIsNeverLaxerThanOpenSSH(_ list: (text: String, accepted: Bool)) throws {
        let signed = try Self.signed.get()
        let text = list.text.replacingOccurrences(of: "KEY", with: signed.key.publicLine)
            .replacingOccurrences(of: "P ", with: Self.principal + " ").replacingOccurrences(
                of: "P,", with: Self.principal + ",")
        let file = signed.folder.appendingPathComponent("allowed_signers-\(UUID().uuidString)")
        try Data(text.utf8).write(to: file)

        let openssh = try SSHKeygen().verify(
            Self.message, signature: signed.signature, allowedSigners: file, identity: Self.principal,
            namespace: Self.namespace)
        var diagnostics = DiagnosticCollector()
        let policy = SignerPolicy(signers: AllowedSigners(text: text), file: file.path)
        let signature = try SSHSignature(armored: Array(try Data(contentsOf: signed.signature)))
        let ours =
            policy.check(
                signature, over: Self.message, signatureFile: signed.signature.path, namespace: Self.namespace,
                at: .now, into: &diagnostics) != nil

        #expect(ours == list.accepted, "ecoprod: \(diagnostics.diagnostics.map(\.message))")
        if ours {
            #expect(
                openssh.status == 0,
                "ecoprod accepted what OpenSSH refuses: \(String(decoding: openssh.stderr, as: UTF8.self))")
        }
        if list.accepted {
            #expect(openssh.status == 0, "the table expects OpenSSH to accept too")
        }
    }

    /// OpenSSH reads the armor's first line at the first byte; text before it is refused by both.
    @Test func textBeforeTheArmorIsRefusedByBoth() throws {
        let signed = try Self.signed.get()
        let prefixed = signed.folder.appendingPathComponent("prefixed.sig")
        try Data(Array("note: signed by me\n".utf8) + Array(try Data(contentsOf: signed.signature))).write(to: prefixed)
        let list = signed.folder.appendingPathComponent("allowed_signers")
        try Data("\(Self.principal) \(signed.key.publicLine)\n".utf8).write(to: list)
        let openssh = try SSHKeygen().verify(
            Self.message, signature: prefixed, allowedSigners: list, identity: Self.principal, namespace: Self.namespace
        )
        #expect(openssh.status != 0)
        #expect(throws: SSHSignature.Malformed.self) {
            try SSHSignature(armored: Array(try Data(contentsOf: prefixed)))
        }
    }
}
