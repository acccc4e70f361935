/// CRC-32 as zip computes it (IEEE 802.3, reflected, polynomial 0xEDB88320), over bytes.
///
/// Every part read is checked against its zip entry's CRC-32. ZIPFoundation's own checksum on
/// Linux walks a `Data` byte by byte and took longer than inflating the part; this one walks the
/// buffer eight bytes at a time ("slicing-by-8"), with tables built once.
enum ZIPChecksum {
    /// The checksum of `bytes`.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var crc: UInt32 = 0xFFFF_FFFF
            var index = 0
            let count = buffer.count
            tables.withUnsafeBufferPointer { table in
                while index + 8 <= count {
                    let low =
                        crc
                        ^ (UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8 | UInt32(buffer[index + 2]) << 16
                            | UInt32(buffer[index + 3]) << 24)
                    crc =
                        table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                        ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                        ^ table[3 * 256 + Int(buffer[index + 4])] ^ table[2 * 256 + Int(buffer[index + 5])]
                        ^ table[256 + Int(buffer[index + 6])] ^ table[Int(buffer[index + 7])]
                    index += 8
                }
                while index < count {
                    crc = table[Int((crc ^ UInt32(buffer[index])) & 0xFF)] ^ (crc >> 8)
                    index += 1
                }
            }
            return crc ^ 0xFFFF_FFFF
        }
    }

    /// Eight tables of 256 entries: table k gives the CRC of a byte followed by k zero bytes.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            tables[byte] = crc
        }
        for slice in 1..<8 {
            for byte in 0..<256 {
                let previous = tables[(slice - 1) * 256 + byte]
                tables[slice * 256 + byte] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()
}
