import ArgumentParser
import EcoprodCompiler
import EcoprodReports
import EcoprodFramework
import Foundation

/// `ecoprod check [DIR]`: validates the framework sources and reports every problem at once.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the framework sources (default folder: Framework).")

    @Argument(help: "The framework folder, or - to check one file read from stdin in the context of --context.")
    var directory = "Framework"

    @Option(name: .long, help: "With -, the framework folder the file from stdin belongs to (default: Framework).")
    var context = "Framework"

    @OptionGroup var diagnostics: DiagnosticOptions
    @OptionGroup var limits: ReaderLimitOptions

    func run() throws {
        let compiler = FrameworkCompiler(options: .init(limits: limits.limits))
        let result: FrameworkCompiler.Result
        if directory == "-" {
            let stdin = Array(FileHandle.standardInput.readDataToEndOfFile())
            result = compiler.compile(directory: context, replacingWith: SourceFile(path: "<stdin>", bytes: stdin))
        } else {
            result = compiler.compile(directory: directory)
        }
        let failed = Console.report(result.diagnostics, options: diagnostics, sources: result.sources.byPath)
        if failed { throw ExitCode(1) }
        if let framework = result.framework {
            Console.error("\(framework.summaryLine)\n")
        }
    }
}

extension FrameworkSources {
    /// Each file's bytes by path, for quoting source lines in text diagnostics.
    var byPath: [String: [UInt8]] {
        var table: [String: [UInt8]] = [:]
        for file in [framework].compactMap({ $0 }) + departments { table[file.path] = file.bytes }
        return table
    }
}

extension Framework {
    /// "ecoprod-label 1.0.0: 80 criteria, 8 mandatory, 10 departments, 2 schemes"
    var summaryLine: String {
        "\(identity.id) \(identity.version): \(criteria.count) criteria, \(mandatoryCount) mandatory, \(departments.count) departments, \(scoring.schemes.count) scheme\(scoring.schemes.count == 1 ? "" : "s")"
    }
}
