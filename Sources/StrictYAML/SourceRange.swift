/// A 1-based position in a source file. Columns count Unicode scalars, not bytes,
/// so that a caret lines up under accented French text.
public struct SourcePosition: Sendable, Hashable, Comparable, Codable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where a node or a problem sits: the file (as the caller named it) and its start and end.
public struct SourceRange: Sendable, Hashable, Codable {
    /// The file path, exactly as the caller passed it to the reader.
    public var file: String
    /// The first character of the range.
    public var start: SourcePosition
    /// Just past the last character of the range.
    public var end: SourcePosition

    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// A zero-width range at one position.
    public init(file: String, at position: SourcePosition) {
        self.init(file: file, start: position, end: position)
    }
}
