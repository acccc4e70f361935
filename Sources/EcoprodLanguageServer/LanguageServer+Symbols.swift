import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import Foundation
import StrictYAML

extension LanguageServer {
    /// The outline of a department file: its criteria, each named by its ID, its title as detail.
    func documentSymbols(_ params: LSP.DocumentSymbolParams) -> [LSP.DocumentSymbol] {
        let uri = params.textDocument.uri
        guard let url = URL(string: uri), url.isFileURL else { return [] }
        let bytes =
            documents[uri].map { Array($0.text.utf8) } ?? FileManager.default.contents(atPath: url.path).map(Array.init)
            ?? []
        let read = YAMLReader().read(bytes, file: url.path)
        // Split on bytes, as the diagnostics' lines are: "\r\n" is one Character of a String.
        let lines = [url.path: Self.lines(bytes)]
        guard let entries = read.root?.mappingEntries,
            let criteria = entries.first(where: { $0.key.scalar?.value == "criteria" })?.value.sequenceItems
        else { return [] }
        return criteria.compactMap { criterion in
            guard let fields = criterion.mappingEntries,
                let id = fields.first(where: { $0.key.scalar?.value == "id" })?.value, let name = id.scalar?.value,
                !name.isEmpty
            else { return nil }
            let title = fields.first { $0.key.scalar?.value == "title" }?.value.mappingEntries?.first?.value.scalar?
                .value
            return LSP.DocumentSymbol(
                name: name, detail: title, kind: 23, range: range(of: SourceLocation(criterion.range), lines: lines),
                selectionRange: range(of: SourceLocation(id.range), lines: lines))
        }
    }
}
