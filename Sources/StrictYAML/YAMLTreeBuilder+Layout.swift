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
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 || bytes[offset] == 0x0D { offset += 1 }
        return (spaces, offset >= bytes.count || bytes[offset] == 0x0A || bytes[offset] == UInt8(ascii: "#"))
    }

    /// Where a block scalar's header is followed by `#` without white space: `|# c`, `>-#c`.
    func commentGlued(toBlockHeaderAt start: SourcePosition) -> SourcePosition? {
        guard var offset = offset(of: start), offset < bytes.count, bytes[offset] == UInt8(ascii: "|") || bytes[offset] == UInt8(ascii: ">") else {
            return nil
        }
        var column = start.column
        repeat {
            offset += 1
            column += 1
        } while offset < bytes.count && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") || (0x31...0x39).contains(bytes[offset]))
        return offset < bytes.count && bytes[offset] == UInt8(ascii: "#") ? SourcePosition(line: start.line, column: column) : nil
    }
}
