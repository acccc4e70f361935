/// Something the strict reader refused. The compiler maps each kind to a stable diagnostic code.
public struct YAMLProblem: Sendable, Hashable {
    /// What went wrong. Raw values are stable: they name the problem in tests and in codes.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case syntax
        case duplicateKey
        case anchor
        case alias
        case tag
        case multipleDocuments
        case complexKey
        case depthLimit
        case sizeLimit
        case nodeLimit
        case scalarLength
        case invalidUTF8
        case tooManyProblems
        case commentWithoutSpace
        case flowIndentation
        case dashInFlow
        case directive
        case blockScalarIndentation
    }

    /// A secondary location, such as the first occurrence of a duplicate key.
    public struct Related: Sendable, Hashable {
        public var range: SourceRange
        public var message: String

        public init(range: SourceRange, message: String) {
            self.range = range
            self.message = message
        }
    }

    public var kind: Kind
    public var message: String
    public var range: SourceRange
    public var related: [Related]

    public init(kind: Kind, message: String, range: SourceRange, related: [Related] = []) {
        self.kind = kind
        self.message = message
        self.range = range
        self.related = related
    }
}

/// The limits that keep a hostile file from costing unbounded time or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes.
    public var maxFileBytes: Int
    /// The deepest nesting of mappings and sequences.
    public var maxDepth: Int
    /// The most nodes in one file.
    public var maxNodes: Int
    /// The longest scalar, in bytes of UTF-8.
    public var maxScalarBytes: Int
    /// Problems reported per file before the reader says "too many" and stops listing them.
    public var maxProblems: Int

    public init(
        maxFileBytes: Int = 16 * 1024 * 1024,
        maxDepth: Int = 64,
        maxNodes: Int = 2_000_000,
        maxScalarBytes: Int = 64 * 1024,
        maxProblems: Int = 100
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxScalarBytes = maxScalarBytes
        self.maxProblems = maxProblems
    }

    /// The defaults, documented in docs/formats.md.
    public static let `default` = YAMLLimits()
}

/// What reading one file produced: its root node, when it had one, and every problem found.
public struct YAMLReadResult: Sendable {
    /// The single document's root, or nil for an empty file or one that could not be read.
    public var root: YAMLNode?
    /// Every problem, in the order found.
    public var problems: [YAMLProblem]

    public init(root: YAMLNode?, problems: [YAMLProblem]) {
        self.root = root
        self.problems = problems
    }
}
