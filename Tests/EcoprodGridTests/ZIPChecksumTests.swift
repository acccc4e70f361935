import EcoprodReports
import TestSupport
import Testing

@testable import EcoprodGrid

/// The zip checksum every part read is checked against: the standard's check values, and a
/// bit-by-bit reference at every length around the eight-byte slices.
@Suite struct ZIPChecksumTests {
    @Test(
        arguments: [
            ("", 0x0000_0000), ("a", 0xE8B7_BE43), ("123456789", 0xCBF4_3926),
            ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
        ] as [(String, UInt32)])
    func checkValues(text: String, crc: UInt32) {
        #expect(ZIPChecksum.crc32(Array(text.utf8)) == crc)
    }

    @Test func everyLengthAgreesWithTheBitwiseDefinition() {
        var generator = SplitMix(seed: 7)
        for length in 0..<80 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            #expect(ZIPChecksum.crc32(bytes) == bitwise(bytes), "length \(length)")
        }
    }

    private func bitwise(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
