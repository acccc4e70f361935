/// A change that resolves a diagnostic, as swift-syntax's Fix-Its do: a title for people and
/// the replacements to make. The compiler attaches one where the fix is certain (a misspelt key
/// with one close match, `yes` for a boolean, `0x10` for points); the language server offers each
/// as a quick fix. Text renderers show the `help` line instead.
public struct FixIt: Sendable, Hashable, Codable {
    /// One replacement: the text at `location` (its start to its end; an empty range inserts).
    public struct Edit: Sendable, Hashable, Codable {
        public var location: SourceLocation
        public var replacement: String

        public init(_ location: SourceLocation, _ replacement: String) {
            self.location = location
            self.replacement = replacement
        }
    }

    /// What the fix does: "Replace 'yes' with 'true'".
    public var title: String
    public var edits: [Edit]

    public init(_ title: String, edits: [Edit]) {
        self.title = title
        self.edits = edits
    }

    /// The fix that replaces the text at `location` with `text`.
    public static func replacing(_ location: SourceLocation, shown: String, with text: String) -> FixIt {
        FixIt("Replace '\(shown)' with '\(text)'", edits: [Edit(location, text)])
    }
}
