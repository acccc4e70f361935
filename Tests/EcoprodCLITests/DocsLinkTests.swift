import Foundation
import TestSupport
import Testing

/// Every relative link of the front door and the reference reaches a file, and every `#anchor` a
/// heading (as GitHub spells its anchors) or an `<a id>` of that page: pages move (the grid left
/// the guide), and a link that lands nowhere is found here rather than by a reader.
@Suite struct DocsLinkTests {
    static let pages: [String] =
        ["README.md", "ARCHITECTURE.md", "Benchmarks/README.md", "templates/criteria-repository/README.md"]
        + DocsConsoleTests.pages.filter { $0 != "README.md" }

    @Test(arguments: pages)
    func relativeLinksLand(_ path: String) throws {
        let page = packageRoot.appendingPathComponent(path)
        for link in Self.links(in: try String(contentsOf: page, encoding: .utf8)) {
            let (file, anchor) = Self.split(link)
            let target = file.isEmpty ? page : page.deletingLastPathComponent().appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: target.standardizedFileURL.path) else {
                Issue.record("\(path): the link \(link) names a file that does not exist")
                continue
            }
            if let anchor, target.pathExtension == "md" {
                let anchors = Self.anchors(in: try String(contentsOf: target, encoding: .utf8))
                #expect(
                    anchors.contains(anchor),
                    "\(path): the link \(link) names no heading of \(target.lastPathComponent)")
            }
        }
    }

    static let anchorCases: [(heading: String, anchor: String)] = [
        ("Tour: release managers", "tour-release-managers"),
        ("The grid productions fill in", "the-grid-productions-fill-in"),
        ("Testing, contracts and fuzzing", "testing-contracts-and-fuzzing"),
        ("Docs that run", "docs-that-run"),
    ]

    @Test(arguments: anchorCases)
    func anchorsAreSpelledAsGitHubSpellsThem(_ heading: String, _ anchor: String) {
        #expect(Self.anchors(in: "## \(heading)\n").contains(anchor))
    }

    /// The targets of `](…)` links outside fenced blocks, without web addresses.
    static func links(in text: String) -> [String] {
        var links: [String] = []
        var fenced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                fenced.toggle()
                continue
            }
            guard !fenced else { continue }
            var rest = line[...]
            while let open = rest.range(of: "](") {
                rest = rest[open.upperBound...]
                guard let close = rest.firstIndex(of: ")") else { break }
                let target = String(rest[..<close])
                rest = rest[close...]
                if !target.contains("://"), !target.hasPrefix("mailto:"), !target.contains(" ") {
                    links.append(target)
                }
            }
        }
        return links
    }

    static func split(_ link: String) -> (file: String, anchor: String?) {
        guard let hash = link.firstIndex(of: "#") else { return (link, nil) }
        return (String(link[..<hash]), String(link[link.index(after: hash)...]))
    }

    /// A page's anchors: each heading lowercased, with what is neither a letter, a digit, a
    /// space, `-` nor `_` removed and spaces made `-` (GitHub's rule), and every `<a id="…">`.
    static func anchors(in text: String) -> Set<String> {
        var anchors: Set<String> = []
        var fenced = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") { fenced.toggle() }
            if !fenced, line.hasPrefix("#") {
                let heading = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces).lowercased()
                let kept = heading.unicodeScalars.filter {
                    CharacterSet.alphanumerics.contains($0) || $0 == " " || $0 == "-" || $0 == "_"
                }
                anchors.insert(String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-"))
            }
            var rest = line[...]
            while let open = rest.range(of: "<a id=\"") {
                rest = rest[open.upperBound...]
                guard let close = rest.firstIndex(of: "\"") else { break }
                anchors.insert(String(rest[..<close]))
                rest = rest[close...]
            }
        }
        return anchors
    }
}
