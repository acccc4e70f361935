import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import Foundation

/// Completion in framework files: the keys allowed where the cursor is (the decoder's own lists),
/// the declared production types, stages and departments where one is expected, the values of
/// booleans and enumerations, and the next free criterion ID of the department.
extension LanguageServer {
    /// What the cursor is writing, read from its line and the lines above it.
    enum CompletionContext: Equatable {
        /// A key of the mapping at this indentation.
        case key(indentation: Int, isListItem: Bool)
        /// The value of `key` (inline, in a flow list, or as a block list item under it).
        case value(key: String)
    }

    static func completionContext(lines: [Substring], line: Int, prefix: Substring) -> CompletionContext {
        let indentation = prefix.prefix { $0 == " " }.count
        let rest = prefix.dropFirst(indentation)
        if let colon = rest.firstIndex(of: ":") {
            let key = rest[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "- "))
            return .value(key: key)
        }
        if rest.hasPrefix("- ") || rest == "-" {
            // A block list item: the list belongs to the nearest key above, indented less.
            for above in lines[..<line].reversed() {
                let aboveIndent = above.prefix { $0 == " " }.count
                let trimmed = above.dropFirst(aboveIndent)
                guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
                if aboveIndent < indentation || (aboveIndent == indentation && !trimmed.hasPrefix("-")) {
                    if trimmed.hasSuffix(":") {
                        return .value(
                            key: String(trimmed.dropLast()).trimmingCharacters(in: CharacterSet(charactersIn: "- ")))
                    }
                    break
                }
            }
            return .key(indentation: indentation + 2, isListItem: true)
        }
        return .key(indentation: indentation, isListItem: false)
    }

    func completion(_ params: LSP.TextDocumentPositionParams) -> [LSP.CompletionItem] {
        guard let url = URL(string: params.textDocument.uri) else { return [] }
        let (line, character) = (params.position.line, params.position.character)
        let snapshot = snapshot()
        let path =
            snapshot.lines.keys.first {
                URL(fileURLWithPath: $0).standardizedFileURL.path == url.standardizedFileURL.path
            } ?? url.path
        let lines = snapshot.lines[path] ?? []
        guard line >= 0, line < lines.count else { return [] }
        let prefix = lines[line][..<encoding.index(ofCharacter: character, inLine: lines[line])]
        let isFrameworkFile = url.lastPathComponent == "framework.yaml"
        switch Self.completionContext(lines: lines, line: line, prefix: prefix) {
        case .key(let indentation, let isListItem):
            let keys: [String]
            if isFrameworkFile {
                keys = indentation == 0 ? SourceKeys.framework : []
            } else {
                keys = indentation == 0 && !isListItem ? ["department", "criteria"] : SourceKeys.criterion
            }
            return keys.map { LSP.CompletionItem(label: $0, kind: 10, insertText: "\($0): ") }
        case .value(let key):
            return values(for: key, in: path, lines: lines, index: snapshot.index).map {
                LSP.CompletionItem(label: $0, kind: 12, insertText: $0)
            }
        }
    }

    func values(for key: String, in path: String, lines: [Substring], index: WorkspaceIndex) -> [String] {
        func declared(_ kind: WorkspaceIndex.Kind) -> [String] {
            index.occurrences.filter { $0.kind == kind && $0.isDeclaration }.map(\.id)
        }
        switch key {
        case "department": return declared(.department)
        case "stages": return declared(.stage)
        case "applies_to": return ["all"] + declared(.productionType)
        case "mandatory", "mandatory_allowed": return ["true", "false"]
        case "combine": return MigrationRule.Combination.allCases.map(\.rawValue)
        case "comparison": return Comparison.allCases.map(\.rawValue)
        case "effect": return NotApplicableRule.Effect.allCases.map(\.rawValue)
        case "id": return nextCriterionID(in: path, lines: lines, index: index).map { [$0] } ?? []
        default: return []
        }
    }

    /// The department's letter followed by one more than its highest criterion number, skipping
    /// IDs retired in any release.
    func nextCriterionID(in path: String, lines: [Substring], index: WorkspaceIndex) -> String? {
        guard
            let letter = index.occurrences.first(where: {
                $0.kind == .department && !$0.isDeclaration && $0.range.file == path
            })?.id
        else { return nil }
        let retired = Set(history.retiredIDs.keys)
        let numbers =
            index.occurrences.filter { $0.kind == .criterion && $0.isDeclaration && $0.id.hasPrefix(letter) }
            .compactMap { Int($0.id.dropFirst(letter.count)) }
            + retired.filter { $0.hasPrefix(letter) }.compactMap { Int($0.dropFirst(letter.count)) }
        return "\(letter)\((numbers.max() ?? 0) + 1)"
    }
}
