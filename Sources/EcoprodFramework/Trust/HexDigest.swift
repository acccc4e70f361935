import Crypto
import Foundation

/// SHA-256 digests as every contract writes them: 64 lowercase hexadecimal digits, after
/// `sha256:` in bundles and answer sets, bare in statements, plans, certificates and register
/// entries.
///
/// One home, so that the writer's spelling and the reader's test of it cannot drift apart: a
/// digest written in upper case, or cut short (`767d…`), is refused everywhere alike.
public enum HexDigest {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The lowercase hexadecimal spelling of bytes, two digits each.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The SHA-256 of bytes, in lowercase hexadecimal.
    public static func sha256(_ bytes: some DataProtocol) -> String {
        encode(SHA256.hash(data: bytes))
    }

    /// The SHA-256 of UTF-8 text, in lowercase hexadecimal.
    public static func sha256(_ text: String) -> String {
        sha256(Array(text.utf8))
    }

    /// Whether `text` is 64 lowercase hexadecimal digits.
    public static func isSHA256(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Whether `text` is `sha256:` and 64 lowercase hexadecimal digits, as bundles write it.
    public static func isPrefixedSHA256(_ text: String) -> Bool {
        text.hasPrefix("sha256:") && isSHA256(text.dropFirst("sha256:".count))
    }
}
