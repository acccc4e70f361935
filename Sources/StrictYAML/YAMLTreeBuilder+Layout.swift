import CLibYAML

/// Layout rules of YAML 1.2 that libyaml 0.2.5 does not enforce. Each is checked from the
/// events' marks against the source bytes, so a mistake is reported where it is (Y114–Y116)
/// instead of surfacing later as a schema error that points elsewhere.
///
/// - A comment is separated from what precedes it by white space: `"A"# c` and `|# c` are not
///   comments in YAML 1.2 (Y114).
/// - Inside a flow collection, or a quoted scalar spanning lines, in a block collection, every
///   continuation line is indented with spaces more than that block collection (Y115); a tab
///   there is not indentation.
/// - A flow collection holds no `-` entry: `[-]` and `[- a]` are block syntax in flow context (Y116).
/// - Only `%YAML 1.2` may be declared: `%YAML 1.1` asks for rules this reader does not apply, and
///   `%TAG` declares shorthands for tags no framework file may use (Y117). A comment after a
///   directive is separated by white space (Y114).
/// - A block scalar's leading empty lines hold no more spaces than its first line of text (Y118).
struct YAMLLayout {
    let bytes: UnsafeRawBufferPointer
    /// The byte offset where each line starts (0-based lines).
    private let lineStarts: [Int]

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        var starts = [0]
        for index in 0..<bytes.count where bytes[index] == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The byte offset of a 1-based line and column (columns count characters), if inside the text.
    func offset(of position: SourcePosition) -> Int? {
        guard position.line >= 1, position.line <= lineStarts.count else { return nil }
        var offset = lineStarts[position.line - 1]
        var column = 1
        while column < position.column, offset < bytes.count, bytes[offset] != 0x0A {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return offset
    }

    /// The byte at a position, if any.
    func byte(at position: SourcePosition) -> UInt8? {
        guard let offset = offset(of: position), offset < bytes.count else { return nil }
        return bytes[offset]
    }

    /// The spaces that start a 1-based line, and whether the line holds anything but white space.
    func indentation(ofLine line: Int) -> (spaces: Int, isBlank: Bool) {
        guard line >= 1, line <= lineStarts.count else { return (0, true) }
        var offset = lineStarts[line - 1]
        var spaces = 0
        while offset < bytes.count, bytes[offset] == 0x20 {
            spaces += 1
            offset += 1
        }
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 || bytes[offset] == 0x0D {
            offset += 1
        }
        return (spaces, offset >= bytes.count || bytes[offset] == 0x0A || bytes[offset] == UInt8(ascii: "#"))
    }

    /// Where a block scalar's header is followed by `#` without white space: `|# c`, `>-#c`.
    func commentGlued(toBlockHeaderAt start: SourcePosition) -> SourcePosition? {
        guard var offset = offset(of: start), offset < bytes.count,
            bytes[offset] == UInt8(ascii: "|") || bytes[offset] == UInt8(ascii: ">")
        else {
            return nil
        }
        var column = start.column
        repeat {
            offset += 1
            column += 1
        } while offset < bytes.count
            && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")
                || (0x31...0x39).contains(bytes[offset]))
        return offset < bytes.count && bytes[offset] == UInt8(ascii: "#")
            ? SourcePosition(line: start.line, column: column) : nil
    }

    /// A directive line: `%NAME parameters`, with where a comment is glued to its last parameter.
    struct Directive {
        var line: Int
        var name: String
        var parameters: [String]
        /// The column of a `#` that follows a parameter without white space (`%YAML 1.2#c`).
        var gluedComment: Int?
    }

    /// The directives on the lines before `line`: the ones a document's explicit start follows.
    func directives(before line: Int) -> [Directive] {
        var found: [Directive] = []
        for number in 1..<max(1, min(line, lineStarts.count + 1)) {
            var offset = lineStarts[number - 1]
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "%") else { continue }
            var words: [String] = []
            var glued: Int?
            var column = 1
            var word: [UInt8] = []
            var afterSpace = false
            while offset < bytes.count, bytes[offset] != 0x0A, bytes[offset] != 0x0D {
                let byte = bytes[offset]
                if byte == 0x20 || byte == 0x09 {
                    if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
                    word = []
                    afterSpace = true
                } else if byte == UInt8(ascii: "#"), afterSpace || word.isEmpty == false && words.isEmpty == false {
                    if !afterSpace { glued = column }
                    break
                } else {
                    word.append(byte)
                    afterSpace = false
                }
                offset += 1
                if byte & 0xC0 != 0x80 { column += 1 }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            guard let first = words.first else { continue }
            found.append(
                Directive(
                    line: number, name: String(first.dropFirst()), parameters: Array(words.dropFirst()),
                    gluedComment: glued))
        }
        return found
    }

    /// For a block scalar whose header is at `start` and whose indentation is found from its text:
    /// the first leading empty line holding more spaces than the first line of text, with that
    /// line of text, when the text is indented past `parentIndentation` (so belongs to the scalar).
    func overIndentedLeadingLine(blockHeaderAt start: SourcePosition, parentIndentation: Int) -> (
        empty: SourcePosition, text: Int
    )? {
        guard var offset = offset(of: start), offset < bytes.count else { return nil }
        while offset < bytes.count, bytes[offset] != 0x0A {
            if (0x31...0x39).contains(bytes[offset]) { return nil }  // an explicit indentation indicator
            if bytes[offset] == 0x20 || bytes[offset] == 0x09 { break }
            offset += 1
        }
        var widest: (line: Int, spaces: Int)?
        var line = start.line + 1
        while line <= lineStarts.count {
            var cursor = lineStarts[line - 1]
            var spaces = 0
            while cursor < bytes.count, bytes[cursor] == 0x20 {
                spaces += 1
                cursor += 1
            }
            let atEnd = cursor >= bytes.count
            if atEnd || bytes[cursor] == 0x0A
                || (bytes[cursor] == 0x0D && (cursor + 1 >= bytes.count || bytes[cursor + 1] == 0x0A))
            {
                if atEnd { return nil }
                if spaces > (widest?.spaces ?? -1) { widest = (line, spaces) }
                line += 1
                continue
            }
            guard spaces > parentIndentation, let widest, widest.spaces > spaces else { return nil }
            return (SourcePosition(line: widest.line, column: spaces + 1), line)
        }
        return nil
    }
}
