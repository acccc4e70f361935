/// The bounds a workbook must stay within before any of it is decompressed or parsed.
///
/// A grid comes back from outside (a production's computer, an email), so every size is
/// bounded, like the YAML reader's limits. The defaults leave a wide margin over a real grid:
/// the shipped 80-criteria grid is about 30 KB zipped, 250 KB unzipped, in 12 entries; a
/// 10,000-criteria grid is about 30 MB unzipped.
public struct GridLimits: Sendable, Hashable {
    /// The largest workbook file read, in bytes.
    public var maxFileBytes: Int
    /// The most entries (parts) in the zip package.
    public var maxEntries: Int
    /// The most bytes all the parts read may decompress to, together.
    public var maxUncompressedBytes: Int
    /// The highest compression ratio of an entry over ``ratioFloorBytes`` uncompressed: zip
    /// bombs compress by thousands, XML by tens.
    public var maxCompressionRatio: Int
    /// The deepest XML nesting in a part.
    public var maxXMLDepth: Int

    /// Entries smaller than this are never refused for their ratio: a few kilobytes of
    /// repeated bytes are harmless, however well they compress.
    public static let ratioFloorBytes = 1 << 20

    public init(
        maxFileBytes: Int, maxEntries: Int, maxUncompressedBytes: Int, maxCompressionRatio: Int, maxXMLDepth: Int
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxEntries = maxEntries
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxXMLDepth = maxXMLDepth
    }

    /// 32 MiB file, 256 entries, 256 MiB decompressed, ratio 200, depth 64.
    public static let `default` = GridLimits(
        maxFileBytes: 32 << 20, maxEntries: 256, maxUncompressedBytes: 256 << 20, maxCompressionRatio: 200,
        maxXMLDepth: 64)
}
