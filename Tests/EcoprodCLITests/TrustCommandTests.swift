import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// Signed releases through the real binary and the real `ssh-keygen`: the forgery the issue
/// describes is refused, so is every other way a signature can be wrong, each with its own code,
/// and signatures cross-check with OpenSSH both ways.
@Suite(.serialized) struct TrustCommandTests {
    static let release = "Framework/releases/ecoprod-label-1.1.0.json"

    /// A workspace whose trust list names a fresh key, with the releases made before signing
    /// (1.0.0, 1.1.0) signed by it; 1.2.0 keeps the signature of the key its lineage names,
    /// whose line the list keeps.
    func signedWorkspace(options: String = "namespaces=\"ecoprod-bundle\"") throws -> (folder: URL, key: SSHKeygen.Key)
    {
        let folder = try releaseWorkspace(keepingSigners: true)
        let key = try SSHKeygen().makeKey(in: folder, name: "release-manager")
        let list = folder.appendingPathComponent("Framework/allowed_signers")
        let lineageSigner = try String(contentsOf: list, encoding: .utf8).split(separator: "\n").filter {
            $0.contains("interim, 2026-12")
        }
        try ("release-manager@example \(options) \(key.publicLine)\n" + lineageSigner.map { $0 + "\n" }.joined()).write(
            to: list, atomically: true, encoding: .utf8)
        for version in ["1.0.0", "1.1.0"] {
            // A signature in releases/ is frozen like the bundle: the shipped ones are removed first.
            try FileManager.default.removeItem(
                at: folder.appendingPathComponent("Framework/releases/ecoprod-label-\(version).json.sig"))
            let signed = try runEcoprod(
                ["sign", "Framework/releases/ecoprod-label-\(version).json", "--sign", key.privateKey.path], in: folder)
            #expect(signed.status == 0, "\(signed.stderr)")
        }
        return (folder, key)
    }

    func codes(_ result: ProcessResult) throws -> [String] {
        let report = try JSONParser().parse(result.stdoutBytes)
        return (report["diagnostics"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
    }

    func verifyReleases(in folder: URL) throws -> ProcessResult {
        try runEcoprod(["verify", "--releases", "Framework/releases", "--format", "json"], in: folder)
    }

    @Test func theShippedReleasesAreSignedByTheShippedSigner() throws {
        let result = try runEcoprod(["verify", "--releases", "Framework/releases"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: ", signed").count == 4)
        for version in ["1.0.0", "1.1.0", "1.2.0"] {
            let bundle = packageRoot.appendingPathComponent("Framework/releases/ecoprod-label-\(version).json")
            let openssh = try SSHKeygen().verify(
                Array(try Data(contentsOf: bundle)), signature: URL(fileURLWithPath: bundle.path + ".sig"),
                allowedSigners: packageRoot.appendingPathComponent("Framework/allowed_signers"),
                identity: "maintainer@ecoprod-label", namespace: "ecoprod-bundle")
            #expect(openssh.status == 0, "\(String(decoding: openssh.stderr, as: UTF8.self))")
        }
    }

    @Test func aSignatureByEcoprodVerifiesWithSSHKeygenAlone() throws {
        let (folder, _) = try signedWorkspace()
        let bundle = folder.appendingPathComponent(Self.release)
        let openssh = try SSHKeygen().verify(
            Array(try Data(contentsOf: bundle)), signature: URL(fileURLWithPath: bundle.path + ".sig"),
            allowedSigners: folder.appendingPathComponent("Framework/allowed_signers"),
            identity: "release-manager@example", namespace: "ecoprod-bundle")
        #expect(openssh.status == 0, "\(String(decoding: openssh.stderr, as: UTF8.self))")
        #expect(
            String(decoding: openssh.stdout + openssh.stderr, as: UTF8.self).contains(
                "Good \"ecoprod-bundle\" signature"))
    }

    @Test func aSignatureBySSHKeygenAloneVerifiesWithEcoprod() throws {
        let (folder, key) = try signedWorkspace()
        let bundle = folder.appendingPathComponent(Self.release)
        try Data(try SSHKeygen().sign(Array(try Data(contentsOf: bundle)), with: key, namespace: "ecoprod-bundle"))
            .write(to: URL(fileURLWithPath: bundle.path + ".sig"))
        let result = try runEcoprod(
            ["verify", Self.release, "--allowed-signers", "Framework/allowed_signers"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(", signed"))
    }

    /// The forgery: A1 worth 40 points, the digest recomputed with any JCS library.
    @Test func aForgedBundleWithARecomputedDigestIsRefused() throws {
        let (folder, _) = try signedWorkspace()
        let url = folder.appendingPathComponent(Self.release)
        let parsed = try JSONParser().parse(Array(try Data(contentsOf: url)))
        var members = try #require(parsed.objectValue)
        var criteria = try #require(members["criteria"]?.arrayValue)
        var first = try #require(criteria[0].objectValue)
        first["points"] = .integer(40)
        criteria[0] = .object(first)
        members["criteria"] = .array(criteria)
        members.removeValue(forKey: "digest")
        members["digest"] = .string(FrameworkBundle.digest(ofContent: .object(members)))
        try Data(JSONValue.object(members).prettyBytes()).write(to: url)
        let digestOnly = try runEcoprod(["verify", Self.release], in: folder)
        #expect(digestOnly.status == 0, "the forgery passes the digest check alone: that is why signatures exist")
        let result = try verifyReleases(in: folder)
        #expect(result.status == 1)
        #expect(try codes(result).contains("G102"))
        let answers = packageRoot.appendingPathComponent("docs/examples/les-jours-verts.answers.json").path
        let score = try runEcoprod(["score", answers, "--releases", "Framework/releases"], in: folder)
        #expect(score.status != 0)
        #expect(score.stderr.contains("G102"), "\(score.stderr)")
        #expect(score.stderr.contains("ecoprod verify --releases Framework/releases"), "the refusal says how to verify")
    }

    struct Breakage: Sendable, CustomTestStringConvertible {
        var name: String
        var code: String
        var act: @Sendable (URL, SSHKeygen.Key) throws -> Void
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        .init(name: "no signature", code: "G101") { folder, _ in
            try FileManager.default.removeItem(at: folder.appendingPathComponent(release + ".sig"))
        },
        .init(name: "a key outside allowed_signers", code: "G103") { folder, _ in
            let stranger = try SSHKeygen().makeKey(in: folder, name: "stranger")
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(release)))
            try Data(try SSHKeygen().sign(bytes, with: stranger, namespace: "ecoprod-bundle")).write(
                to: folder.appendingPathComponent(release + ".sig"))
        },
        .init(name: "a signature for another namespace", code: "G105") { folder, key in
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(release)))
            try Data(try SSHKeygen().sign(bytes, with: key, namespace: "file")).write(
                to: folder.appendingPathComponent(release + ".sig"))
        },
        .init(name: "a signature moved from another release", code: "G102") { folder, _ in
            let other = folder.appendingPathComponent("Framework/releases/ecoprod-label-1.0.0.json.sig")
            try FileManager.default.removeItem(at: folder.appendingPathComponent(release + ".sig"))
            try FileManager.default.copyItem(at: other, to: folder.appendingPathComponent(release + ".sig"))
        },
        .init(name: "a truncated signature", code: "G107") { folder, _ in
            let url = folder.appendingPathComponent(release + ".sig")
            let text = try String(contentsOf: url, encoding: .utf8)
            try String(text.prefix(text.count / 2)).write(to: url, atomically: true, encoding: .utf8)
        },
        .init(name: "garbage for a signature", code: "G107") { folder, _ in
            try Data("-----BEGIN SSH SIGNATURE-----\nbm90IGEgc2lnbmF0dXJl\n-----END SSH SIGNATURE-----\n".utf8).write(
                to: folder.appendingPathComponent(release + ".sig"))
        },
        .init(name: "a signer retired before the release date", code: "G104") { folder, key in
            try "release-manager@example namespaces=\"ecoprod-bundle\",valid-before=\"20260101Z\" \(key.publicLine)\n"
                .write(
                    to: folder.appendingPathComponent("Framework/allowed_signers"), atomically: true, encoding: .utf8)
        },
        .init(name: "a malformed allowed_signers line", code: "G108") { folder, key in
            try "release-manager@example namespaces=\"ecoprod-bundle\" \(key.publicLine)\nbroken-line ssh-ed25519 !!!\n"
                .write(
                    to: folder.appendingPathComponent("Framework/allowed_signers"), atomically: true, encoding: .utf8)
        },
    ]

    @Test(arguments: breakages)
    func eachWayASignatureCanBeWrongHasItsCode(_ breakage: Breakage) throws {
        let (folder, key) = try signedWorkspace()
        try breakage.act(folder, key)
        let result = try verifyReleases(in: folder)
        #expect(result.status == 1)
        let found = try codes(result)
        #expect(found.contains(breakage.code), "\(found)")
    }

    /// Bump the shipped sources to 1.2.1 with one wording change: a patch release.
    func preparePatch(in folder: URL) throws {
        for (file, find, replace) in [
            ("Framework/framework.yaml", "version: 1.2.0", "version: 1.2.1"),
            (
                "Framework/departments/A-production.yaml", "en: \"Signed intention note\"",
                "en: \"A signed intention note\""
            ),
        ] {
            let url = folder.appendingPathComponent(file)
            try Data(try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: find, with: replace).utf8)
                .write(to: url)
        }
    }

    @Test func aSignedReleaseRecordsItsSignerAndVerifiesEverywhere() throws {
        let (folder, key) = try signedWorkspace()
        try preparePatch(in: folder)
        let released = try runEcoprod(["release", "--date", "2026-12-01", "--sign", key.privateKey.path], in: folder)
        #expect(released.status == 0, "\(released.stderr)")
        let bundle = folder.appendingPathComponent("Framework/releases/ecoprod-label-1.2.1.json")
        let parsed = try JSONParser().parse(Array(try Data(contentsOf: bundle)))
        let fingerprint = try SSHPublicKey(text: key.publicLine).fingerprint
        #expect(parsed["lineage"]?["signer"]?.stringValue == fingerprint)
        let verified = try verifyReleases(in: folder)
        #expect(verified.status == 0, "\(verified.stderr)")
        let openssh = try SSHKeygen().verify(
            Array(try Data(contentsOf: bundle)), signature: URL(fileURLWithPath: bundle.path + ".sig"),
            allowedSigners: folder.appendingPathComponent("Framework/allowed_signers"),
            identity: "release-manager@example", namespace: "ecoprod-bundle")
        #expect(openssh.status == 0, "\(String(decoding: openssh.stderr, as: UTF8.self))")
    }

    /// A release names its signer inside the digest: another allowed key cannot re-sign it, and a
    /// release after a signed one cannot go back to naming none.
    @Test func theLineageSignerBindsTheReleaseToItsKey() throws {
        let (folder, key) = try signedWorkspace()
        let second = try SSHKeygen().makeKey(in: folder, name: "second-manager")
        let list = folder.appendingPathComponent("Framework/allowed_signers")
        try
            (try String(contentsOf: list, encoding: .utf8)
            + "second@example namespaces=\"ecoprod-bundle\" \(second.publicLine)\n")
            .write(to: list, atomically: true, encoding: .utf8)
        try preparePatch(in: folder)
        #expect(
            try runEcoprod(["release", "--date", "2026-12-01", "--sign", key.privateKey.path], in: folder).status == 0)
        let bundle = folder.appendingPathComponent("Framework/releases/ecoprod-label-1.2.1.json")
        let signature = URL(fileURLWithPath: bundle.path + ".sig")
        try FileManager.default.removeItem(at: signature)
        try Data(try SSHKeygen().sign(Array(try Data(contentsOf: bundle)), with: second, namespace: "ecoprod-bundle"))
            .write(to: signature)
        let resigned = try verifyReleases(in: folder)
        #expect(resigned.status == 1)
        #expect(try codes(resigned) == ["G106"])

        // Put the right signature back, then make 1.2.2 without a signer and sign it afterwards.
        try FileManager.default.removeItem(at: signature)
        try Data(try SSHKeygen().sign(Array(try Data(contentsOf: bundle)), with: key, namespace: "ecoprod-bundle"))
            .write(to: signature)
        #expect(try verifyReleases(in: folder).status == 0)
        let hidden = folder.appendingPathComponent("allowed_signers.away")
        try FileManager.default.moveItem(at: list, to: hidden)
        let framework = folder.appendingPathComponent("Framework/framework.yaml")
        try Data(
            try String(contentsOf: framework, encoding: .utf8).replacingOccurrences(
                of: "version: 1.2.1", with: "version: 1.2.2"
            ).utf8
        ).write(to: framework)
        let departments = folder.appendingPathComponent("Framework/departments/A-production.yaml")
        try Data(
            try String(contentsOf: departments, encoding: .utf8).replacingOccurrences(
                of: "en: \"A signed intention note\"", with: "en: \"The signed intention note\""
            ).utf8
        ).write(to: departments)
        #expect(try runEcoprod(["release", "--date", "2026-12-02"], in: folder).status == 0)
        try FileManager.default.moveItem(at: hidden, to: list)
        #expect(
            try runEcoprod(
                ["sign", "Framework/releases/ecoprod-label-1.2.2.json", "--sign", key.privateKey.path], in: folder
            ).status == 0)
        let unsignedLineage = try verifyReleases(in: folder)
        #expect(unsignedLineage.status == 1)
        #expect(try codes(unsignedLineage) == ["G106"])
        #expect(unsignedLineage.stdout.contains("records no signer, but 1.2.0 before it does"))
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var code: String
        var arguments: @Sendable (URL) throws -> [String]
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        .init(name: "no --sign where allowed_signers applies", code: "G101") { _ in [] },
        .init(name: "a key allowed_signers does not list", code: "G103") { folder in
            ["--sign", try SSHKeygen().makeKey(in: folder, name: "stranger").privateKey.path]
        },
        .init(name: "a key file that does not exist", code: "G101") { folder in
            ["--sign", folder.appendingPathComponent("no-such-key").path]
        },
    ]

    /// A refused release writes nothing: no bundle, no signature, no changelog section.
    @Test(arguments: refusals)
    func aReleaseThatCannotBeSignedWritesNothing(_ refusal: Refusal) throws {
        let (folder, _) = try signedWorkspace()
        try preparePatch(in: folder)
        let changelog = try Data(contentsOf: folder.appendingPathComponent("CHANGELOG.md"))
        let result = try runEcoprod(
            ["release", "--date", "2026-12-01", "--format", "json"] + (try refusal.arguments(folder)), in: folder)
        #expect(result.status == 1)
        #expect(try codes(result).contains(refusal.code), "\(result.stdout)")
        let releases = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("Framework/releases").path)
        #expect(!releases.contains { $0.contains("1.2.1") }, "\(releases)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("CHANGELOG.md")) == changelog)
    }

    @Test func signNeverChangesTheBundleAndRefusesAStranger() throws {
        let (folder, _) = try signedWorkspace()
        let url = folder.appendingPathComponent(Self.release)
        let before = try Data(contentsOf: url)
        let stranger = try SSHKeygen().makeKey(in: folder, name: "stranger")
        let sigBefore = try Data(contentsOf: URL(fileURLWithPath: url.path + ".sig"))
        let refused = try runEcoprod(
            ["sign", Self.release, "--sign", stranger.privateKey.path, "--format", "json"], in: folder)
        #expect(refused.status == 1)
        #expect(try codes(refused) == ["G103"])
        #expect(try Data(contentsOf: url) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: url.path + ".sig")) == sigBefore)
    }
}
