import Foundation

/// C2SP tlog-checkpoint: the body a register signs, `<origin>\n<size>\n<base64 root>\n`.
public struct Checkpoint: Sendable, Hashable {
    public var origin: String
    public var size: Int
    public var root: [UInt8]

    public init(origin: String, size: Int, root: [UInt8]) {
        self.origin = origin
        self.size = size
        self.root = root
    }

    public var text: String { "\(origin)\n\(size)\n\(Data(root).base64EncodedString())\n" }

    /// Reads a checkpoint's text (extension lines after the third are allowed and ignored).
    public init(text: String) throws(SignedNote.Refusal) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 4, !lines[0].isEmpty else {
            throw .malformed("a checkpoint is an origin, a size and a root hash, one per line")
        }
        guard let size = Int(lines[1]), size >= 0, String(size) == lines[1] else {
            throw .malformed("'\(lines[1])' is not a tree size (decimal, no leading zeros)")
        }
        guard let root = Data(base64Encoded: String(lines[2])).map(Array.init), root.count == 32 else {
            throw .malformed("'\(lines[2])' is not a base64 SHA-256 root hash")
        }
        self.init(origin: String(lines[0]), size: size, root: root)
    }
}

/// C2SP tlog-proof: an entry's index, its inclusion proof and the checkpoint it is in, with the
/// entry itself as `extra`, so that a certificate and its proof suffice offline.
public struct InclusionProof: Sendable, Hashable {
    public static let header = "c2sp.org/tlog-proof@v1"

    public var extra: [UInt8]?
    public var index: Int
    public var hashes: [[UInt8]]
    /// The signed checkpoint, verbatim.
    public var checkpoint: String

    public init(extra: [UInt8]?, index: Int, hashes: [[UInt8]], checkpoint: String) {
        self.extra = extra
        self.index = index
        self.hashes = hashes
        self.checkpoint = checkpoint
    }

    public var text: String {
        var lines = [Self.header]
        if let extra { lines.append("extra " + Data(extra).base64EncodedString()) }
        lines.append("index \(index)")
        lines += hashes.map { Data($0).base64EncodedString() }
        return lines.joined(separator: "\n") + "\n\n" + checkpoint
    }

    public init(text: String) throws(SignedNote.Refusal) {
        guard let split = text.range(of: "\n\n") else { throw .malformed("no blank line before the checkpoint") }
        var lines = text[..<split.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring(Self.header) else { throw .malformed("the first line is \(Self.header)") }
        if let line = lines.first, line.hasPrefix("extra ") {
            guard let extra = Data(base64Encoded: String(line.dropFirst(6))) else {
                throw .malformed("the extra line is not base64")
            }
            self.extra = Array(extra)
            lines = lines.dropFirst()
        }
        guard let line = lines.popFirst(), line.hasPrefix("index "), let index = Int(line.dropFirst(6)), index >= 0
        else { throw .malformed("an 'index N' line follows the header") }
        self.index = index
        var hashes: [[UInt8]] = []
        for line in lines {
            guard let hash = Data(base64Encoded: String(line)).map(Array.init), hash.count == 32 else {
                throw .malformed("'\(line)' is not a base64 SHA-256 hash")
            }
            hashes.append(hash)
        }
        self.hashes = hashes
        checkpoint = String(text[split.upperBound...])
    }
}
