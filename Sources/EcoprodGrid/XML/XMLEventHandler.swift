/// What a streaming read of an XML part reports, in document order: each element opened (with
/// its attributes) and closed, and the character data in between.
///
/// ``XMLDocumentReader`` makes every check before an event is reported, so a handler sees only
/// well-formed, bounded XML and never has to refuse anything itself. Names, values and texts
/// come as ``XMLToken``s: a handler pays for a `String` only where it needs one.
protocol XMLEventHandler {
    /// An element starts. `attributes` is valid for this call only: the reader reuses its buffer.
    mutating func open(_ name: XMLToken, attributes: [XMLToken.Attribute])
    /// The element last opened ends (self-closing elements are opened, then closed).
    mutating func close(_ name: XMLToken)
    /// Character data (text or CDATA) directly inside the element last opened.
    mutating func text(_ text: XMLToken)
}

/// Builds the tree of elements that ``XMLDocumentReader/read(_:)`` returns.
struct XMLTreeBuilder: XMLEventHandler {
    private var stack: [XMLElement] = []
    /// The root element, once it has closed.
    private(set) var root: XMLElement?

    mutating func open(_ name: XMLToken, attributes: [XMLToken.Attribute]) {
        var element = XMLElement(name: name.string)
        element.attributes = attributes.map { XMLElement.Attribute(name: $0.name.string, value: $0.value.string) }
        stack.append(element)
    }

    mutating func close(_ name: XMLToken) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
    }

    mutating func text(_ text: XMLToken) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += text.string
    }
}
