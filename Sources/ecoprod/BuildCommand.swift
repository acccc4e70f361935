import ArgumentParser
import EcoprodApplication
import EcoprodFramework
import EcoprodWriters

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
        let checked = FrameworkChecking(directory: directory, limits: limits.limits, releaseDate: releaseDate).run()
        try failing(in: diagnostics, sources: checked.sources) { () throws(UseCaseFailure) in
            let failed = Console.report(checked.diagnostics, options: diagnostics, sources: checked.sources)
            guard !failed, let framework = checked.framework else { throw .alreadyReported }
            let bundle = FrameworkBundle(framework: framework)
            let target = output ?? "build/\(bundle.fileName)"
            try Console.deliver(bundle.fileBytes(), to: target, force: force)
            Console.status("\(framework.summaryLine)\ndigest \(bundle.digest)\n")
        }
    }
}
