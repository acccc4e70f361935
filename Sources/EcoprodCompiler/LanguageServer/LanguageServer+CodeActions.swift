import EcoprodFramework
import Foundation

/// Quick fixes: each Fix-It the compiler attached to a diagnostic in the requested range becomes
/// a code action with its workspace edit.
extension LanguageServer {
    func codeActions(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let url = URL(string: uri), url.isFileURL,
              let requested = params["range"], let from = requested["start"]?["line"]?.integerValue, let to = requested["end"]?["line"]?.integerValue
        else { return [] }
        let path = url.standardizedFileURL.path
        var actions: [JSONValue] = []
        for diagnostic in lastDiagnostics where URL(fileURLWithPath: diagnostic.location.file).standardizedFileURL.path == path {
            let first = diagnostic.location.line - 1, last = (diagnostic.location.endLine ?? diagnostic.location.line) - 1
            guard last >= from, first <= to else { continue }
            for (offset, fix) in diagnostic.fixes.enumerated() {
                var changes: [String: [JSONValue]] = [:]
                for edit in fix.edits {
                    changes[URL(fileURLWithPath: edit.location.file).absoluteString, default: []].append(
                        ["range": range(of: edit.location, lines: lastLines), "newText": .string(edit.replacement)])
                }
                actions.append([
                    "title": .string(fix.title), "kind": "quickfix", "isPreferred": .bool(offset == 0 && diagnostic.fixes.count == 1),
                    "diagnostics": [lspDiagnostic(diagnostic, lines: lastLines)],
                    "edit": ["changes": .object(changes.mapValues(JSONValue.array))],
                ])
            }
        }
        return .array(actions)
    }
}
