import ArgumentParser
import EcoprodCompiler
import EcoprodFramework
import Foundation

/// `ecoprod verify BUNDLE…`: recomputes digests, checks structure and the lineage chain.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check bundles: digest, structure, layout and lineage.")

    @Argument(help: "Bundle files; - reads one from stdin.")
    var bundles: [String] = []

    @Option(name: .long, help: "A folder of releases to verify as one complete history.")
    var releases: String?

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
            let names = (try? FileManager.default.contentsOfDirectory(atPath: releases)) ?? []
            if names.isEmpty && !FileManager.default.fileExists(atPath: releases) {
                collector.emit(.fileUnreadable(releases, reason: "no such folder"))
            }
            files += names.filter { $0.hasSuffix(".json") }.sorted().map { releases + "/" + $0 }
        }
        let verifier = BundleVerifier()
        var verified: [BundleVerifier.VerifiedBundle] = []
        for file in files {
            guard let bytes = Console.read(file) else {
                collector.emit(.fileUnreadable(file, reason: "no such file or not readable"))
                continue
            }
            if let bundle = verifier.verify(bytes, file: file, into: &collector) {
                verified.append(.init(file: file, bundle: bundle))
            }
        }
        verifier.verifyLineage(verified, complete: releases != nil, into: &collector)
        let failed = Console.report(collector.sorted(), options: diagnostics)
        if failed { throw ExitCode(1) }
        for entry in verified {
            Console.error("ok \(entry.file): \(entry.bundle.framework.identity.id) \(entry.bundle.framework.identity.version) \(entry.bundle.digest)\n")
        }
    }
}
