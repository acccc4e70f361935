import EcoprodFramework
import TestSupport
import Testing

/// The whole-document UTF-8 check the JSON parser and the grid's XML reader rely on, so that
/// their strings are decoded without a check of their own.
@Suite struct UTF8ValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var firstInvalid: Int?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty", bytes: [], firstInvalid: nil),
        Case(name: "ASCII longer than one word", bytes: Array("criteria and departments".utf8), firstInvalid: nil),
        Case(name: "accents, CJK and an emoji", bytes: Array("Décor éco 環境 🎬".utf8), firstInvalid: nil),
        Case(
            name: "a lone continuation byte after a word of ASCII", bytes: Array("12345678".utf8) + [0x80],
            firstInvalid: 8),
        Case(name: "an overlong slash", bytes: [0x41, 0xC0, 0xAF], firstInvalid: 1),
        Case(name: "an overlong three-byte form", bytes: [0xE0, 0x80, 0xAF], firstInvalid: 0),
        Case(name: "a UTF-16 surrogate", bytes: [0x41, 0x42, 0xED, 0xA0, 0x80], firstInvalid: 2),
        Case(name: "above U+10FFFF", bytes: [0xF4, 0x90, 0x80, 0x80], firstInvalid: 0),
        Case(name: "a sequence cut short by the end", bytes: Array("é".utf8) + [0xE2, 0x82], firstInvalid: 2),
        Case(name: "a sequence cut short by ASCII", bytes: [0xE2, 0x41, 0x42], firstInvalid: 0),
        Case(name: "a byte UTF-8 never uses", bytes: [0x41, 0xFF], firstInvalid: 1),
    ]

    @Test(arguments: cases)
    func theFirstInvalidByteIsFound(_ test: Case) {
        #expect(test.bytes.withUnsafeBytes { UTF8Validation.firstInvalidOffset(in: $0) } == test.firstInvalid)
        #expect(UTF8Validation.isValid(test.bytes) == (test.firstInvalid == nil))
    }

    /// Random bytes, mostly ASCII with multi-byte sequences and junk mixed in: the verdict is the
    /// standard library's, and the offset is exactly where the standard library's decoder first fails.
    @Test func itAgreesWithTheStandardLibrary() {
        var generator = SplitMix(seed: 20_261_130)
        let pieces: [[UInt8]] = [
            Array("abcdefgh".utf8), Array("é".utf8), Array("€".utf8), Array("🎬".utf8), [0x80], [0xC3],
            [0xED, 0xA0, 0x80], [0xF4, 0x90], [0x0A],
        ]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            #expect(UTF8Validation.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            #expect(
                bytes.withUnsafeBytes { UTF8Validation.firstInvalidOffset(in: $0) } == Self.firstInvalidOffset(bytes),
                "\(bytes)")
        }
    }

    /// The reference: the bytes of the scalars the standard library's decoder reads before its
    /// first error.
    private static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
