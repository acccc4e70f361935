import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import Foundation
import StrictYAML

/// Hover, go to definition and find references, for the names the framework declares
/// (production types, stages, departments) and for criterion IDs.
extension LanguageServer {
    /// The index and each file's lines, as the editor sees the files now: the sources and lines of
    /// the last check, which every open, change and save refreshes, so requests read no file.
    func snapshot() -> (index: WorkspaceIndex, lines: [String: [Substring]]) {
        (WorkspaceIndex(sources: lastSources), lastLines)
    }

    /// The occurrence under the request's cursor.
    func occurrence(
        in document: LSP.TextDocumentIdentifier, at position: LSP.Position,
        in snapshot: (index: WorkspaceIndex, lines: [String: [Substring]])
    ) -> WorkspaceIndex.Occurrence? {
        guard let url = URL(string: document.uri), url.isFileURL else { return nil }
        let (line, character) = (position.line, position.character)
        let path =
            snapshot.lines.keys.first {
                URL(fileURLWithPath: $0).standardizedFileURL.path == url.standardizedFileURL.path
            } ?? url.path
        let text = snapshot.lines[path] ?? []
        guard line >= 0, line < text.count else { return nil }
        let content = text[line]
        let index = encoding.index(ofCharacter: character, inLine: content)
        let column = content.unicodeScalars[content.startIndex..<index].count + 1
        return snapshot.index.occurrence(in: path, at: SourcePosition(line: line + 1, column: column))
    }

    func hover(_ params: LSP.TextDocumentPositionParams) -> LSP.Hover? {
        let snapshot = snapshot()
        guard let found = occurrence(in: params.textDocument, at: params.position, in: snapshot) else { return nil }
        let text: String
        switch found.kind {
        case .criterion:
            text = found.isReleasedReference ? releasedCriterionText(found.id) : criterionText(found.id)
        case .productionType, .stage, .department:
            let titles = snapshot.index.title(of: found.kind, found.id)
            let declared =
                titles.isEmpty
                ? "not declared in framework.yaml" : titles.map { "\($0.locale): \($0.text)" }.joined(separator: "\n")
            text = "\(found.kind.rawValue) \(found.id)\n\(declared)"
        }
        return LSP.Hover(
            contents: LSP.MarkupContent(kind: "plaintext", value: text),
            range: range(of: SourceLocation(found.range), lines: snapshot.lines))
    }

    /// A criterion as the sources have it now, and what the last release says of it.
    func criterionText(_ id: String) -> String {
        guard let criterion = lastFramework?.criteria.first(where: { $0.id == id }) else { return "criterion \(id)" }
        var lines = ["criterion \(id): \(criterion.points) points\(criterion.mandatory ? ", mandatory" : "")"]
        for locale in criterion.title.locales {
            lines.append("\(locale): \(criterion.title[locale] ?? "") — \(criterion.guidance[locale] ?? "")")
        }
        lines.append("stages: \(criterion.stages.joined(separator: ", "))")
        lines.append("applies to: \(criterion.appliesTo.joined(separator: ", "))")
        if let latest = history.latest {
            let version = latest.bundle.framework.identity.version
            switch latest.bundle.framework.criteria.first(where: { $0.id == id }) {
            case .none: lines.append("new since \(version)")
            case .some(let released) where released == criterion: lines.append("unchanged since \(version)")
            case .some: lines.append("changed since \(version)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A criterion of the last release, as `replaces:` and `retired:` name it.
    func releasedCriterionText(_ id: String) -> String {
        guard let latest = history.latest else { return "criterion \(id): nothing is released yet" }
        let version = latest.bundle.framework.identity.version
        guard let criterion = latest.bundle.framework.criteria.first(where: { $0.id == id }) else {
            return "criterion \(id) is not in release \(version)"
        }
        let titles = criterion.title.locales.map { "\($0): \(criterion.title[$0] ?? "")" }
        return
            ([
                "criterion \(id) in release \(version): \(criterion.points) points\(criterion.mandatory ? ", mandatory" : "")"
            ] + titles).joined(separator: "\n")
    }

    func definition(_ params: LSP.TextDocumentPositionParams) -> LSP.Location? {
        let snapshot = snapshot()
        guard let found = occurrence(in: params.textDocument, at: params.position, in: snapshot) else { return nil }
        if found.kind == .criterion && found.isReleasedReference {
            return releasedLocation(of: found.id)
        }
        guard let declaration = snapshot.index.declaration(of: found.kind, found.id) else { return nil }
        return location(declaration.range, lines: snapshot.lines)
    }

    func references(_ params: LSP.ReferenceParams) -> [LSP.Location] {
        let snapshot = snapshot()
        guard let found = occurrence(in: params.textDocument, at: params.position, in: snapshot) else { return [] }
        let includeDeclaration = params.context?.includeDeclaration ?? true
        return snapshot.index.references(to: found.kind, found.id)
            .filter { includeDeclaration || !$0.isDeclaration }
            .map { location($0.range, lines: snapshot.lines) }
    }

    func location(_ range: SourceRange, lines: [String: [Substring]]) -> LSP.Location {
        LSP.Location(
            uri: URL(fileURLWithPath: range.file).absoluteString,
            range: self.range(of: SourceLocation(range), lines: lines))
    }

    /// Where the last release's bundle holds the criterion's ID.
    func releasedLocation(of id: String) -> LSP.Location? {
        guard let latest = history.latest,
            let index = latest.bundle.framework.criteria.firstIndex(where: { $0.id == id })
        else { return nil }
        let place = latest.location(of: "$.criteria[\(index)].id")
        let lines = [
            latest.file: String(decoding: latest.locatorBytes, as: UTF8.self).split(
                separator: "\n", omittingEmptySubsequences: false)
        ]
        return LSP.Location(
            uri: URL(fileURLWithPath: latest.file).absoluteString, range: range(of: place, lines: lines))
    }
}
