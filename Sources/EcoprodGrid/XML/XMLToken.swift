/// A name, an attribute value or a run of character data in the part being read: a range of
/// the part's bytes, made a `String` only when a handler asks for one.
///
/// A worksheet is thousands of small elements whose names and attributes are only compared,
/// and whose texts are mostly never asked for; building a `String` for each cost more than
/// reading the part. ``XMLDocumentReader`` has checked every token before a handler sees it
/// (UTF-8, names, references), so reading one never fails.
struct XMLToken {
    /// The whole part; shared with the reader, never copied.
    private let part: [UInt8]
    /// Where the token's bytes are in `part`.
    let range: Range<Int>
    /// The text, when the bytes held references or carriage returns the reader resolved.
    private let resolved: String?

    /// One attribute of an element being opened.
    struct Attribute {
        var name: XMLToken
        var value: XMLToken
    }

    init(_ part: [UInt8], _ range: Range<Int>, resolved: String? = nil) {
        self.part = part
        self.range = range
        self.resolved = resolved
    }

    /// The token as text, references resolved and line ends normalised.
    var string: String {
        resolved ?? String(decoding: part[range], as: UTF8.self)
    }

    /// The token's bytes, for the duration of `body` (its text when references were resolved).
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if var resolved { return resolved.withUTF8(body) }
        return part.withUnsafeBufferPointer { buffer in body(UnsafeBufferPointer(rebasing: buffer[range])) }
    }

    /// The bytes of the name without its prefix (`c` for `x:c`), for the duration of `body`:
    /// SpreadsheetML matches by local name, since applications choose their own prefixes.
    func withLocalNameBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withBytes { bytes in
            var start = bytes.count
            while start > 0, bytes[start - 1] != UInt8(ascii: ":") { start -= 1 }
            return body(UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// Whether the token is exactly `literal`, compared byte for byte.
    func equals(_ literal: StaticString) -> Bool {
        withBytes { $0.equals(literal) }
    }

    /// Whether the token starts with `literal` (a name's `xmlns` prefix).
    func hasPrefix(_ literal: StaticString) -> Bool {
        withBytes { $0.starts(with: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)) }
    }

    /// The token read as `Int(string)` does; plain digits (row numbers) without a `String`.
    var integer: Int? {
        guard resolved == nil, !range.isEmpty, range.count <= 18 else { return Int(string) }
        var value = 0
        for byte in part[range] {
            guard byte >= 0x30, byte <= 0x39 else { return Int(string) }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

extension [XMLToken.Attribute] {
    /// The value of the attribute whose local name is `localName`, namespace declarations
    /// aside. Most writers put no prefix on a cell's attributes, so the exact name comes first.
    func value(of localName: StaticString) -> XMLToken? {
        for index in indices where self[index].name.equals(localName) { return self[index].value }
        for index in indices
        where self[index].name.withLocalNameBytes({ $0.equals(localName) }) && !self[index].name.hasPrefix("xmlns") {
            return self[index].value
        }
        return nil
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes are exactly `literal`.
    func equals(_ literal: StaticString) -> Bool {
        count == literal.utf8CodeUnitCount
            && elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
