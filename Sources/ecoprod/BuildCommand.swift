import ArgumentParser
import EcoprodCompiler
import EcoprodReports
import EcoprodFramework
import Foundation

/// `ecoprod build [DIR] [--output FILE]`: validates like `check`, then writes the bundle.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate the sources and emit the frozen bundle.",
        discussion: "Without --output, writes build/<id>-<version>.json. --output - writes to stdout.")

    @Argument(help: "The framework folder.")
    var directory = "Framework"

    @Option(name: .shortAndLong, help: "Where to write the bundle; - for stdout.")
    var output: String?

    @OptionGroup var date: ReleaseDateOptions

    @Flag(name: .long, help: "Replace an existing file with different content (never allowed in releases/).")
    var force = false

    @OptionGroup var diagnostics: DiagnosticOptions
    @OptionGroup var limits: ReaderLimitOptions

    func run() throws {
        let releaseDate = try date.resolve(todayByDefault: false)
        let compiler = FrameworkCompiler(options: .init(limits: limits.limits, releaseDate: releaseDate))
        let result = compiler.compile(directory: directory)
        let failed = Console.report(result.diagnostics, options: diagnostics, sources: result.sources.byPath)
        guard !failed, let framework = result.framework else { throw ExitCode(1) }
        let bundle = FrameworkBundle(framework: framework)
        let bytes = bundle.fileBytes()
        let target = output ?? "build/\(bundle.fileName)"
        if target == "-" {
            Console.out(bytes: bytes)
            Console.error("\(framework.summaryLine)\ndigest \(bundle.digest)\n")
            return
        }
        do {
            let outcome = try AtomicFileWriter(force: force).write(bytes, to: target)
            Console.error("\(outcome == .unchanged ? "Unchanged" : "Wrote") \(target)\n\(framework.summaryLine)\ndigest \(bundle.digest)\n")
        } catch {
            Console.report([error.diagnostic], options: diagnostics)
            throw ExitCode(1)
        }
    }
}
