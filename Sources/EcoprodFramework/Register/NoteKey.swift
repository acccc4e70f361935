import Crypto
import Foundation

/// An Ed25519 key in the text format of `golang.org/x/mod/sumdb/note`, so that Go's tools and
/// every signed-note implementation read ours: a verifier key `<name>+<hash>+<base64>` and a
/// private key `PRIVATE+KEY+<name>+<hash>+<base64>`, where the base64 holds the algorithm byte
/// (1, Ed25519) then the 32-byte key, and the hash is the first 4 bytes of
/// `SHA-256(<name> "\n" <algorithm byte> <public key>)`, in hex.
public struct NoteVerifier: Sendable, Hashable {
    public let name: String
    public let publicKey: [UInt8]

    /// The 4 bytes a signature line starts with, naming the key.
    public var keyHash: [UInt8] { Self.keyHash(name: name, publicKey: publicKey) }

    static func keyHash(name: String, publicKey: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: Array((name + "\n").utf8) + [1] + publicKey).prefix(4))
    }

    public init(name: String, publicKey: [UInt8]) {
        self.name = name
        self.publicKey = publicKey
    }

    /// Why a key's text cannot be read.
    public struct Malformed: Error, Sendable, Equatable {
        public var reason: String
    }

    /// Reads `<name>+<hash>+<base64>`, checking the hash against the key it names.
    public init(text: String) throws(Malformed) {
        // The base64 key may hold '+' itself: only the first two separate fields.
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw Malformed(reason: "a verifier key is <name>+<hash>+<base64 key>") }
        let (name, publicKey) = try Self.decode(name: parts[0], hash: parts[1], key: parts[2])
        self.init(name: name, publicKey: publicKey)
    }

    static func decode(name: Substring, hash: Substring, key: Substring) throws(Malformed) -> (String, [UInt8]) {
        guard Self.isValidName(name) else {
            throw Malformed(reason: "'\(name)' is not a key name: no spaces, no '+', not empty")
        }
        guard let raw = Data(base64Encoded: String(key)).map(Array.init), raw.count == 33, raw[0] == 1 else {
            throw Malformed(reason: "the key is not an Ed25519 note key (algorithm byte 1, then 32 bytes)")
        }
        let expected = keyHash(name: String(name), publicKey: Array(raw.dropFirst()))
        guard hash.lowercased() == HexDigest.encode(expected) else {
            throw Malformed(reason: "the key hash \(hash) does not match the name and key it names")
        }
        return (String(name), Array(raw.dropFirst()))
    }

    static func isValidName(_ name: Substring) -> Bool {
        !name.isEmpty && !name.contains("+") && !name.unicodeScalars.contains { $0.properties.isWhitespace }
            && name.unicodeScalars.allSatisfy { $0.value >= 0x21 }
    }

    public var text: String {
        "\(name)+\(HexDigest.encode(keyHash))+\(Data([1] + publicKey).base64EncodedString())"
    }

    /// Whether `signature` is this key's over `message`.
    func isValid(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}

/// The private half: signs checkpoints. Never written inside a register folder.
public struct NoteSigner: Sendable {
    public let name: String
    let key: Curve25519.Signing.PrivateKey

    /// A new key for `name`.
    public init(generatingFor name: String) throws(NoteVerifier.Malformed) {
        guard NoteVerifier.isValidName(Substring(name)) else {
            throw NoteVerifier.Malformed(reason: "'\(name)' is not a key name: no spaces, no '+', not empty")
        }
        self.name = name
        key = Curve25519.Signing.PrivateKey()
    }

    /// Reads `PRIVATE+KEY+<name>+<hash>+<base64>`.
    public init(text: String) throws(NoteVerifier.Malformed) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY" else {
            throw NoteVerifier.Malformed(reason: "a private key is PRIVATE+KEY+<name>+<hash>+<base64 key>")
        }
        guard let raw = Data(base64Encoded: String(parts[4])).map(Array.init), raw.count == 33, raw[0] == 1,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw.dropFirst())
        else { throw NoteVerifier.Malformed(reason: "the key is not an Ed25519 note key") }
        let publicKey = Data([1] + Array(key.publicKey.rawRepresentation)).base64EncodedString()
        _ = try NoteVerifier.decode(name: parts[2], hash: parts[3], key: Substring(publicKey))
        name = String(parts[2])
        self.key = key
    }

    public var verifier: NoteVerifier {
        NoteVerifier(name: name, publicKey: Array(key.publicKey.rawRepresentation))
    }

    public var text: String {
        let hash = HexDigest.encode(verifier.keyHash)
        return "PRIVATE+KEY+\(name)+\(hash)+\(Data([1] + Array(key.rawRepresentation)).base64EncodedString())"
    }

    /// The Ed25519 signature of `message`. swift-crypto's signing can throw in principle; a
    /// checkpoint with an empty signature would be published and refused by every reader, so the
    /// failure goes to the caller instead.
    func signature(of message: [UInt8]) throws(NoteVerifier.Malformed) -> [UInt8] {
        do {
            return Array(try key.signature(for: message))
        } catch {
            throw NoteVerifier.Malformed(reason: "the key cannot sign: \(error)")
        }
    }
}
