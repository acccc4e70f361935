import ArgumentParser
import EcoprodApplication
import EcoprodFramework

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
        let verified = try failing(in: diagnostics) { () throws(UseCaseFailure) in
            let verified = try BundleVerification(
                bundles: bundles, releases: releases, allowedSigners: trust.allowedSigners
            ).run()
            if Console.report(verified.diagnostics, options: diagnostics) { throw .alreadyReported }
            return verified
        }
        for entry in verified.history.releases {
            let identity = entry.bundle.framework.identity
            Console.status(
                "ok \(entry.file): \(identity.id) \(identity.version) \(entry.bundle.digest)\(verified.signed ? ", signed" : "")\n"
            )
        }
    }
}
