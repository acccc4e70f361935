import Crypto
import Foundation

/// An SSH public key, as `allowed_signers`, `.pub` files and SSHSIG blobs carry it: the key type
/// and its wire-encoded blob.
///
/// Verification is native for Ed25519, the key type release managers use (and the default of
/// `ssh-keygen -t ed25519`). Other types parse, so that a file naming them is read and reported
/// precisely, but a signature by one is refused as unsupported rather than trusted.
public struct SSHPublicKey: Sendable, Hashable {
    /// `ssh-ed25519`, `ecdsa-sha2-nistp256`, `sk-ssh-ed25519@openssh.com`, …
    public let type: String
    /// The key's wire encoding: `string type` followed by the type's fields.
    public let blob: [UInt8]

    /// The raw 32-byte Ed25519 key, when the key is one.
    let ed25519: [UInt8]?

    /// Reads a key blob (the wire encoding).
    public init(blob: [UInt8]) throws(SSHWireReader.Failure) {
        var reader = SSHWireReader(blob)
        let type = try reader.text("the key type")
        var ed25519: [UInt8]?
        if type == "ssh-ed25519" {
            let key = try reader.string("the Ed25519 key")
            guard key.count == 32 else {
                throw SSHWireReader.Failure(
                    message: "an Ed25519 key is 32 bytes, this one \(key.count)", offset: 4 + type.utf8.count)
            }
            guard reader.isAtEnd else {
                throw SSHWireReader.Failure(message: "bytes follow the Ed25519 key", offset: reader.offset)
            }
            ed25519 = key
        }
        self.type = type
        self.blob = blob
        self.ed25519 = ed25519
    }

    /// Reads the text form: `ssh-ed25519 AAAAC3Nza… [comment]` (the comment is ignored).
    public init(text: String) throws(SSHWireReader.Failure) {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count >= 2 else {
            throw SSHWireReader.Failure(message: "expected a key type and a base64 key", offset: 0)
        }
        guard let blob = Data(base64Encoded: String(fields[1])) else {
            throw SSHWireReader.Failure(message: "the key is not valid base64", offset: 0)
        }
        try self.init(blob: Array(blob))
        guard type == fields[0] else {
            throw SSHWireReader.Failure(
                message: "the text names the key type \(fields[0]), the key itself is \(type)", offset: 0)
        }
    }

    /// `SHA256:` and the unpadded base64 of the blob's SHA-256: what `ssh-keygen -l` prints.
    public var fingerprint: String {
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// The text form, `type base64`.
    public var text: String { "\(type) \(Data(blob).base64EncodedString())" }

    /// Whether this key made `signature` (an SSH signature blob: `string type`, `string bytes`)
    /// over `message`. Only Ed25519 is verified; any other type is never valid here.
    func isValidSignature(_ signature: [UInt8], over message: [UInt8]) -> Bool {
        guard let ed25519, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: ed25519) else { return false }
        var reader = SSHWireReader(signature)
        guard let type = try? reader.text("the signature type"), type == "ssh-ed25519",
            let raw = try? reader.string("the signature"), raw.count == 64, reader.isAtEnd
        else { return false }
        return key.isValidSignature(raw, for: message)
    }
}
