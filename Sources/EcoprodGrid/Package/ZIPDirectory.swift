/// The central directory of a zip file, read and checked before anything is decompressed.
///
/// ZIPFoundation inflates; this type decides whether it may, and where. It reads the end-of-
/// central-directory record and every directory entry with bounds-checked reads, checks that
/// each entry's local header and data lie inside the file, and refuses a package whose entries
/// are too many, too large, compressed too well, encrypted, or named outside the package (`..`,
/// absolute paths). ZIPFoundation's `Archive` is not used to read: it stops listing entries at
/// the first encrypted one, trusts declared sizes and offsets (the grid fuzzer made its in-memory
/// reader trap on an offset past the end), and leaks its memory file when a package fails to open.
struct ZIPDirectory {
    /// One entry as the central directory declares it.
    struct Entry: Equatable {
        var path: String
        var compressedSize: Int
        var uncompressedSize: Int
        var encrypted: Bool
        /// 0 stored, 8 deflated; anything else is refused when the entry is read.
        var method: Int = 0
        var crc32: UInt32 = 0
        /// Where the entry's compressed bytes start, once its local header is checked.
        var dataStart: Int = 0
    }

    /// Why a package was refused.
    enum Refusal: Error, Equatable {
        case notAZip
        case compoundFile
        case zip64
        case truncated(String)
        case tooManyEntries(limit: Int)
        case tooLarge(path: String, limit: Int)
        case ratio(path: String, ratio: Int, limit: Int)
        case unsafePath(String)
        case encrypted(String)
        /// Two entries with one name (part names compare without regard to case, as OPC says):
        /// applications disagree on which copy is the part.
        case duplicateEntry(String)
    }

    var entries: [Entry] = []

    /// The directory of `bytes`, checked against `limits`.
    init(_ bytes: [UInt8], limits: GridLimits) throws(Refusal) {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw .compoundFile }
        guard bytes.starts(with: [0x50, 0x4B]) else { throw .notAZip }
        guard let end = Self.endRecord(bytes) else { throw .truncated("no end-of-central-directory record") }
        let count = Self.uint16(bytes, end + 10)
        let offset = Self.uint32(bytes, end + 16)
        if count == 0xFFFF || offset == 0xFFFF_FFFF { throw .zip64 }
        guard count <= limits.maxEntries else { throw .tooManyEntries(limit: limits.maxEntries) }
        var position = offset
        var declaredTotal = 0
        for _ in 0..<count {
            guard position + 46 <= end, Self.uint32(bytes, position) == 0x0201_4B50 else {
                throw .truncated("central directory entry \(entries.count + 1)")
            }
            let nameLength = Self.uint16(bytes, position + 28)
            let skip = nameLength + Self.uint16(bytes, position + 30) + Self.uint16(bytes, position + 32)
            guard position + 46 + skip <= end else { throw .truncated("central directory entry \(entries.count + 1)") }
            let path = String(decoding: bytes[position + 46..<position + 46 + nameLength], as: UTF8.self)
            var entry = Entry(
                path: path, compressedSize: Self.uint32(bytes, position + 20),
                uncompressedSize: Self.uint32(bytes, position + 24),
                encrypted: Self.uint16(bytes, position + 8) & 1 != 0, method: Self.uint16(bytes, position + 10),
                crc32: UInt32(Self.uint32(bytes, position + 16)))
            try Self.check(entry, limits: limits)
            if entries.contains(where: { $0.path.lowercased() == path.lowercased() }) { throw .duplicateEntry(path) }
            entry.dataStart = try Self.checkLocalHeader(
                at: Self.uint32(bytes, position + 42), of: entry, in: bytes, before: offset)
            declaredTotal += entry.uncompressedSize
            guard declaredTotal <= limits.maxUncompressedBytes else {
                throw .tooLarge(path: path, limit: limits.maxUncompressedBytes)
            }
            entries.append(entry)
            position += 46 + skip
        }
    }

    private static func check(_ entry: Entry, limits: GridLimits) throws(Refusal) {
        let components = entry.path.split(separator: "/", omittingEmptySubsequences: false)
        if entry.path.hasPrefix("/") || entry.path.contains("\\") || entry.path.contains("\0")
            || components.contains("..")
            || (entry.path.count >= 2 && entry.path.dropFirst().first == ":")
        {
            throw .unsafePath(entry.path)
        }
        if entry.encrypted { throw .encrypted(entry.path) }
        if entry.uncompressedSize > GridLimits.ratioFloorBytes {
            let ratio = entry.uncompressedSize / max(entry.compressedSize, 1)
            if ratio > limits.maxCompressionRatio {
                throw .ratio(path: entry.path, ratio: ratio, limit: limits.maxCompressionRatio)
            }
        }
    }

    /// An entry's local header and data must lie wholly before the central directory; returns
    /// where its data starts.
    private static func checkLocalHeader(at local: Int, of entry: Entry, in bytes: [UInt8], before directory: Int)
        throws(Refusal) -> Int
    {
        guard local + 30 <= directory, uint32(bytes, local) == 0x0403_4B50 else {
            throw .truncated("the local header of \(entry.path)")
        }
        let dataStart = local + 30 + uint16(bytes, local + 26) + uint16(bytes, local + 28)
        let usesDescriptor = uint16(bytes, local + 6) & 0x8 != 0
        let descriptor = usesDescriptor ? 12 : 0
        guard dataStart + entry.compressedSize + descriptor <= directory else {
            throw .truncated("the data of \(entry.path)")
        }
        return dataStart
    }

    /// The offset of the end-of-central-directory record, searched back from the end over the
    /// longest possible comment.
    private static func endRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var position = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while position >= lowest {
            if uint32(bytes, position) == 0x0605_4B50 { return position }
            position -= 1
        }
        return nil
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> Int {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> Int {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }
}
