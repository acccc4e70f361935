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
    /// The file, interned (see ``SourceFileName``).
    public var fileName: SourceFileName
    /// The first character of the range.
    public var start: SourcePosition
    /// Just past the last character of the range.
    public var end: SourcePosition

    /// The file path, exactly as the caller passed it to the reader.
    public var file: String {
        get { fileName.name }
        set { fileName = SourceFileName(newValue) }
    }

    public init(file: SourceFileName, start: SourcePosition, end: SourcePosition) {
        self.fileName = file
        self.start = start
        self.end = end
    }

    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.init(file: SourceFileName(file), start: start, end: end)
    }

    /// A zero-width range at one position.
    public init(file: String, at position: SourcePosition) {
        self.init(file: file, start: position, end: position)
    }

    /// A zero-width range at one position.
    public init(file: SourceFileName, at position: SourcePosition) {
        self.init(file: file, start: position, end: position)
    }

    enum CodingKeys: String, CodingKey {
        case file, start, end
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try container.decode(String.self, forKey: .file),
            start: try container.decode(SourcePosition.self, forKey: .start),
            end: try container.decode(SourcePosition.self, forKey: .end))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}
