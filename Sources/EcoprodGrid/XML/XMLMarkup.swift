import EcoprodReports

/// XML as values, for the parts of a workbook: elements with attributes, and text. Markup is
/// produced only by ``render(into:)``, which escapes every text and attribute value through the
/// reports' escaping helper (`HTMLNode.escape`), so no text from a bundle or an answer set can
/// ever be read as markup.
///
/// Element and attribute names are `StaticString`s, written in this module. Text also goes
/// through ``XMLText``, which makes every string representable in XML 1.0: SpreadsheetML's
/// `_xHHHH_` escape (ECMA-376 Part 1, 22.9.2.19 ST_Xstring) carries characters XML forbids, and a
/// carriage return is written as a character reference, which parsers do not normalise away.
indirect enum XMLMarkup: Sendable {
    case element(XMLName, [XMLAttribute], [XMLMarkup])
    case text(String)
    case group([XMLMarkup])

    /// The declaration every part starts with.
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// A whole part: the declaration, then the root element.
    static func document(_ root: XMLMarkup) -> [UInt8] {
        var output = declaration
        root.render(into: &output)
        return Array(output.utf8)
    }

    /// Appends the markup, escaping text and attribute values.
    func render(into output: inout String) {
        switch self {
        case .element(let name, let attributes, let children):
            output += "<"
            output += name.text
            for attribute in attributes {
                output += " "
                output += attribute.name.text
                output += "=\""
                XMLText.escape(attribute.value, into: &output)
                output += "\""
            }
            if children.isEmpty {
                output += "/>"
                return
            }
            output += ">"
            for child in children { child.render(into: &output) }
            output += "</"
            output += name.text
            output += ">"
        case .text(let text): XMLText.escape(text, into: &output)
        case .group(let nodes): for node in nodes { node.render(into: &output) }
        }
    }
}

/// An element or attribute name, written in this module (`c`, `r:id`).
struct XMLName: Sendable, Equatable {
    let text: String

    init(_ name: StaticString) {
        self.text = "\(name)"
    }
}

/// An attribute: a name written in this module, and a value escaped when rendered.
struct XMLAttribute: Sendable {
    let name: XMLName
    let value: String

    init(_ name: StaticString, _ value: String) {
        self.name = XMLName(name)
        self.value = value
    }

    init(_ name: StaticString, _ value: Int) {
        self.init(name, String(value))
    }
}

/// Builds child lists from statements.
@resultBuilder
enum XMLBuilder {
    static func buildExpression(_ node: XMLMarkup) -> [XMLMarkup] { [node] }
    static func buildExpression(_ nodes: [XMLMarkup]) -> [XMLMarkup] { nodes }
    static func buildBlock(_ parts: [XMLMarkup]...) -> [XMLMarkup] { parts.flatMap { $0 } }
    static func buildOptional(_ part: [XMLMarkup]?) -> [XMLMarkup] { part ?? [] }
    static func buildEither(first part: [XMLMarkup]) -> [XMLMarkup] { part }
    static func buildEither(second part: [XMLMarkup]) -> [XMLMarkup] { part }
    static func buildArray(_ parts: [[XMLMarkup]]) -> [XMLMarkup] { parts.flatMap { $0 } }
}

/// An element with attributes and children.
func xml(_ name: StaticString, _ attributes: XMLAttribute..., @XMLBuilder children: () -> [XMLMarkup] = { [] })
    -> XMLMarkup
{
    .element(XMLName(name), attributes, children())
}

/// An element with attributes given as a list (when they are computed).
func xml(_ name: StaticString, attributes: [XMLAttribute], @XMLBuilder children: () -> [XMLMarkup] = { [] })
    -> XMLMarkup
{
    .element(XMLName(name), attributes, children())
}

/// An element holding one text.
func xml(_ name: StaticString, _ attributes: XMLAttribute..., text: String) -> XMLMarkup {
    .element(XMLName(name), attributes, [.text(text)])
}
