@testable import EcoprodReports

/// The structure of a page, read from the node tree the renderer built rather than parsed back
/// from its markup: elements are closed in order by construction, so what is left to check is
/// the content model a browser would otherwise repair silently (no block inside a paragraph).
struct HTMLTree {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    private(set) var problems: [String] = []

    private static let blocks: Set<String> = [
        "div", "p", "ul", "ol", "dl", "table", "section", "header", "footer", "main", "nav", "figure", "form", "h1",
        "h2", "h3", "h4", "h5", "h6",
    ]

    init(_ document: HTMLDocument) {
        self.init(document.root)
    }

    init(_ root: HTMLNode) {
        visit(root, inside: [])
    }

    private mutating func visit(_ node: HTMLNode, inside ancestors: [String]) {
        switch node {
        case .element(let tag, let attributes, let children):
            add(tag, attributes, inside: ancestors)
            for child in children { visit(child, inside: ancestors + [tag.name]) }
        case .empty(let tag, let attributes):
            add(tag, attributes, inside: ancestors)
        case .group(let children):
            for child in children { visit(child, inside: ancestors) }
        case .text, .code:
            break
        }
    }

    private mutating func add(_ tag: HTMLTag, _ attributes: [HTMLAttribute], inside ancestors: [String]) {
        elements.append(
            Element(
                name: tag.name,
                attributes: Dictionary(
                    attributes.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })))
        if Self.blocks.contains(tag.name), ancestors.last == "p" { problems.append("<\(tag.name)> inside <p>") }
    }

    /// The elements named `name`.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
}

/// A text as the reports write it in markup, escaped.
func htmlEscaped(_ text: String) -> String {
    HTMLNode.text(text).markup
}
