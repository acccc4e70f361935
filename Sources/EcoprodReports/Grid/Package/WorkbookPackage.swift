import Foundation
import ZIPFoundation

/// An Office Open XML package read from a workbook file: its parts, decompressed on demand
/// within ``GridLimits``, and its relationships resolved as OPC defines them (ECMA-376 Part 2).
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
    }

    let directory: ZIPDirectory
    private let archive: Archive
    private let limits: GridLimits
    private var entries: [String: ZIPFoundation.Entry] = [:]
    /// Bytes decompressed so far, against ``GridLimits/maxUncompressedBytes``.
    private var decompressed = 0

    init(_ bytes: [UInt8], limits: GridLimits) throws(Failure) {
        do {
            directory = try ZIPDirectory(bytes, limits: limits)
        } catch {
            throw .refused(error)
        }
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil)
        } catch {
            throw .refused(.notAZip)
        }
        self.limits = limits
        for entry in archive where entries[entry.path] == nil { entries[entry.path] = entry }
    }

    /// Whether the package has a part at `path` (no leading slash).
    func has(_ path: String) -> Bool { entries[path] != nil }

    /// The bytes of a part, decompressed, with the package's running total bounded.
    mutating func bytes(of path: String) throws(Failure) -> [UInt8] {
        guard let entry = entries[path] else { throw .missingPart(path) }
        let declared = Int(entry.uncompressedSize)
        var output: [UInt8] = []
        output.reserveCapacity(min(declared, limits.maxUncompressedBytes))
        let budget = limits.maxUncompressedBytes - decompressed
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                output.append(contentsOf: chunk)
                if output.count > declared || output.count > budget { throw ZIPDirectory.Refusal.tooLarge(path: path, limit: limits.maxUncompressedBytes) }
            }
        } catch let refusal as ZIPDirectory.Refusal {
            throw .refused(refusal)
        } catch {
            throw .unreadablePart(path, reason: "\(error)")
        }
        decompressed += output.count
        return output
    }

    /// A part parsed as XML.
    mutating func xml(_ path: String) throws(Failure) -> XMLElement {
        let data = try bytes(of: path)
        var reader = XMLDocumentReader(maxDepth: limits.maxXMLDepth)
        do {
            return try reader.read(data)
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
        for relationship in try xml(relsPath).children("Relationship") where relationship.attribute("TargetMode") != "External" {
            guard let id = relationship.attribute("Id"), let type = relationship.attribute("Type"), let target = relationship.attribute("Target") else { continue }
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
