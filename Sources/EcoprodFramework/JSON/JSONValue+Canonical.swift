/// RFC 8785 (JSON Canonicalization Scheme), the pretty layout of bundles, and compact lines.
///
/// Numbers the tool does not interpret (``JSONValue/number(_:)``) keep their lexeme: the pretty and
/// compact forms write it back exactly as it was read, so a 64-bit ID, a long decimal or `-0`
/// survives a migration. Only the canonical form, the input of digests, rewrites numbers as
/// RFC 8785 requires (ECMAScript's shortest double form).
///
/// Both forms sort object members by their UTF-16 code units, as RFC 8785 §3.2.3 requires,
/// and escape strings exactly as §3.2.2.2 says: only `"`, `\` and control characters are
/// escaped, with the short forms where JSON has them and lowercase `\u00xx` otherwise.
extension JSONValue {
    /// The canonical (JCS) bytes: the input of the bundle digest. `sizeHint`, when the size is
    /// about known (a file's), spares the buffer its growth: each doubling past 128 KiB maps
    /// fresh pages, and a page's first touch costs more than writing it.
    public func canonicalBytes(sizeHint: Int = 4096) -> [UInt8] {
        canonicalBytes(parallel: true, sizeHint: sizeHint)
    }

    /// With `parallel` false, everything is written on the calling thread (the reference the
    /// parallel writer is tested against).
    func canonicalBytes(parallel: Bool, sizeHint: Int = 4096) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(sizeHint)
        writeCanonical(into: &output, parallel: parallel, verbatim: false)
        return output
    }

    /// One line, members sorted as in the canonical form, numbers written exactly as they were
    /// read: the records of `--jsonl` streams.
    public func compactBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        writeCanonical(into: &output, parallel: true, verbatim: true)
        return output
    }

    /// The pretty layout written to bundle files: sorted members, two-space indent, a final newline.
    /// Strings are escaped as in the canonical form, so accents stay readable in git diffs.
    /// `sizeHint` as for ``canonicalBytes(sizeHint:)``.
    public func prettyBytes(sizeHint: Int = 4096) -> [UInt8] {
        prettyBytes(parallel: true, sizeHint: sizeHint)
    }

    func prettyBytes(parallel: Bool, sizeHint: Int = 4096) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(sizeHint)
        writePretty(into: &output, indent: 0, parallel: parallel)
        output.append(0x0A)
        return output
    }

    /// Member names in RFC 8785 order: by UTF-16 code units, not by Unicode scalars.
    ///
    /// ASCII keys (every key a bundle has) sort the same by bytes, which is much faster to compare.
    static func sortedMembers(_ members: [String: JSONValue]) -> [(key: String, value: JSONValue)] {
        if members.keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            // For ASCII, String's `<` is byte order, and it compares with memcmp.
            return members.sorted { lhs, rhs in lhs.key < rhs.key }
        }
        return members.sorted { lhs, rhs in lhs.key.utf16.lexicographicallyPrecedes(rhs.key.utf16) }
    }

    private func writeCanonical(into output: inout [UInt8], parallel: Bool, verbatim: Bool) {
        switch self {
        case .array(let items) where parallel && items.count >= ParallelChunks.threshold:
            // A large array (a bundle's criteria) is written in chunks on every core; chunks are
            // joined in order, so the bytes are those of the sequential writer.
            output.append(UInt8(ascii: "["))
            let parts = ParallelChunks.bytes(count: items.count) { range, part in
                for offset in range {
                    if offset > 0 { part.append(UInt8(ascii: ",")) }
                    items[offset].writeCanonical(into: &part, parallel: false, verbatim: verbatim)
                }
            }
            for part in parts { output.append(contentsOf: part) }
            output.append(UInt8(ascii: "]"))
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                item.writeCanonical(into: &output, parallel: parallel, verbatim: verbatim)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (offset, member) in Self.sortedMembers(members).enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                member.value.writeCanonical(into: &output, parallel: parallel, verbatim: verbatim)
            }
            output.append(UInt8(ascii: "}"))
        case .null, .bool, .integer, .number, .string:
            writeScalar(into: &output, verbatim: verbatim)
        }
    }

    private func writePretty(into output: inout [UInt8], indent: Int, parallel: Bool = true) {
        switch self {
        case .array(let items) where parallel && items.count >= ParallelChunks.threshold:
            output.append(UInt8(ascii: "["))
            let parts = ParallelChunks.bytes(count: items.count) { range, part in
                for offset in range {
                    Self.writeItemStart(first: offset == 0, indent: indent + 2, into: &part)
                    items[offset].writePretty(into: &part, indent: indent + 2, parallel: false)
                }
            }
            for part in parts { output.append(contentsOf: part) }
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: indent))
            output.append(UInt8(ascii: "]"))
        case .array(let items) where !items.isEmpty:
            output.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                Self.writeItemStart(first: offset == 0, indent: indent + 2, into: &output)
                item.writePretty(into: &output, indent: indent + 2, parallel: parallel)
            }
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: indent))
            output.append(UInt8(ascii: "]"))
        case .object(let members) where !members.isEmpty:
            output.append(UInt8(ascii: "{"))
            for (offset, member) in Self.sortedMembers(members).enumerated() {
                Self.writeItemStart(first: offset == 0, indent: indent + 2, into: &output)
                Self.writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                output.append(0x20)
                member.value.writePretty(into: &output, indent: indent + 2, parallel: parallel)
            }
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: indent))
            output.append(UInt8(ascii: "}"))
        case .array:
            output.append(contentsOf: "[]".utf8)
        case .object:
            output.append(contentsOf: "{}".utf8)
        case .null, .bool, .integer, .number, .string:
            writeScalar(into: &output, verbatim: true)
        }
    }

    /// What comes before an item or member in the pretty layout: a comma after the first, a line
    /// break, the indent. Byte by byte, so that no item allocates an array of its own.
    private static func writeItemStart(first: Bool, indent: Int, into output: inout [UInt8]) {
        if !first { output.append(UInt8(ascii: ",")) }
        output.append(0x0A)
        for _ in 0..<indent { output.append(0x20) }
    }

    private func writeScalar(into output: inout [UInt8], verbatim: Bool) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .number(let text): output.append(contentsOf: (verbatim ? text : Self.ecmaScriptNumber(text)).utf8)
        case .string(let text): Self.writeString(text, into: &output)
        case .array, .object: break
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes a string as RFC 8785 §3.2.2.2 specifies.
    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(0x22)
        var text = text
        let clean = text.withUTF8 { bytes in !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
        if clean {
            text.withUTF8 { output.append(contentsOf: $0) }
            output.append(0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x00..<0x20:
                output.append(contentsOf: [
                    0x5C, UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)],
                ])
            default: output.append(byte)
            }
        }
        output.append(0x22)
    }

    /// Formats a number as ECMAScript's `Number.prototype.toString` does (RFC 8785 §3.2.2.3),
    /// starting from the shortest round-trip digits that Swift's `description` gives.
    static func ecmaScriptNumber(_ text: String) -> String {
        guard let value = Double(text), value.isFinite else { return "null" }
        if value == 0 { return "0" }
        let description = String(describing: abs(value))
        let parts = description.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = String(mantissa[0])
        let fractionPart = mantissa.count > 1 ? String(mantissa[1]) : ""
        var digits = Array(integerPart + fractionPart)
        var pointPosition = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let k = digits.count
        let n = pointPosition
        let digitText = String(digits)
        var result: String
        if k <= n && n <= 21 {
            result = digitText + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            result = String(digits[0..<n]) + "." + String(digits[n...])
        } else if -6 < n && n <= 0 {
            result = "0." + String(repeating: "0", count: -n) + digitText
        } else {
            let e = n - 1
            let sign = e < 0 ? "-" : "+"
            result = String(digits[0]) + (k > 1 ? "." + String(digits[1...]) : "") + "e" + sign + String(abs(e))
        }
        return value < 0 ? "-" + result : result
    }
}
