import Crypto
import Foundation

/// A detached signature in OpenSSH's SSHSIG format (`ssh-keygen -Y sign`; PROTOCOL.sshsig), the
/// format git uses for signed commits: who signed (the public key), for what purpose (the
/// namespace), and the signature over a hash of the message.
///
/// Parsed natively and verified with swift-crypto, so that checking a release needs no
/// subprocess and no OpenSSH; `ssh-keygen -Y verify` checks the same files independently.
public struct SSHSignature: Sendable, Hashable {
    /// The signer's public key, as the signature names it.
    public let publicKey: SSHPublicKey
    /// What the signature is for: `ecoprod-bundle`, `ecoprod-statement`, `git`, `file`, …
    public let namespace: String
    /// `sha256` or `sha512`: the hash of the message that was signed.
    public let hashAlgorithm: String
    let reserved: [UInt8]
    /// The SSH signature blob (`string type`, `string bytes`).
    let signature: [UInt8]

    static let magic = Array("SSHSIG".utf8)
    static let armorBegin = "-----BEGIN SSH SIGNATURE-----"
    static let armorEnd = "-----END SSH SIGNATURE-----"
    /// A signature file is a few hundred bytes; anything far larger is not one.
    public static let maximumFileBytes = 64 * 1024

    /// Why a signature file could not be read: the line of the armored text, or the byte of the
    /// decoded blob, where it went wrong.
    public struct Malformed: Error, Equatable, Sendable {
        public var message: String
        /// 1-based line in the file.
        public var line: Int
    }

    /// Reads an armored signature file.
    public init(armored bytes: [UInt8]) throws(Malformed) {
        guard bytes.count <= Self.maximumFileBytes else {
            throw Malformed(message: "the file is \(bytes.count) bytes; a signature is a few hundred", line: 1)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Malformed(message: "the file is not text", line: 1)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        // OpenSSH's sshsig_dearmor reads the marker at the very start: nothing may precede it.
        guard let begin = lines.firstIndex(where: { $0 == Self.armorBegin }) else {
            throw Malformed(message: "no '\(Self.armorBegin)' line: this is not an SSH signature", line: 1)
        }
        guard begin == 0, bytes.starts(with: Array(Self.armorBegin.utf8)) else {
            throw Malformed(message: "text before the '\(Self.armorBegin)' line: OpenSSH refuses it", line: 1)
        }
        guard let end = lines[begin...].firstIndex(where: { $0 == Self.armorEnd }) else {
            throw Malformed(message: "no '\(Self.armorEnd)' line: the signature is truncated", line: lines.count)
        }
        guard let blob = Data(base64Encoded: lines[(begin + 1)..<end].joined()) else {
            throw Malformed(message: "the armored lines are not valid base64", line: begin + 2)
        }
        do {
            try self.init(blob: Array(blob))
        } catch {
            throw Malformed(
                message: "\(error.message) (byte \(error.offset) of the decoded signature)", line: begin + 2)
        }
    }

    init(publicKey: SSHPublicKey, namespace: String, hashAlgorithm: String, reserved: [UInt8], signature: [UInt8]) {
        self.publicKey = publicKey
        self.namespace = namespace
        self.hashAlgorithm = hashAlgorithm
        self.reserved = reserved
        self.signature = signature
    }

    /// Reads the decoded blob.
    init(blob: [UInt8]) throws(SSHWireReader.Failure) {
        var reader = SSHWireReader(blob)
        guard try reader.take(6, "the SSHSIG preamble") == Self.magic else {
            throw SSHWireReader.Failure(message: "the blob does not start with SSHSIG", offset: 0)
        }
        let version = try reader.uint32("the version")
        guard version == 1 else {
            throw SSHWireReader.Failure(message: "signature version \(version); this reader knows version 1", offset: 6)
        }
        let keyOffset = reader.offset
        let keyBlob = try reader.string("the public key")
        do {
            publicKey = try SSHPublicKey(blob: keyBlob)
        } catch {
            throw SSHWireReader.Failure(
                message: "the public key: \(error.message)", offset: keyOffset + 4 + error.offset)
        }
        namespace = try reader.text("the namespace")
        reserved = try reader.string("the reserved field")
        hashAlgorithm = try reader.text("the hash algorithm")
        guard hashAlgorithm == "sha256" || hashAlgorithm == "sha512" else {
            throw SSHWireReader.Failure(
                message: "hash algorithm '\(hashAlgorithm)'; SSHSIG allows sha256 and sha512", offset: reader.offset)
        }
        signature = try reader.string("the signature")
        guard reader.isAtEnd else {
            throw SSHWireReader.Failure(message: "bytes follow the signature", offset: reader.offset)
        }
    }

    /// What the key actually signed: the preamble, namespace, reserved field, hash algorithm and
    /// the message's hash, in the wire encoding (PROTOCOL.sshsig, "Signed Data").
    func signedData(for message: [UInt8]) -> [UInt8] {
        let hash: [UInt8] =
            hashAlgorithm == "sha256" ? Array(SHA256.hash(data: message)) : Array(SHA512.hash(data: message))
        var writer = SSHWireWriter()
        writer.raw(Self.magic)
        writer.string(namespace)
        writer.string(reserved)
        writer.string(hashAlgorithm)
        writer.string(hash)
        return writer.bytes
    }

    /// Whether the signature is the named key's, over exactly `message`'s bytes.
    public func isValid(for message: [UInt8]) -> Bool {
        publicKey.isValidSignature(signature, over: signedData(for: message))
    }
}
