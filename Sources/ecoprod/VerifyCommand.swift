import ArgumentParser
import EcoprodCompiler
import EcoprodReports
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
            if !FileManager.default.fileExists(atPath: releases) {
                collector.emit(.fileUnreadable(releases, reason: "no such folder"))
            }
            files += ReleaseHistory.bundleFiles(in: releases)
        }
        let history = ReleaseHistory.verify(files: files, complete: releases != nil, into: &collector)
        let failed = Console.report(collector.sorted(), options: diagnostics)
        if failed { throw ExitCode(1) }
        for entry in history.releases {
            Console.error("ok \(entry.file): \(entry.bundle.framework.identity.id) \(entry.bundle.framework.identity.version) \(entry.bundle.digest)\n")
        }
    }
}
