import ArgumentParser
import EcoprodCompiler
import EcoprodFramework
import EcoprodReports
import Foundation

/// `ecoprod sign BUNDLE --sign KEY`: adds `BUNDLE.sig` to a release that has none (releases made
/// before signing existed), without changing one byte of the bundle.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Sign an existing release bundle (writes BUNDLE.sig, never changes the bundle).")

    @Argument(help: "The bundle file to sign.")
    var bundle: String

    @Option(name: .long, help: "The key, as ssh-keygen -f takes it: a private key file, or a .pub whose key an agent holds.")
    var sign: String

    @OptionGroup var trust: TrustOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        var collector = DiagnosticCollector()
        let history = ReleaseHistory.verify(files: [bundle], complete: false, into: &collector)
        let folder = URL(fileURLWithPath: bundle).deletingLastPathComponent().path
        let policy = trust.policy(forBundlesIn: folder, into: &collector)
        if policy == nil, !collector.hasErrors {
            collector.emit(.fileUnreadable(
                URL(fileURLWithPath: folder).deletingLastPathComponent().appendingPathComponent(SignerPolicy.fileName).path,
                reason: "no allowed-signers file applies; pass --allowed-signers FILE"))
        }
        // One report per run: problems are printed once, where the run stops.
        guard !collector.hasErrors, let policy, let entry = history.releases.first else {
            Console.report(collector.sorted(), options: diagnostics)
            throw ExitCode(1)
        }
        let signer = SSHKeygenSigner(key: sign)
        let time = entry.bundle.framework.identity.released.flatMap(SignerTime.init(releaseDate:)) ?? .now
        let bytes = entry.locatorBytes
        let signature: [UInt8]
        do {
            let key = try signer.publicKey()
            let at = SourceLocation(file: policy.file, line: 1, column: 1)
            guard policy.authorize(key, namespace: SignerPolicy.bundleNamespace, at: time, reportingAt: at, into: &collector) else {
                Console.report(collector.sorted(), options: diagnostics)
                throw ExitCode(1)
            }
            signature = try signer.sign(bytes, namespace: SignerPolicy.bundleNamespace)
        } catch let failure as SSHKeygenSigner.Failure {
            Console.report([failure.diagnostic], options: diagnostics)
            throw ExitCode(1)
        }
        // What ssh-keygen wrote is checked as any verifier will check it, before it is kept.
        let path = SignerPolicy.signatureFile(of: bundle)
        var check = DiagnosticCollector()
        do {
            let parsed = try SSHSignature(armored: signature)
            if let key = policy.check(parsed, over: bytes, signatureFile: path, namespace: SignerPolicy.bundleNamespace, at: time, into: &check),
               let recorded = entry.bundle.framework.lineage.signer, recorded != key.fingerprint {
                check.emit(Diagnostic(
                    .error, .signerNotInLineage, "the release names its signer \(recorded); \(key.fingerprint) may not sign it",
                    at: SourceLocation(file: bundle, line: 1, column: 1), help: "sign with the key the release names in lineage.signer"))
            }
        } catch {
            check.emit(Diagnostic(.error, .signatureMalformed, "ssh-keygen wrote no readable signature: \(error.message)", at: SourceLocation(file: path, line: error.line, column: 1)))
        }
        guard !check.hasErrors else {
            Console.report(check.sorted(), options: diagnostics)
            throw ExitCode(1)
        }
        do {
            try AtomicFileWriter().stage(signature, to: path)?.commit()
        } catch {
            Console.report([error.diagnostic], options: diagnostics)
            throw ExitCode(1)
        }
        Console.error("Signed \(bundle)\nWrote \(path)\n")
    }
}
