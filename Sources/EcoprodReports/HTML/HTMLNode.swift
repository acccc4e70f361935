/// HTML (and inline SVG) as values: elements with attributes, and text. Markup is produced only
/// by ``render(into:)``, which escapes every text and every attribute value itself, so no text
/// from a source, a bundle or an answer set can ever be read as markup.
///
/// Tag and attribute names are `StaticString`s, written in this module. The only markup that is
/// not built from nodes is ``InlineCode``: the reports' own stylesheet and scripts, which a page
/// carries inline and which nothing outside this module can construct.
public indirect enum HTMLNode: Sendable {
    case element(HTMLTag, [HTMLAttribute], [HTMLNode])
    /// An element without content: `<meta …>` in HTML, `<rect …/>` in SVG.
    case empty(HTMLTag, [HTMLAttribute])
    case text(String)
    case code(InlineCode)
    case group([HTMLNode])

    /// Appends the markup of the node, escaping text and attribute values.
    public func render(into output: inout String) {
        switch self {
        case .element(let tag, let attributes, let children):
            Self.openTag(tag, attributes, into: &output)
            output += ">"
            for child in children { child.render(into: &output) }
            output += "</"
            output += tag.name
            output += ">"
        case .empty(let tag, let attributes):
            Self.openTag(tag, attributes, into: &output)
            output += tag.selfCloses ? "/>" : ">"
        case .text(let text): Self.escape(text, into: &output)
        case .code(let code): output += code.text
        case .group(let nodes): for node in nodes { node.render(into: &output) }
        }
    }

    /// The markup of the node.
    public var markup: String {
        var output = ""
        render(into: &output)
        return output
    }

    private static func openTag(_ tag: HTMLTag, _ attributes: [HTMLAttribute], into output: inout String) {
        output += "<"
        output += tag.name
        for attribute in attributes {
            output += " "
            output += attribute.name
            guard let value = attribute.value else { continue }
            output += "=\""
            escape(value, into: &output)
            output += "\""
        }
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`: safe in text and in quoted attribute values alike.
    public static func escape(_ text: String, into output: inout String) {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}

/// An element name, written in this module.
public struct HTMLTag: Sendable, Equatable {
    let name: String
    /// Whether an empty element is written `<x/>` (SVG) rather than `<x>` (HTML void elements).
    let selfCloses: Bool

    init(_ name: StaticString, selfCloses: Bool = false) {
        self.name = "\(name)"
        self.selfCloses = selfCloses
    }
}

/// An attribute: a name written in this module, and a value escaped when rendered. A nil value
/// is a boolean attribute (`hidden`).
public struct HTMLAttribute: Sendable {
    let name: String
    let value: String?

    init(_ name: StaticString, _ value: String?) {
        self.name = "\(name)"
        self.value = value
    }
}

/// The reports' own inline stylesheet or script: markup that is not escaped, so only this
/// module constructs it, from its own literals and from validated locale codes.
public struct InlineCode: Sendable {
    let text: String

    init(trusted text: String) {
        // Inside <style> and <script>, "</" would end the element early.
        precondition(!text.contains("</"), "inline code must not contain '</'")
        self.text = text
    }
}

/// Builds node lists from statements: nodes, text (`String`) and control flow.
@resultBuilder
enum HTMLBuilder {
    static func buildExpression(_ node: HTMLNode) -> [HTMLNode] { [node] }
    static func buildExpression(_ text: String) -> [HTMLNode] { [.text(text)] }
    static func buildExpression(_ nodes: [HTMLNode]) -> [HTMLNode] { nodes }
    static func buildBlock(_ parts: [HTMLNode]...) -> [HTMLNode] { parts.flatMap { $0 } }
    static func buildOptional(_ part: [HTMLNode]?) -> [HTMLNode] { part ?? [] }
    static func buildEither(first part: [HTMLNode]) -> [HTMLNode] { part }
    static func buildEither(second part: [HTMLNode]) -> [HTMLNode] { part }
    static func buildArray(_ parts: [[HTMLNode]]) -> [HTMLNode] { parts.flatMap { $0 } }
}

/// An element with its children.
func element(_ tag: HTMLTag, _ attributes: HTMLAttribute..., @HTMLBuilder children: () -> [HTMLNode] = { [] })
    -> HTMLNode
{
    .element(tag, attributes, children())
}

/// An element without content.
func empty(_ tag: HTMLTag, _ attributes: HTMLAttribute...) -> HTMLNode {
    .empty(tag, attributes)
}

/// Nodes side by side, without an element around them.
func group(@HTMLBuilder _ children: () -> [HTMLNode]) -> HTMLNode {
    .group(children())
}
