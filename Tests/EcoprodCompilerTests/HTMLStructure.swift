import Foundation

/// A small structural reading of the HTML the reports write: every element closed in order,
/// no block inside a paragraph (which a browser would silently re-nest), and the list of
/// start tags with their attributes for assertions. Not a browser: the reports' own markup is
/// regular (attributes always double-quoted, `<` and `>` always escaped in text).
struct HTMLStructure {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    private(set) var problems: [String] = []

    private static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    private static let blocks: Set<String> = [
        "div", "p", "ul", "ol", "dl", "table", "section", "header", "footer", "main", "nav", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    ]

    init(_ html: String) {
        var open: [String] = []
        var index = html.startIndex
        while let start = html[index...].firstIndex(of: "<") {
            if html[start...].hasPrefix("<!--") {
                guard let end = html.range(of: "-->", range: start..<html.endIndex) else { problems.append("unclosed comment"); return }
                index = end.upperBound
                continue
            }
            guard let end = html[start...].firstIndex(of: ">") else { problems.append("unclosed tag at the end"); return }
            let tag = html[html.index(after: start)..<end]
            index = html.index(after: end)
            if tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces).lowercased()
                if open.last == name { open.removeLast() } else { problems.append("</\(name)> closes <\(open.last ?? "nothing")>") }
                continue
            }
            let selfClosing = tag.hasSuffix("/")
            let body = selfClosing ? tag.dropLast() : tag
            let name = String(body.prefix { !$0.isWhitespace }).lowercased()
            elements.append(Element(name: name, attributes: Self.attributes(String(body.dropFirst(name.count)))))
            if Self.blocks.contains(name), open.last == "p" { problems.append("<\(name)> inside <p>") }
            if selfClosing || Self.void.contains(name) { continue }
            if name == "script" || name == "style" {
                guard let close = html.range(of: "</\(name)>", range: index..<html.endIndex) else { problems.append("unclosed <\(name)>"); return }
                index = close.upperBound
                continue
            }
            open.append(name)
        }
        if !open.isEmpty { problems.append("left open: \(open)") }
    }

    /// The start tags named `name`.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    private static func attributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(text)
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
            rest = rest[rest.index(after: equals)...]
            guard rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") else { break }
            result[name.components(separatedBy: .whitespaces).last ?? name] = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
        }
        return result
    }
}
