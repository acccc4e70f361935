import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import Foundation
import StrictYAML

/// Renaming a criterion ID. When the old ID is in the latest release, the rename also writes the
/// migration rule: `replaces: [OLD]` on the criterion, so answers given under the old ID follow it.
extension LanguageServer {
    /// The criterion ID declaration under the cursor, if it can be renamed.
    func renameTarget(
        in document: LSP.TextDocumentIdentifier, at position: LSP.Position
    ) -> (occurrence: WorkspaceIndex.Occurrence, snapshot: (index: WorkspaceIndex, lines: [String: [Substring]]))? {
        let snapshot = snapshot()
        guard let found = occurrence(in: document, at: position, in: snapshot), found.kind == .criterion,
            found.isDeclaration
        else { return nil }
        return (found, snapshot)
    }

    func prepareRename(_ params: LSP.TextDocumentPositionParams) -> LSP.PrepareRenameResult? {
        guard let target = renameTarget(in: params.textDocument, at: params.position) else { return nil }
        return LSP.PrepareRenameResult(
            range: range(of: SourceLocation(target.occurrence.range), lines: target.snapshot.lines),
            placeholder: target.occurrence.id)
    }

    /// Why `newName` cannot replace `old`, or nil when it can.
    func renameRefusal(_ old: String, to newName: String, index: WorkspaceIndex) -> String? {
        let pattern =
            lastFramework?.identity.criterionIDPattern ?? history.latest?.bundle.framework.identity.criterionIDPattern
        if let pattern, let regex = try? Regex(pattern), (try? regex.wholeMatch(in: newName)) == nil {
            return "'\(newName)' does not match the criterion ID pattern \(pattern)"
        }
        if newName != old,
            index.occurrences.contains(where: { $0.kind == .criterion && $0.isDeclaration && $0.id == newName })
        {
            return "'\(newName)' is already a criterion of this framework"
        }
        if let version = history.retiredIDs[newName] {
            return "'\(newName)' was retired in release \(version); a retired ID is never given to another criterion"
        }
        return nil
    }

    /// The workspace edit of a rename, or a JSON-RPC error that says why it is refused.
    func rename(_ params: LSP.RenameParams) -> Result<LSP.WorkspaceEdit, RenameRefused> {
        guard let target = renameTarget(in: params.textDocument, at: params.position) else {
            return .failure(RenameRefused(message: "only a criterion's id can be renamed"))
        }
        let newName = params.newName
        let old = target.occurrence.id
        if let refusal = renameRefusal(old, to: newName, index: target.snapshot.index) {
            return .failure(RenameRefused(message: refusal))
        }
        let file = target.occurrence.range.file
        let lines = target.snapshot.lines
        var edits = [
            LSP.TextEdit(range: range(of: SourceLocation(target.occurrence.range), lines: lines), newText: newName)
        ]
        if history.latest?.bundle.framework.criteria.contains(where: { $0.id == old }) == true,
            let rule = replacesEdit(adding: old, toCriterionAt: target.occurrence.range, lines: lines[file] ?? [])
        {
            edits.append(rule)
        }
        return .success(LSP.WorkspaceEdit(changes: [URL(fileURLWithPath: file).absoluteString: edits]))
    }

    /// `replaces: [OLD]` written under the criterion's `id:` line, or OLD added to the flow list
    /// of a `replaces:` the criterion already has.
    func replacesEdit(adding old: String, toCriterionAt idRange: SourceRange, lines: [Substring]) -> LSP.TextEdit? {
        let idLine = idRange.start.line - 1
        guard idLine < lines.count else { return nil }
        let keyColumn =
            (lines[idLine].range(of: "id:").map {
                lines[idLine].distance(from: lines[idLine].startIndex, to: $0.lowerBound)
            }) ?? 4
        var line = idLine + 1
        while line < lines.count {
            let indentation = lines[line].prefix { $0 == " " }.count
            let trimmed = lines[line].dropFirst(indentation)
            if !trimmed.isEmpty && indentation < keyColumn { break }
            if indentation == keyColumn, trimmed.hasPrefix("replaces:"), let close = lines[line].lastIndex(of: "]") {
                let character = encoding.character(
                    ofColumn: lines[line].unicodeScalars[..<close].count + 1, inLine: lines[line])
                let at = LSP.Position(line: line, character: character)
                return LSP.TextEdit(range: LSP.Range(start: at, end: at), newText: ", \(old)")
            }
            line += 1
        }
        let at = LSP.Position(line: idLine + 1, character: 0)
        return LSP.TextEdit(
            range: LSP.Range(start: at, end: at),
            newText: String(repeating: " ", count: keyColumn) + "replaces: [\(old)]\n")
    }

    struct RenameRefused: Error {
        var message: String
    }
}
