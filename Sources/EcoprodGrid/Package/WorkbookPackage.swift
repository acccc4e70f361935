import Foundation
import ZIPFoundation

/// An Office Open XML package read from a workbook file: its parts, inflated on demand within
/// ``GridLimits`` (the zip's directory checked first by ``ZIPDirectory``), and its relationships
/// resolved as OPC defines them (ECMA-376 Part 2).
///
/// Parts are found through relationships, never by fixed names, because applications rename
/// them: LibreOffice, for one, writes its own part names on save.
struct WorkbookPackage {
    /// Why a package or one of its parts could not be read.
    enum Failure: Error, Equatable {
        case refused(ZIPDirectory.Refusal)
        case missingPart(String)
        case unreadablePart(String, reason: String)
        case xml(part: String, XMLDocumentReader.Failure)
        /// A cell whose `r` is not a reference a spreadsheet can hold (`XFE7`): applications
        /// drop it or read it elsewhere.
        case invalidReference(sheet: String, reference: String)
        /// Two sheets with one name (compared without regard to case, as applications do).
        case duplicateSheet(String)
    }

    let directory: ZIPDirectory
    private let data: [UInt8]
    private let limits: GridLimits
    private var entries: [String: ZIPDirectory.Entry] = [:]
    /// Bytes decompressed so far, against ``GridLimits/maxUncompressedBytes``.
    private var decompressed = 0

    init(_ bytes: [UInt8], limits: GridLimits) throws(Failure) {
        do {
            directory = try ZIPDirectory(bytes, limits: limits)
        } catch {
            throw .refused(error)
        }
        data = bytes
        self.limits = limits
        for entry in directory.entries where entries[entry.path] == nil { entries[entry.path] = entry }
    }

    /// Whether the package has a part at `path` (no leading slash).
    func has(_ path: String) -> Bool { entries[path] != nil }

    /// The bytes of a part, inflated by ZIPFoundation's zlib binding within the declared size
    /// and the package's running total, and checked against the entry's CRC-32.
    mutating func bytes(of path: String) throws(Failure) -> [UInt8] {
        guard let entry = entries[path] else { throw .missingPart(path) }
        let budget = min(entry.uncompressedSize, limits.maxUncompressedBytes - decompressed)
        let compressed = Data(data[entry.dataStart..<entry.dataStart + entry.compressedSize])
        var output: [UInt8] = []
        output.reserveCapacity(max(0, budget))
        do {
            switch entry.method {
            case 0:
                guard entry.compressedSize <= budget else {
                    throw ZIPDirectory.Refusal.tooLarge(path: path, limit: limits.maxUncompressedBytes)
                }
                output = Array(compressed)
            case 8:
                // On Linux, ZIPFoundation hands zlib a full buffer whatever the chunk's length, so
                // every chunk is exactly the size asked, the last one padded with zeros (zlib stops
                // at the end of the stream); a stream that wants more than the entry holds is cut short.
                _ = try Data.decompress(
                    size: Int64(compressed.count), bufferSize: 16 * 1024, skipCRC32: true,
                    provider: { position, size in
                        let start = Int(position)
                        guard start < compressed.count else {
                            throw ZIPDirectory.Refusal.truncated("the compressed data of \(path)")
                        }
                        var chunk = compressed.subdata(in: start..<min(start + size, compressed.count))
                        if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                        return chunk
                    },
                    consumer: { chunk in
                        output.append(contentsOf: chunk)
                        if output.count > budget {
                            throw ZIPDirectory.Refusal.tooLarge(path: path, limit: limits.maxUncompressedBytes)
                        }
                    })
            default:
                throw Failure.unreadablePart(path, reason: "compression method \(entry.method) is not deflate")
            }
        } catch let refusal as ZIPDirectory.Refusal {
            throw .refused(refusal)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unreadablePart(path, reason: "\(error)")
        }
        guard output.count == entry.uncompressedSize, ZIPChecksum.crc32(output) == entry.crc32 else {
            throw .unreadablePart(path, reason: "its size or CRC-32 does not match the directory")
        }
        decompressed += output.count
        return output
    }

    /// A part parsed as XML, into a tree.
    mutating func xml(_ path: String) throws(Failure) -> XMLElement {
        let data = try bytes(of: path)
        var reader = XMLDocumentReader(maxDepth: limits.maxXMLDepth)
        do {
            return try reader.read(data)
        } catch {
            throw .xml(part: path, error)
        }
    }

    /// A part read as XML events into `handler`.
    mutating func read<Handler: XMLEventHandler>(_ path: String, into handler: inout Handler) throws(Failure) {
        let data = try bytes(of: path)
        var reader = XMLDocumentReader(maxDepth: limits.maxXMLDepth)
        do {
            try reader.read(data, into: &handler)
        } catch {
            throw .xml(part: path, error)
        }
    }

    /// The relationships of a part (`""` for the package itself): ID → (type, target part path).
    /// External targets are left out: a workbook's own parts never point outside it.
    mutating func relationships(of part: String) throws(Failure) -> [String: (type: String, target: String)] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard has(relsPath) else { return [:] }
        var result: [String: (type: String, target: String)] = [:]
        for relationship in try xml(relsPath).children("Relationship")
        where relationship.attribute("TargetMode") != "External" {
            guard let id = relationship.attribute("Id"), let type = relationship.attribute("Type"),
                let target = relationship.attribute("Target")
            else { continue }
            result[id] = (type, Self.resolve(target, from: folder))
        }
        return result
    }

    /// The part path a relationship target names, relative to the source part's folder.
    static func resolve(_ target: String, from folder: String) -> String {
        var components = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }
}
