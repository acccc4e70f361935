import Foundation

/// A strict JSON reader (RFC 8259, plus I-JSON's rule against duplicate member names) that
/// reports errors with line and column, and can record where each value starts.
///
/// Why not Foundation's `JSONSerialization`: it does not report positions, it blurs
/// booleans and numbers on Linux, and it silently keeps one of two duplicate members.
public struct JSONParser: Sendable {
    /// A syntax error, at a 1-based line and column (in Unicode scalars).
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var column: Int

        public var description: String { "\(line):\(column): \(message)" }
    }

    /// The deepest nesting accepted.
    public var maxDepth: Int

    public init(maxDepth: Int = 256) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON document.
    public func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var positions: [String: SourceLocation]? = nil
        return try parse(bytes, positions: &positions, file: "")
    }

    /// Parses one JSON document and returns where every value starts, keyed by JSON path
    /// (`$.criteria[0].id`). Used only to locate a problem after a decode failed.
    public func positions(in bytes: [UInt8], file: String) -> [String: SourceLocation] {
        var positions: [String: SourceLocation]? = [:]
        _ = try? parse(bytes, positions: &positions, file: file)
        return positions ?? [:]
    }

    private func parse(_ bytes: [UInt8], positions: inout [String: SourceLocation]?, file: String) throws(SyntaxError)
        -> JSONValue
    {
        try bytes.withUnsafeBufferPointer { (buffer) throws(SyntaxError) -> JSONValue in
            var cursor = JSONCursor(bytes: buffer, maxDepth: maxDepth, file: file, positions: positions)
            // One validation of the whole document spares each string its own; a document that
            // fails it is read string by string, to say which string is not UTF-8.
            cursor.isValidUTF8 = UTF8Validation.firstInvalidOffset(in: UnsafeRawBufferPointer(buffer)) == nil
            defer { positions = cursor.positions }
            cursor.skipWhitespace()
            let value = try cursor.parseValue(path: "$", depth: 0)
            cursor.skipWhitespace()
            if cursor.index < buffer.count {
                throw cursor.error("unexpected content after the JSON value")
            }
            return value
        }
    }
}

struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    let file: String
    var positions: [String: SourceLocation]?
    /// Whether the whole document is known to be valid UTF-8, so strings need no check of their own.
    var isValidUTF8 = false
    var index = 0
    var line = 1
    var lineStart = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, file: String, positions: [String: SourceLocation]?) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.file = file
        self.positions = positions
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            index = 3
            lineStart = 3
        }
    }

    func column(at offset: Int) -> Int {
        var column = 1
        var i = lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    func error(_ message: String) -> JSONParser.SyntaxError {
        JSONParser.SyntaxError(message: message, line: line, column: column(at: index))
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    mutating func parseValue(path: String, depth: Int) throws(JSONParser.SyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("expected a value, found end of input") }
        if positions != nil {
            let location = SourceLocation(file: file, line: line, column: column(at: index), path: path)
            positions?[path] = location
        }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            guard depth < maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
            return try parseObject(path: path, depth: depth + 1)
        case UInt8(ascii: "["):
            guard depth < maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
            return try parseArray(path: path, depth: depth + 1)
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw error("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParser.SyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("expected '\(literal)'") }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            throw error("expected '\(literal)'")
        }
        index += count
    }

    /// Members are gathered in order, then hashed into the dictionary once, at its final size,
    /// rather than looked up, inserted and rehashed as the dictionary grows. A duplicate name
    /// is then found, and reported where it was written.
    private mutating func parseObject(path: String, depth: Int) throws(JSONParser.SyntaxError) -> JSONValue {
        index += 1
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object([:])
        }
        var members: [(key: String, value: JSONValue, at: Int)] = []
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a member name in double quotes, found \(describeCurrent())")
            }
            let keyIndex = index
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after member name, found \(describeCurrent())")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(path: positions == nil ? path : JSONPath.member(key, of: path), depth: depth)
            members.append((key, value, keyIndex))
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated object: expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(try dictionary(members))
            }
            throw error("expected ',' or '}' in object, found \(describeCurrent())")
        }
    }

    /// The members as a dictionary; a name given twice is an error at its second place.
    private mutating func dictionary(_ members: [(key: String, value: JSONValue, at: Int)]) throws(JSONParser
        .SyntaxError) -> [String: JSONValue]
    {
        let object = Dictionary(members.lazy.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard object.count < members.count else { return object }
        var seen: Set<String> = []
        for member in members where !seen.insert(member.key).inserted {
            index = member.at
            line = 1 + bytes[..<member.at].lazy.filter { $0 == 0x0A }.count
            // A byte-order mark takes no column, as when the cursor passes it.
            lineStart =
                bytes[..<member.at].lastIndex(of: 0x0A).map { $0 + 1 }
                ?? (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
            throw error("duplicate member name \"\(member.key)\"")
        }
        return object
    }

    private mutating func parseArray(path: String, depth: Int) throws(JSONParser.SyntaxError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue(path: positions == nil ? path : "\(path)[\(items.count)]", depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated array: expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            throw error("expected ',' or ']' in array, found \(describeCurrent())")
        }
    }

    private mutating func parseNumber() throws(JSONParser.SyntaxError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 else {
            throw error("expected a digit in number")
        }
        if bytes[index] == 0x30 {
            index += 1
            if index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                index = start
                throw error("leading zeros are not allowed in numbers")
            }
        } else {
            while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 else {
                throw error("expected a digit after the decimal point")
            }
            while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 else {
                throw error("expected a digit in the exponent")
            }
            while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
        }
        // A plain integer of up to 15 digits (points, basis points, sizes) is its own canonical
        // lexeme and exact: no text is made for it. `-0` is not one (its sign must survive).
        if isInteger, index - start <= 15,
            !(index - start == 2 && bytes[start] == UInt8(ascii: "-") && bytes[start + 1] == 0x30)
        {
            var value = 0
            for offset in start..<index where bytes[offset] != UInt8(ascii: "-") {
                value = value * 10 + Int(bytes[offset] - 0x30)
            }
            return .integer(bytes[start] == UInt8(ascii: "-") ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        // An integer the tool may interpret (points, basis points) is one that every reader holds
        // exactly and whose lexeme is its plain decimal form; anything else (beyond 2^53, `-0`)
        // keeps its lexeme, to be written back as it came.
        if isInteger, let value = Int(text), abs(value) <= JSONValue.maxExactInteger, String(value) == text {
            return .integer(value)
        }
        return .number(text)
    }

    private mutating func parseHex4() throws(JSONParser.SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    mutating func parseString() throws(JSONParser.SyntaxError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes, valid UTF-8.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if isValidUTF8 {
                    index += 1
                    return String(decoding: slice, as: UTF8.self)
                }
                guard let text = String(validating: slice, as: UTF8.self) else {
                    index = start
                    throw error("string is not valid UTF-8")
                }
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("control character in string: escape it") }
            index += 1
        }
        var scalars = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                guard let text = String(validating: scalars, as: UTF8.self) else {
                    throw error("string is not valid UTF-8")
                }
                return text
            }
            if byte < 0x20 { throw error("control character in string: escape it") }
            if byte != UInt8(ascii: "\\") {
                scalars.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append(0x22)
            case UInt8(ascii: "\\"): scalars.append(0x5C)
            case UInt8(ascii: "/"): scalars.append(0x2F)
            case UInt8(ascii: "b"): scalars.append(0x08)
            case UInt8(ascii: "f"): scalars.append(0x0C)
            case UInt8(ascii: "n"): scalars.append(0x0A)
            case UInt8(ascii: "r"): scalars.append(0x0D)
            case UInt8(ascii: "t"): scalars.append(0x09)
            case UInt8(ascii: "u"):
                var code = try parseHex4()
                if code >= 0xD800 && code < 0xDC00 {
                    guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    else {
                        throw error("unpaired high surrogate in \\u escape")
                    }
                    index += 2
                    let low = try parseHex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw error("invalid low surrogate in \\u escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if code >= 0xDC00 && code < 0xE000 {
                    throw error("unpaired low surrogate in \\u escape")
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                index -= 2
                throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
            }
        }
        throw error("unterminated string")
    }
}

/// Builds the JSON paths that diagnostics cite: `$.criteria[3].points`, `$.answers["A-1"]`.
public enum JSONPath {
    /// The path of member `key` inside the object at `path`.
    public static func member(_ key: String, of path: String) -> String {
        isSimple(key) ? "\(path).\(key)" : "\(path)[\"\(key.replacingOccurrences(of: "\"", with: "\\\""))\"]"
    }

    /// Whether a key can follow a dot: letters, digits and `_`, not starting with a digit.
    /// Paths are built for every member parsed, so ASCII keys (nearly all) are decided from
    /// their bytes without looking up Unicode properties.
    static func isSimple(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(0x30...0x39).contains(first) else { return false }
        var ascii = true
        for byte in key.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: continue
            case 0x80...: ascii = false
            default: return false
            }
        }
        return ascii
            || key.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
    }

    /// The path of item `index` inside the array at `path`.
    public static func item(_ index: Int, of path: String) -> String {
        "\(path)[\(index)]"
    }
}
