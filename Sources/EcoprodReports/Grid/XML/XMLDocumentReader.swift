/// A strict, bounded XML reader for the parts of a workbook: bytes in, events or a tree of
/// elements out.
///
/// It reads what SpreadsheetML uses (elements, attributes, text, CDATA, character references
/// and the five predefined entities) and refuses what a workbook never needs: a document type
/// declaration, and with it every other entity. Nothing is ever fetched or expanded, so billion
/// laughs and external entities cannot happen. Nesting deeper than `maxDepth` is refused before
/// it costs memory. Element and attribute names keep their prefix; ``XMLElement`` matches local
/// names, because real applications choose their own prefixes.
struct XMLDocumentReader {
    /// Why a part was refused, and where (1-based line and column, in bytes).
    struct Failure: Error, Equatable {
        enum Kind: Equatable {
            case documentType
            case unknownEntity(String)
            case tooDeep(Int)
            case malformed(String)
            case notUTF8
        }

        var kind: Kind
        var line: Int
        var column: Int

        var message: String {
            switch kind {
            case .documentType: return "a document type declaration (DOCTYPE) is refused: a workbook part never needs one, and its entities are never resolved"
            case .unknownEntity(let name): return "the entity '&\(name);' is not one of XML's five: no other entity is resolved"
            case .tooDeep(let limit): return "elements nest deeper than \(limit) levels"
            case .malformed(let what): return "malformed XML: \(what)"
            case .notUTF8: return "the part is not UTF-8"
            }
        }
    }

    /// The deepest nesting accepted.
    var maxDepth: Int

    private var bytes: [UInt8] = []
    private var position = 0
    /// The attributes of the element being read, one buffer reused for every element.
    private var attributes: [XMLElement.Attribute] = []

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    /// Reads one document into a tree: its root element. For the small parts (the workbook,
    /// relationships, shared strings), where a tree is the simplest thing to query.
    mutating func read(_ input: [UInt8]) throws(Failure) -> XMLElement {
        var tree = XMLTreeBuilder()
        try read(input, into: &tree)
        guard let root = tree.root else { throw failure(.malformed("no root element")) }
        return root
    }

    /// Reads one document as events, in document order, without building a tree: how
    /// worksheets are read, since a tree of every cell costs more than the cells themselves.
    /// Every check (well-formedness, depth, entities, UTF-8) is made here, whatever the handler.
    mutating func read<Handler: XMLEventHandler>(_ input: [UInt8], into handler: inout Handler) throws(Failure) {
        bytes = input
        position = 0
        // One validation of the whole part: every name and text below is then decoded without
        // a check of its own (a generic validation per piece cost more than the rest of the read).
        if let invalid = Self.firstInvalidUTF8(input) { throw failure(.notUTF8, at: invalid) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        var open: [String] = []
        var sawRoot = false
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let text = try readText()
                if open.isEmpty {
                    guard text.allSatisfy(\.isWhitespace) else { throw failure(.malformed("text outside the root element")) }
                } else {
                    handler.text(text)
                }
                continue
            }
            switch position + 1 < bytes.count ? bytes[position + 1] : 0 {
            case UInt8(ascii: "?"):
                try skip(past: "?>", what: "processing instruction")
            case UInt8(ascii: "!"):
                try readMarkup(into: &handler, inside: !open.isEmpty)
            case UInt8(ascii: "/"):
                let name = try closeElement()
                guard let last = open.popLast(), last == name else { throw failure(.malformed("</\(name)> closes nothing open")) }
                handler.close(name)
            default:
                guard !sawRoot || !open.isEmpty else { throw failure(.malformed("a second root element")) }
                sawRoot = true
                let (name, selfClosing) = try openElement()
                guard selfClosing || open.count < maxDepth else { throw failure(.tooDeep(maxDepth)) }
                handler.open(name, attributes: attributes)
                if selfClosing { handler.close(name) } else { open.append(name) }
            }
        }
        guard open.isEmpty, sawRoot else { throw failure(.malformed(open.isEmpty ? "no root element" : "unclosed element <\(open.last!)>")) }
    }

    /// Reads what starts with `<!`: a comment, a CDATA section (reported as text), or a
    /// declaration, which is refused.
    private mutating func readMarkup<Handler: XMLEventHandler>(into handler: inout Handler, inside: Bool) throws(Failure) {
        if matches("<!--") {
            try skip(past: "-->", what: "comment")
        } else if matches("<![CDATA[") {
            let start = position + 9
            try skip(past: "]]>", what: "CDATA section")
            guard inside else { throw failure(.malformed("CDATA outside the root element")) }
            handler.text(try decode(start..<position - 3))
        } else {
            throw failure(matches("<!DOCTYPE") ? .documentType : .malformed("markup declaration"))
        }
    }

    /// Reads `</name>`, returning the name.
    private mutating func closeElement() throws(Failure) -> String {
        position += 2
        let name = try readName()
        skipSpaces()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { throw failure(.malformed("'>' expected after </\(name)")) }
        position += 1
        return name
    }

    /// Reads `<name attributes…>` or `<name …/>` into ``attributes``, returning the name and
    /// whether the element closed itself.
    private mutating func openElement() throws(Failure) -> (String, Bool) {
        position += 1
        let elementName = try readName()
        attributes.removeAll(keepingCapacity: true)
        while true {
            let hadSpace = skipSpaces()
            guard position < bytes.count else { throw failure(.malformed("unterminated tag <\(elementName)")) }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                return (elementName, false)
            }
            if matches("/>") {
                position += 2
                return (elementName, true)
            }
            guard hadSpace else { throw failure(.malformed("space expected between attributes of <\(elementName)>")) }
            let name = try readName()
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw failure(.malformed("'=' expected after attribute \(name)")) }
            position += 1
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                throw failure(.malformed("quoted value expected for attribute \(name)"))
            }
            let quote = bytes[position]
            position += 1
            let start = position
            while position < bytes.count, bytes[position] != quote {
                if bytes[position] == UInt8(ascii: "<") { throw failure(.malformed("'<' in the value of attribute \(name)")) }
                position += 1
            }
            guard position < bytes.count else { throw failure(.malformed("unterminated value of attribute \(name)")) }
            let value = try decode(start..<position)
            position += 1
            guard !attributes.contains(where: { $0.name == name }) else { throw failure(.malformed("attribute \(name) given twice")) }
            attributes.append(XMLElement.Attribute(name: name, value: value))
        }
    }

    private mutating func readText() throws(Failure) -> String {
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
        return try decode(start..<position)
    }

    private mutating func readName() throws(Failure) -> String {
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        guard position > start, !(0x30...0x39).contains(bytes[start]), bytes[start] != UInt8(ascii: "-"), bytes[start] != UInt8(ascii: ".") else {
            throw failure(.malformed("a name expected"))
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Text with line ends normalised (CR LF and CR become LF, as XML requires) and references
    /// resolved: the five predefined entities and character references. Works on bytes: most
    /// texts have neither, and are returned as they are (the part was validated as a whole).
    private func decode(_ range: Range<Int>) throws(Failure) -> String {
        guard bytes[range].contains(where: { $0 == UInt8(ascii: "&") || $0 == 0x0D }) else {
            return String(decoding: bytes[range], as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x0D {
                output.append(0x0A)
                index += index + 1 < range.upperBound && bytes[index + 1] == 0x0A ? 2 : 1
            } else if byte == UInt8(ascii: "&") {
                let end = min(index + 12, range.upperBound)
                guard let semicolon = bytes[index..<end].firstIndex(of: UInt8(ascii: ";")) else {
                    throw failure(.malformed("'&' that starts no reference"), at: index)
                }
                let name = String(decoding: bytes[index + 1..<semicolon], as: UTF8.self)
                guard let resolved = Self.resolve(name) else {
                    throw failure(name.hasPrefix("#") ? .malformed("bad character reference &\(name);") : .unknownEntity(name), at: index)
                }
                output.append(contentsOf: Array(String(resolved).utf8))
                index = semicolon + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The offset of the first byte that does not begin a well-formed UTF-8 sequence, or nil.
    /// The standard library's validation answers whether; only a refused part pays for where.
    private static func firstInvalidUTF8(_ input: [UInt8]) -> Int? {
        guard String(validating: input, as: UTF8.self) == nil else { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = input.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func resolve(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value == 0x9 || value == 0xA || value == 0xD || value >= 0x20 else { return nil }
            return Unicode.Scalar(value)
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        case UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."): return true
        default: return byte >= 0x80
        }
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = position
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09 {
            position += 1
        }
        return position > start
    }

    private func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            var index = 0
            while index < count {
                if bytes[position + index] != buffer[index] { return false }
                index += 1
            }
            return true
        }
    }

    private mutating func skip(past terminator: StaticString, what: String) throws(Failure) {
        while position < bytes.count {
            if matches(terminator) {
                position += terminator.utf8CodeUnitCount
                return
            }
            position += 1
        }
        throw failure(.malformed("unterminated \(what)"))
    }

    private func failure(_ kind: Failure.Kind, at offset: Int? = nil) -> Failure {
        let end = min(offset ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return Failure(kind: kind, line: line, column: end - lineStart + 1)
    }
}
