import ArgumentParser
import EcoprodFramework
import EcoprodReports

/// How the commands that read answers (`score`, `migrate`, `import`, `render --answers`) read
/// them: the diagnostics' format, the allowed signers their bundles must be signed against, and
/// the limits a grid is read within (README "Formats › The grid").
///
/// One group rather than three: swift-argument-parser instantiates each option group's generic
/// types at run time, about 1.8 ms per group in a whole process (README "Whole-process latency"),
/// and these four commands take all three concerns together. `verify`, `sign` and `diff` keep
/// ``TrustOptions`` and ``DiagnosticFormatOption``, whose help texts these options share.
struct AnswerInputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(DiagnosticFormatOption.help))
    var diagnosticsFormat: DiagnosticFormat = .text

    @Option(name: .long, help: ArgumentHelp(TrustOptions.help))
    var allowedSigners: String?

    @Option(name: .long, help: "Largest workbook file read, in bytes.")
    var maxGridBytes = GridLimits.default.maxFileBytes

    @Option(name: .long, help: "Most entries (parts) in the workbook's zip package.")
    var maxEntries = GridLimits.default.maxEntries

    @Option(name: .long, help: "Most bytes the parts read may decompress to, together.")
    var maxUncompressedBytes = GridLimits.default.maxUncompressedBytes

    @Option(name: .long, help: "Highest compression ratio of a part over 1 MiB.")
    var maxCompressionRatio = GridLimits.default.maxCompressionRatio

    @Option(name: .long, help: "Deepest XML nesting in a part.")
    var maxXMLDepth = GridLimits.default.maxXMLDepth

    func validate() throws {
        let values = [
            ("--max-grid-bytes", maxGridBytes), ("--max-entries", maxEntries), ("--max-uncompressed-bytes", maxUncompressedBytes),
            ("--max-compression-ratio", maxCompressionRatio), ("--max-xml-depth", maxXMLDepth),
        ]
        for (name, value) in values where value <= 0 {
            throw ValidationError("\(name) must be a positive integer")
        }
    }

    /// The signer policy these options choose.
    var trust: TrustOptions {
        var trust = TrustOptions()
        trust.allowedSigners = allowedSigners
        return trust
    }

    var gridLimits: GridLimits {
        GridLimits(
            maxFileBytes: maxGridBytes, maxEntries: maxEntries, maxUncompressedBytes: maxUncompressedBytes, maxCompressionRatio: maxCompressionRatio,
            maxXMLDepth: maxXMLDepth)
    }
}
