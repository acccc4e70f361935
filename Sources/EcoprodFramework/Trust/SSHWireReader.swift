/// Reads the SSH wire encoding (RFC 4251 §5) that SSHSIG blobs and public keys use: big-endian
/// `uint32` and length-prefixed `string` fields, every read bounds-checked.
///
/// A hostile signature file declares lengths it does not hold; each read says where it failed
/// (the byte offset in the decoded blob) rather than trusting the length.
public struct SSHWireReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Why the blob could not be read, and at which byte.
    public struct Failure: Error, Equatable, Sendable {
        public var message: String
        public var offset: Int
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// `count` raw bytes.
    mutating func take(_ count: Int, _ what: String) throws(Failure) -> [UInt8] {
        guard count >= 0, count <= bytes.count - offset else {
            throw Failure(message: "\(what) needs \(count) bytes, only \(bytes.count - offset) remain", offset: offset)
        }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func uint32(_ what: String) throws(Failure) -> UInt32 {
        let raw = try take(4, what)
        return raw.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// A length-prefixed byte string.
    mutating func string(_ what: String) throws(Failure) -> [UInt8] {
        let start = offset
        let length = try uint32("the length of \(what)")
        guard Int(length) <= bytes.count - offset else {
            throw Failure(
                message: "\(what) declares \(length) bytes, only \(bytes.count - offset) remain", offset: start)
        }
        return try take(Int(length), what)
    }

    /// A length-prefixed string that must be UTF-8 text.
    mutating func text(_ what: String) throws(Failure) -> String {
        let start = offset
        let raw = try string(what)
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw Failure(message: "\(what) is not UTF-8 text", offset: start)
        }
        return text
    }
}

/// Writes the SSH wire encoding: the signed data of an SSHSIG is built with it.
struct SSHWireWriter {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ more: [UInt8]) { bytes += more }

    mutating func uint32(_ value: UInt32) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    mutating func string(_ value: [UInt8]) {
        uint32(UInt32(value.count))
        bytes += value
    }

    mutating func string(_ value: String) { string(Array(value.utf8)) }
}
