import EcoprodFramework

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
            case .documentType:
                return
                    "a document type declaration (DOCTYPE) is refused: a workbook part never needs one, and its entities are never resolved"
            case .unknownEntity(let name):
                return "the entity '&\(name);' is not one of XML's five: no other entity is resolved"
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
    private var attributes: [XMLToken.Attribute] = []

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
    /// Every check (well-formedness, depth, entities, UTF-8) is made here, whatever the handler;
    /// names, values and texts reach it as ``XMLToken``s, decoded only if it asks.
    mutating func read<Handler: XMLEventHandler>(_ input: [UInt8], into handler: inout Handler) throws(Failure) {
        bytes = input
        position = 0
        // One validation of the whole part: every name and text below is then decoded without
        // a check of its own (a generic validation per piece cost more than the rest of the read).
        if let invalid = input.withUnsafeBytes({ UTF8Validation.firstInvalidOffset(in: $0) }) {
            throw failure(.notUTF8, at: invalid)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        var open: [Range<Int>] = []
        var sawRoot = false
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let text = try readText()
                if open.isEmpty {
                    guard text.string.allSatisfy(\.isWhitespace) else {
                        throw failure(.malformed("text outside the root element"))
                    }
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
                let last = open.popLast()
                guard let last, sameBytes(last, name) else {
                    let closing = XMLToken(bytes, name).string
                    let opened = last.map { XMLToken(bytes, $0).string }
                    throw failure(.malformed("</\(closing)> closes \(opened.map { "<\($0)>" } ?? "nothing open")"))
                }
                handler.close(XMLToken(bytes, name))
            default:
                guard !sawRoot || !open.isEmpty else { throw failure(.malformed("a second root element")) }
                sawRoot = true
                let (name, selfClosing) = try openElement()
                guard selfClosing || open.count < maxDepth else { throw failure(.tooDeep(maxDepth)) }
                handler.open(XMLToken(bytes, name), attributes: attributes)
                if selfClosing { handler.close(XMLToken(bytes, name)) } else { open.append(name) }
            }
        }
        guard open.isEmpty, sawRoot else {
            throw failure(
                .malformed(open.last.map { "unclosed element <\(XMLToken(bytes, $0).string)>" } ?? "no root element"))
        }
    }

    /// Reads what starts with `<!`: a comment, a CDATA section (reported as text), or a
    /// declaration, which is refused.
    private mutating func readMarkup<Handler: XMLEventHandler>(into handler: inout Handler, inside: Bool)
        throws(Failure)
    {
        if matches("<!--") {
            try skip(past: "-->", what: "comment")
        } else if matches("<![CDATA[") {
            let start = position + 9
            try skip(past: "]]>", what: "CDATA section")
            guard inside else { throw failure(.malformed("CDATA outside the root element")) }
            // Character data as written: no reference is resolved inside CDATA, only line ends.
            let range = start..<position - 3
            handler.text(
                bytes[range].contains(0x0D) ? try token(range, resolvingReferences: false) : XMLToken(bytes, range))
        } else {
            throw failure(matches("<!DOCTYPE") ? .documentType : .malformed("markup declaration"))
        }
    }

    /// Reads `</name>`, returning where the name is.
    private mutating func closeElement() throws(Failure) -> Range<Int> {
        position += 2
        let name = try readName()
        skipSpaces()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
            throw failure(.malformed("'>' expected after </\(XMLToken(bytes, name).string)"))
        }
        position += 1
        return name
    }

    /// Reads `<name attributes…>` or `<name …/>` into ``attributes``, returning where the name
    /// is and whether the element closed itself.
    private mutating func openElement() throws(Failure) -> (Range<Int>, Bool) {
        position += 1
        let elementName = try readName()
        attributes.removeAll(keepingCapacity: true)
        while true {
            let hadSpace = skipSpaces()
            guard position < bytes.count else {
                throw failure(.malformed("unterminated tag <\(XMLToken(bytes, elementName).string)"))
            }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                return (elementName, false)
            }
            if matches("/>") {
                position += 2
                return (elementName, true)
            }
            guard hadSpace else {
                throw failure(
                    .malformed("space expected between attributes of <\(XMLToken(bytes, elementName).string)>"))
            }
            let name = XMLToken(bytes, try readName())
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw failure(.malformed("'=' expected after attribute \(name.string)"))
            }
            position += 1
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
            else {
                throw failure(.malformed("quoted value expected for attribute \(name.string)"))
            }
            let quote = bytes[position]
            position += 1
            let start = position
            var special = false
            while position < bytes.count, bytes[position] != quote {
                switch bytes[position] {
                case UInt8(ascii: "<"): throw failure(.malformed("'<' in the value of attribute \(name.string)"))
                case UInt8(ascii: "&"), 0x0D: special = true
                default: break
                }
                position += 1
            }
            guard position < bytes.count else {
                throw failure(.malformed("unterminated value of attribute \(name.string)"))
            }
            let value = special ? try token(start..<position) : XMLToken(bytes, start..<position)
            position += 1
            guard !attributes.contains(where: { sameBytes($0.name.range, name.range) }) else {
                throw failure(.malformed("attribute \(name.string) given twice"))
            }
            attributes.append(XMLToken.Attribute(name: name, value: value))
        }
    }

    private mutating func readText() throws(Failure) -> XMLToken {
        let start = position
        // One pass finds the text's end and whether it holds a reference or a carriage return.
        let (end, special) = bytes.withUnsafeBufferPointer { buffer in
            var index = start
            var special = false
            while index < buffer.count {
                let byte = buffer[index]
                if byte == UInt8(ascii: "<") { break }
                if byte == UInt8(ascii: "&") || byte == 0x0D { special = true }
                index += 1
            }
            return (index, special)
        }
        position = end
        return special ? try token(start..<end) : XMLToken(bytes, start..<end)
    }

    /// Whether two names (or any two ranges of the part) hold the same bytes.
    private func sameBytes(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        guard first.count == second.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < first.count {
                if buffer[first.lowerBound + offset] != buffer[second.lowerBound + offset] { return false }
                offset += 1
            }
            return true
        }
    }

    /// Reads a name, returning where it is.
    private mutating func readName() throws(Failure) -> Range<Int> {
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        guard position > start, !(0x30...0x39).contains(bytes[start]), bytes[start] != UInt8(ascii: "-"),
            bytes[start] != UInt8(ascii: ".")
        else {
            throw failure(.malformed("a name expected"))
        }
        return start..<position
    }

    /// Text or an attribute value that holds references or carriage returns (few do; the scan
    /// that found its end told): the text with references resolved (the five predefined
    /// entities and character references) and line ends normalised (CR LF and CR become LF,
    /// as XML requires). A reference that resolves to nothing is refused here. CDATA's text
    /// (`resolvingReferences` false) has its line ends normalised and nothing else.
    private func token(_ range: Range<Int>, resolvingReferences: Bool = true) throws(Failure) -> XMLToken {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x0D {
                output.append(0x0A)
                index += index + 1 < range.upperBound && bytes[index + 1] == 0x0A ? 2 : 1
            } else if byte == UInt8(ascii: "&"), resolvingReferences {
                let end = min(index + 12, range.upperBound)
                guard let semicolon = bytes[index..<end].firstIndex(of: UInt8(ascii: ";")) else {
                    throw failure(.malformed("'&' that starts no reference"), at: index)
                }
                guard let resolved = Self.resolve(bytes[index + 1..<semicolon]) else {
                    let name = String(decoding: bytes[index + 1..<semicolon], as: UTF8.self)
                    throw failure(
                        name.hasPrefix("#") ? .malformed("bad character reference &\(name);") : .unknownEntity(name),
                        at: index)
                }
                UTF8.encode(resolved) { output.append($0) }
                index = semicolon + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return XMLToken(bytes, range, resolved: String(decoding: output, as: UTF8.self))
    }

    /// The character a reference's name (between `&` and `;`) stands for: one of XML's five
    /// entities, or a character reference XML allows; nil for anything else.
    private static func resolve(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        switch name.count {
        case 2 where name.elementsEqual("lt".utf8): return "<"
        case 2 where name.elementsEqual("gt".utf8): return ">"
        case 3 where name.elementsEqual("amp".utf8): return "&"
        case 4 where name.elementsEqual("quot".utf8): return "\""
        case 4 where name.elementsEqual("apos".utf8): return "'"
        default:
            guard name.first == UInt8(ascii: "#") else { return nil }
            let digits = String(decoding: name.dropFirst(), as: UTF8.self)
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value == 0x9 || value == 0xA || value == 0xD || value >= 0x20 else { return nil }
            return Unicode.Scalar(value)
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."): return true
        default: return byte >= 0x80
        }
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = position
        while position < bytes.count,
            bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09
        {
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
