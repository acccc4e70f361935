/// A node of the strict YAML syntax tree.
///
/// Scalars stay text: the reader never guesses that `no` is a boolean or that `1.10`
/// is a number. The schema that consumes the tree decides what each scalar must be.
public struct YAMLNode: Sendable, Hashable {
    /// The shape of the node.
    public enum Kind: Sendable, Hashable {
        case scalar(YAMLScalar)
        case mapping([YAMLMappingEntry])
        case sequence([YAMLNode])
    }

    /// The node's content.
    public var kind: Kind
    /// Where the node starts and ends.
    public var range: SourceRange
    /// The resolved core tag, when the source wrote one explicitly (for example `tag:yaml.org,2002:str`).
    public var tag: String?

    public init(kind: Kind, range: SourceRange, tag: String? = nil) {
        self.kind = kind
        self.range = range
        self.tag = tag
    }

    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The entries, when this node is a mapping.
    public var mappingEntries: [YAMLMappingEntry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// The items, when this node is a sequence.
    public var sequenceItems: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// A short name of the node's shape, for messages: "a mapping", "a sequence", "a scalar".
    public var shapeDescription: String {
        switch kind {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        }
    }
}

/// A scalar's text and how it was written.
public struct YAMLScalar: Sendable, Hashable {
    /// How the scalar was quoted, which matters for nulls: `~` is null, `"~"` is text.
    public enum Style: String, Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's text, after YAML unescaping and folding.
    public var value: String
    /// The quoting style.
    public var style: Style

    public init(value: String, style: Style) {
        self.value = value
        self.style = style
    }

    /// True for a plain empty scalar or plain `~`/`null`, the only ways this profile spells null.
    public var isNull: Bool {
        style == .plain && (value.isEmpty || value == "~" || value == "null")
    }
}

/// One key-value pair of a mapping. Keys are scalars; the reader refuses the rest.
public struct YAMLMappingEntry: Sendable, Hashable {
    /// The key node, always a scalar.
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text.
    public var keyText: String { key.scalar?.value ?? "" }
}
