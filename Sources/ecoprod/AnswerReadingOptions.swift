import ArgumentParser
import EcoprodApplication
import EcoprodGrid
import EcoprodReports

/// The options of the commands that read answers, as a JSON answer set or a filled grid,
/// against the releases (score, migrate, render, import): the diagnostics' format, the allowed
/// signers, and the limits a workbook is read within (docs: the grid).
///
/// One group rather than three, since swift-argument-parser reflects on each group's type on
/// every parse. The limits are optional, their defaults named in their help: a defaulted `Int`
/// option has its default described on every parse, help or not.
struct AnswerReadingOptions: ParsableArguments {
    private static let defaults = GridLimits.default

    @Option(name: .long, help: DiagnosticFormatOption.help)
    var diagnosticsFormat: DiagnosticFormat = .text

    @Option(name: .long, help: TrustOptions.help)
    var allowedSigners: String?

    @Option(name: .long, help: "Largest workbook file read, in bytes (default: \(defaults.maxFileBytes)).")
    var maxGridBytes: Int?

    @Option(name: .long, help: "Most entries (parts) in the workbook's zip package (default: \(defaults.maxEntries)).")
    var maxEntries: Int?

    @Option(
        name: .long,
        help: "Most bytes the parts read may decompress to, together (default: \(defaults.maxUncompressedBytes)).")
    var maxUncompressedBytes: Int?

    @Option(
        name: .long, help: "Highest compression ratio of a part over 1 MiB (default: \(defaults.maxCompressionRatio)).")
    var maxCompressionRatio: Int?

    @Option(name: .long, help: "Deepest XML nesting in a part (default: \(defaults.maxXMLDepth)).")
    var maxXMLDepth: Int?

    func validate() throws {
        let values = [
            ("--max-grid-bytes", maxGridBytes), ("--max-entries", maxEntries),
            ("--max-uncompressed-bytes", maxUncompressedBytes),
            ("--max-compression-ratio", maxCompressionRatio), ("--max-xml-depth", maxXMLDepth),
        ]
        for (name, value) in values where (value ?? 1) <= 0 {
            throw ValidationError("\(name) must be a positive integer")
        }
    }

    /// How answers are read: the trust list and the grid's limits, each given or its default.
    var reading: AnswerReading {
        AnswerReading(
            allowedSigners: allowedSigners,
            limits: GridLimits(
                maxFileBytes: maxGridBytes ?? Self.defaults.maxFileBytes,
                maxEntries: maxEntries ?? Self.defaults.maxEntries,
                maxUncompressedBytes: maxUncompressedBytes ?? Self.defaults.maxUncompressedBytes,
                maxCompressionRatio: maxCompressionRatio ?? Self.defaults.maxCompressionRatio,
                maxXMLDepth: maxXMLDepth ?? Self.defaults.maxXMLDepth))
    }
}
