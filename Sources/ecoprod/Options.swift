import ArgumentParser
import EcoprodApplication
import EcoprodFramework
import EcoprodReports
import Foundation

extension DiagnosticFormat: NamedValueArgument {}

/// An option whose values are an enum's raw strings (`--format json`).
///
/// swift-argument-parser's defaults describe each value through string interpolation of a
/// generic value, for every option of every command parsed, help or not; the raw values say
/// the same, directly, at a fraction of the cost (Benchmarks/README.md).
protocol NamedValueArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedValueArgument {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var allValueDescriptions: [String: String] { [:] }
}

/// How diagnostics are printed.
struct DiagnosticOptions: ParsableArguments {
    @Option(name: .long, help: "Diagnostic format: text, json, github, sarif or gitlab (a Code Quality report).")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false
}

/// The diagnostic format of commands whose `--format` chooses their data output (diff).
struct DiagnosticFormatOption: ParsableArguments {
    static let help: ArgumentHelp = "Diagnostic format: text, json, github, sarif or gitlab (a Code Quality report)."

    @Option(name: .long, help: help)
    var diagnosticsFormat: DiagnosticFormat = .text
}

/// The strict reader's limits, for genuine inputs that exceed the defaults. Optional, their
/// defaults named in their help (as ``AnswerReadingOptions``' limits, and for the same reason).
struct ReaderLimitOptions: ParsableArguments {
    private static let defaults = SourceLimits.default

    @Option(name: .long, help: "Largest YAML file accepted, in bytes (default: \(defaults.maxFileBytes)).")
    var maxFileBytes: Int?

    @Option(name: .long, help: "Deepest nesting of mappings and lists (default: \(defaults.maxDepth)).")
    var maxDepth: Int?

    @Option(name: .long, help: "Most YAML nodes in one file (default: \(defaults.maxNodes)).")
    var maxNodes: Int?

    @Option(name: .long, help: "Longest scalar, in bytes (default: \(defaults.maxScalarBytes)).")
    var maxScalarBytes: Int?

    func validate() throws {
        for (name, value) in [
            ("--max-file-bytes", maxFileBytes), ("--max-depth", maxDepth), ("--max-nodes", maxNodes),
            ("--max-scalar-bytes", maxScalarBytes),
        ]
        where (value ?? 1) <= 0 {
            throw ValidationError("\(name) must be a positive integer")
        }
    }

    var limits: SourceLimits {
        SourceLimits(
            maxFileBytes: maxFileBytes ?? Self.defaults.maxFileBytes, maxDepth: maxDepth ?? Self.defaults.maxDepth,
            maxNodes: maxNodes ?? Self.defaults.maxNodes, maxScalarBytes: maxScalarBytes ?? Self.defaults.maxScalarBytes
        )
    }
}

/// The release date stamped into a bundle: `--date`, else `SOURCE_DATE_EPOCH`.
struct ReleaseDateOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "The date to record (YYYY-MM-DD). Default: SOURCE_DATE_EPOCH, else none for a build and today (UTC) for a release, a statement, a plan or a certificate."
    )
    var date: String?

    func validate() throws {
        if let date, ReleaseDate.validated(date) == nil {
            throw ValidationError("--date must be a calendar date as YYYY-MM-DD, got '\(date)'")
        }
    }

    /// The date to stamp; with `todayByDefault`, today's UTC date when nothing else gives one.
    func resolve(todayByDefault: Bool) throws -> String? {
        do {
            return try ReleaseDate.resolve(
                explicit: date, environment: ProcessInfo.processInfo.environment, todayByDefault: todayByDefault)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

/// `--locale` and `--output` of the reports meant for people (`render`, and the html
/// formats of `diff` and `score`).
struct ReportOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "The one language of the output, one of the framework's locales. By default text, Markdown and grids use the framework's first locale; an HTML page holds every locale with a switch, a CSV a column per locale."
    )
    var locale: String?

    @Option(name: .shortAndLong, help: "Where to write the report (written atomically); - or nothing for stdout.")
    var output: String?

    @Flag(name: .long, help: "Replace an existing output file with different content.")
    var force = false

    /// Refuses a locale the framework does not declare (a usage error: exit 64).
    func checkLocale(in framework: Framework) throws(UseCaseFailure) {
        try OutputLocale.check(locale, in: framework)
    }

    /// Writes the report to `--output` (atomically; refusing to replace different content
    /// without `--force`), or to stdout.
    func deliver(_ bytes: [UInt8]) throws(UseCaseFailure) {
        try Console.deliver(bytes, to: output, force: force)
    }

    /// Whether the report goes to stdout: then machine-readable diagnostics must not.
    var goesToStdout: Bool { output == nil || output == "-" }
}

/// Which allowed-signers file applies to the bundles a command reads.
struct TrustOptions: ParsableArguments {
    static let help: ArgumentHelp =
        "The allowed-signers file bundles must be signed against (default: allowed_signers next to the releases folder, when present)."

    @Option(name: .long, help: help)
    var allowedSigners: String?
}
