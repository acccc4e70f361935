import ArgumentParser
import EcoprodCompiler
import EcoprodReports
import EcoprodFramework
import Foundation

/// `ecoprod verify BUNDLE…`: recomputes digests, checks structure and the lineage chain.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check bundles: digest, structure, layout, lineage and signatures.")

    @Argument(help: "Bundle files; - reads one from stdin.")
    var bundles: [String] = []

    @Option(name: .long, help: "A folder of releases to verify as one complete history.")
    var releases: String?

    @OptionGroup var trust: TrustOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if bundles.isEmpty && releases == nil {
            throw ValidationError("give at least one bundle, or --releases DIR")
        }
    }

    func run() throws {
        var collector = DiagnosticCollector()
        var files = bundles
        if let releases {
            if !FileManager.default.fileExists(atPath: releases) {
                collector.emit(.fileUnreadable(releases, reason: "no such folder"))
            }
            files += ReleaseHistory.bundleFiles(in: releases)
        }
        // A releases folder brings its own trust list (DIR/../allowed_signers); single bundles
        // are checked against one only when --allowed-signers names it.
        var signers: SignerPolicy?
        if let releases {
            signers = trust.policy(forBundlesIn: releases, into: &collector)
        } else if let file = trust.allowedSigners {
            signers = SignerPolicy.load(file, into: &collector)
        }
        let history = ReleaseHistory.verify(files: files, complete: releases != nil, signers: signers, into: &collector)
        let failed = Console.report(collector.sorted(), options: diagnostics)
        if failed { throw ExitCode(1) }
        for entry in history.releases {
            let signed = signers.map { _ in ", signed" } ?? ""
            Console.error("ok \(entry.file): \(entry.bundle.framework.identity.id) \(entry.bundle.framework.identity.version) \(entry.bundle.digest)\(signed)\n")
        }
    }
}
