import EcoprodFramework
import Foundation
import Testing

/// The one spelling of SHA-256 digests, written and checked alike.
@Suite struct HexDigestTests {
    /// FIPS 180-2's vectors, and bytes whose high and low digits differ.
    static let vectors: [(input: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ]

    @Test(arguments: vectors)
    func sha256OfText(_ input: String, _ digest: String) {
        #expect(HexDigest.sha256(input) == digest)
        #expect(HexDigest.sha256(Array(input.utf8)) == digest)
        #expect(HexDigest.isSHA256(digest) && HexDigest.isPrefixedSHA256("sha256:" + digest))
    }

    @Test func encodesEveryByteAsTwoLowercaseDigits() {
        #expect(HexDigest.encode([0x00, 0x0f, 0xa0, 0xff, 0x5c]) == "000fa0ff5c")
        #expect(HexDigest.encode([UInt8]()) == "")
    }

    static let refused = [
        "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",  // upper case
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",  // 63 digits
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015add",  // 65 digits
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ag",  // not hex
        "767d…",  // cut short, as docs abbreviate it
    ]

    @Test(arguments: refused)
    func refusesWhatIsNotSixtyFourLowercaseDigits(_ text: String) {
        #expect(!HexDigest.isSHA256(text))
        #expect(!HexDigest.isPrefixedSHA256("sha256:" + text))
    }

    @Test func thePrefixIsRequiredWhereBundlesWriteIt() {
        #expect(!HexDigest.isPrefixedSHA256("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(!HexDigest.isPrefixedSHA256("sha512:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
    }
}
