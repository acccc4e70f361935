/// One element of a read XML part: its qualified name, attributes, child elements and text.
///
/// Lookups go by local name (`sheet` matches `sheet` and `x:sheet`): Excel, LibreOffice and
/// other writers bind SpreadsheetML's namespaces to prefixes of their own choosing.
struct XMLElement: Sendable {
    /// One attribute, by qualified name.
    struct Attribute: Sendable {
        var name: String
        var value: String
    }

    /// The qualified name as written (`x:sheet`).
    var name: String
    /// Attributes in document order.
    var attributes: [Attribute] = []
    var children: [XMLElement] = []
    /// The element's own text (character data directly inside it), references resolved.
    var text = ""

    init(name: String) {
        self.name = name
    }

    /// The name without its prefix.
    var localName: Substring { Self.local(name) }

    /// The value of the attribute whose local name is `localName`; with `prefixed`, only a
    /// prefixed one (`r:id`), which is how relationship IDs are told from plain `id`s.
    func attribute(_ localName: String, prefixed: Bool = false) -> String? {
        attributes.value(of: localName, prefixed: prefixed)
    }

    /// The first child with this local name.
    func child(_ localName: String) -> XMLElement? {
        children.first { $0.localName == localName }
    }

    /// Every child with this local name.
    func children(_ localName: String) -> [XMLElement] {
        children.filter { $0.localName == localName }
    }

    /// The text of every `t` below this element, in order, skipping phonetic runs (`rPh`):
    /// the value of a shared or inline rich-text string.
    var stringItemText: String {
        var output = ""
        collectText(into: &output)
        return output
    }

    private func collectText(into output: inout String) {
        for child in children {
            switch child.localName {
            case "t": output += child.text
            case "rPh", "phoneticPr": continue
            default: child.collectText(into: &output)
            }
        }
    }

    /// `name` without its prefix.
    static func local(_ name: String) -> Substring {
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return Substring(name) }
        return name[name.utf8.index(after: colon)...]
    }
}

extension [XMLElement.Attribute] {
    /// The value of the attribute whose local name is `localName` (namespace declarations
    /// aside); with `prefixed`, only a prefixed one.
    func value(of localName: String, prefixed: Bool = false) -> String? {
        // Most writers use no prefix on cell attributes: the exact name first, cheaply.
        if !prefixed, let exact = first(where: { $0.name == localName }) { return exact.value }
        return first { attribute in
            XMLElement.local(attribute.name) == localName && (!prefixed || attribute.name.contains(":"))
                && !attribute.name.hasPrefix("xmlns")
        }?.value
    }
}
