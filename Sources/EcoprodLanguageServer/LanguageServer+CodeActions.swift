import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import Foundation

/// Quick fixes: each Fix-It the compiler attached to a diagnostic in the requested range becomes
/// a code action with its workspace edit.
extension LanguageServer {
    func codeActions(_ params: LSP.CodeActionParams) -> [LSP.CodeAction] {
        guard let url = URL(string: params.textDocument.uri), url.isFileURL else { return [] }
        let (from, to) = (params.range.start.line, params.range.end.line)
        let path = url.standardizedFileURL.path
        var actions: [LSP.CodeAction] = []
        let explanations = codeExplanations
        for diagnostic in lastDiagnostics
        where URL(fileURLWithPath: diagnostic.location.file).standardizedFileURL.path == path {
            let first = diagnostic.location.line - 1
            let last = (diagnostic.location.endLine ?? diagnostic.location.line) - 1
            guard last >= from, first <= to else { continue }
            for (offset, fix) in diagnostic.fixes.enumerated() {
                var changes: [String: [LSP.TextEdit]] = [:]
                for edit in fix.edits {
                    changes[URL(fileURLWithPath: edit.location.file).absoluteString, default: []].append(
                        LSP.TextEdit(range: range(of: edit.location, lines: lastLines), newText: edit.replacement))
                }
                actions.append(
                    LSP.CodeAction(
                        title: fix.title, kind: "quickfix", isPreferred: offset == 0 && diagnostic.fixes.count == 1,
                        diagnostics: [lspDiagnostic(diagnostic, lines: lastLines, explanations: explanations)],
                        edit: LSP.WorkspaceEdit(changes: changes)))
            }
        }
        return actions
    }
}
