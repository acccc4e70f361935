import EcoprodCompiler
import EcoprodFramework
import EcoprodWriters
import Foundation

/// `sign`: adds `BUNDLE.sig` to a release that has none (releases made before signing existed),
/// without changing one byte of the bundle. The signer must be allowed for bundles at the
/// release's date, and what `ssh-keygen` wrote is checked as any verifier will check it.
public struct BundleSigning: Sendable {
    public var bundle: String
    /// The key, as `ssh-keygen -f` takes it.
    public var key: String
    /// The allowed-signers file; nil for the one beside the releases folder.
    public var allowedSigners: String?

    public init(bundle: String, key: String, allowedSigners: String?) {
        self.bundle = bundle
        self.key = key
        self.allowedSigners = allowedSigners
    }

    /// Signs the bundle and writes the signature; returns its path.
    public func run() throws(UseCaseFailure) -> String {
        var collector = DiagnosticCollector()
        let history = ReleaseHistory.verify(files: [bundle], complete: false, into: &collector)
        let folder = URL(fileURLWithPath: bundle).deletingLastPathComponent()
        let policy = AnswerReading(allowedSigners: allowedSigners).signers(forBundlesIn: folder.path, into: &collector)
        if policy == nil, !collector.hasErrors {
            collector.emit(
                .noBundleSigners(folder.deletingLastPathComponent().appendingPathComponent(SignerPolicy.fileName).path))
        }
        // One report per run: problems are printed once, where the run stops.
        guard !collector.hasErrors, let policy, let entry = history.releases.first else {
            throw .input(collector.sorted())
        }
        let signer = SSHKeygenSigner(key: key)
        let time = entry.bundle.framework.identity.released.flatMap(SignerTime.init(releaseDate:)) ?? .now
        let bytes = entry.locatorBytes
        let publicKey: SSHPublicKey
        do {
            publicKey = try signer.publicKey()
        } catch {
            throw .input(error.diagnostic)
        }
        let at = SourceLocation.file(policy.file)
        guard
            policy.authorize(
                publicKey, namespace: SignerPolicy.bundleNamespace, at: time, reportingAt: at, into: &collector)
        else {
            throw .input(collector.sorted())
        }
        let signature: [UInt8]
        do {
            signature = try signer.sign(bytes, namespace: SignerPolicy.bundleNamespace)
        } catch {
            throw .input(error.diagnostic)
        }
        let path = SignerPolicy.signatureFile(of: bundle)
        var check = DiagnosticCollector()
        do {
            let parsed = try SSHSignature(armored: signature)
            if let key = policy.check(
                parsed, over: bytes, signatureFile: path, namespace: SignerPolicy.bundleNamespace, at: time,
                into: &check),
                let recorded = entry.bundle.framework.lineage.signer, recorded != key.fingerprint
            {
                check.emit(.signerNotRecorded(recorded, signer: key.fingerprint, bundle: bundle))
            }
        } catch {
            check.emit(.unreadableSignature(error, file: path))
        }
        try check.failOnErrors()
        do {
            _ = try AtomicFileWriter().write(signature, to: path)
        } catch {
            throw .input(error.diagnostic)
        }
        return path
    }
}

extension Diagnostic {
    static func noBundleSigners(_ expected: String) -> Diagnostic {
        .fileUnreadable(expected, reason: "no allowed-signers file applies; pass --allowed-signers FILE")
    }

    static func signerNotRecorded(_ recorded: String, signer: String, bundle: String) -> Diagnostic {
        Diagnostic(
            .error, .signerNotInLineage, "the release names its signer \(recorded); \(signer) may not sign it",
            at: SourceLocation(file: bundle, line: 1, column: 1),
            help: "sign with the key the release names in lineage.signer")
    }

    static func unreadableSignature(_ error: SSHSignature.Malformed, file: String) -> Diagnostic {
        Diagnostic(
            .error, .signatureMalformed, "ssh-keygen wrote no readable signature: \(error.message)",
            at: SourceLocation(file: file, line: error.line, column: 1))
    }
}
