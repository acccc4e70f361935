import Foundation
import ZIPFoundation

/// Writes the parts of a workbook into a zip package, deterministically: parts in the order
/// given, every timestamp the DOS epoch (1980-01-01 00:00), the same permissions, deflate. The
/// same parts give the same bytes on every machine and in every time zone, with the same zlib.
struct PackageWriter {
    /// The parts, in package order: `[Content_Types].xml` first, as Office writes it.
    var parts: [(path: String, bytes: [UInt8])] = []

    /// The fixed modification date of every entry: 1980-01-01 00:00 UTC, the DOS epoch, which
    /// ZIPFoundation converts with `gmtime`, so the bytes do not depend on the time zone.
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    mutating func add(_ path: String, _ bytes: [UInt8]) {
        parts.append((path, bytes))
    }

    /// The zip file.
    func package() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for part in parts {
            let data = Data(part.bytes)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.timestamp,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return Array(data)
    }
}
