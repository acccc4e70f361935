/// Where bytes stop being valid UTF-8: one pass over a whole document, so that each string in
/// it can then be decoded without a check of its own.
///
/// The standard library's `String(validating:)` is generic over encodings and works a byte at
/// a time; documents here are mostly ASCII, which this reads eight bytes at a time.
/// (StrictYAML keeps its own copy: it depends on nothing of ours, by design.)
public enum UTF8Validation {
    /// The byte offset of the first invalid sequence, or nil when every byte is valid UTF-8
    /// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
    public static func firstInvalidOffset(in bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            while index + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            var lowerBound: UInt8 = 0x80
            var upperBound: UInt8 = 0xBF
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upperBound = 0x9F
            case 0xF0:
                length = 4
                lowerBound = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upperBound = 0x8F
            default: return index
            }
            guard index + length <= count, bytes[index + 1] >= lowerBound, bytes[index + 1] <= upperBound else {
                return index
            }
            var offset = 2
            while offset < length {
                guard bytes[index + offset] & 0xC0 == 0x80 else { return index }
                offset += 1
            }
            index += length
        }
        return nil
    }

    /// Whether every byte of `bytes` is valid UTF-8.
    public static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { firstInvalidOffset(in: $0) == nil }
    }
}
