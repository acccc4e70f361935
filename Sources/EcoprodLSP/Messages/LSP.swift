/// The Language Server Protocol 3.17 message types this server uses, as Codable values.
///
/// They are namespaced (`LSP.Range`, `LSP.Diagnostic`) because their protocol names collide with
/// the standard library's and with the compiler's own types. Each is the protocol's shape, with
/// only the members the server reads or writes: decoding ignores the rest, encoding leaves out
/// what is nil.
public enum LSP {
    /// A zero-based line and character offset, in the negotiated position encoding.
    public struct Position: Codable, Hashable, Sendable {
        public var line: Int
        public var character: Int

        public init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }
    }

    public struct Range: Codable, Hashable, Sendable {
        public var start: Position
        public var end: Position

        public init(start: Position, end: Position) {
            self.start = start
            self.end = end
        }
    }

    public struct Location: Codable, Hashable, Sendable {
        public var uri: String
        public var range: Range

        public init(uri: String, range: Range) {
            self.uri = uri
            self.range = range
        }
    }

    public struct TextEdit: Codable, Hashable, Sendable {
        public var range: Range
        public var newText: String

        public init(range: Range, newText: String) {
            self.range = range
            self.newText = newText
        }
    }

    /// Edits by document URI.
    public struct WorkspaceEdit: Codable, Hashable, Sendable {
        public var changes: [String: [TextEdit]]

        public init(changes: [String: [TextEdit]]) {
            self.changes = changes
        }
    }

    public struct TextDocumentIdentifier: Codable, Hashable, Sendable {
        public var uri: String

        public init(uri: String) {
            self.uri = uri
        }
    }

    public struct VersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
        public var uri: String
        public var version: Int?
    }

    public struct TextDocumentItem: Codable, Hashable, Sendable {
        public var uri: String
        public var languageId: String?
        public var version: Int?
        public var text: String
    }

    /// A whole new text (no range), or a range replaced.
    public struct TextDocumentContentChangeEvent: Codable, Hashable, Sendable {
        public var range: Range?
        public var text: String

        public init(range: Range? = nil, text: String) {
            self.range = range
            self.text = text
        }
    }

    public struct DidOpenTextDocumentParams: Codable, Sendable {
        public var textDocument: TextDocumentItem
    }

    public struct DidChangeTextDocumentParams: Codable, Sendable {
        public var textDocument: VersionedTextDocumentIdentifier
        public var contentChanges: [TextDocumentContentChangeEvent]
    }

    public struct DidCloseTextDocumentParams: Codable, Sendable {
        public var textDocument: TextDocumentIdentifier
    }

    /// A document and a position in it: hover, definition, completion, prepare-rename.
    public struct TextDocumentPositionParams: Codable, Sendable {
        public var textDocument: TextDocumentIdentifier
        public var position: Position

        public init(textDocument: TextDocumentIdentifier, position: Position) {
            self.textDocument = textDocument
            self.position = position
        }
    }

    public struct ReferenceParams: Codable, Sendable {
        public struct Context: Codable, Sendable {
            public var includeDeclaration: Bool
        }

        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public var context: Context?
    }

    public struct RenameParams: Codable, Sendable {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public var newName: String
    }

    public struct CodeActionParams: Codable, Sendable {
        public var textDocument: TextDocumentIdentifier
        public var range: Range
    }

    public struct DocumentSymbolParams: Codable, Sendable {
        public var textDocument: TextDocumentIdentifier
    }
}
