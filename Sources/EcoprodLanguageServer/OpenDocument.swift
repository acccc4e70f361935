import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import Foundation

/// How LSP positions count characters within a line: UTF-16 code units (the protocol's default)
/// or Unicode scalars (`utf-32`, which a client may offer and the diagnostics use natively).
public enum PositionEncoding: String, Sendable {
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The LSP character offset (0-based) of a 1-based column counted in Unicode scalars.
    func character(ofColumn column: Int, inLine line: Substring) -> Int {
        let scalars = line.unicodeScalars.prefix(max(0, column - 1))
        switch self {
        case .utf32: return scalars.count
        case .utf16: return scalars.reduce(0) { $0 + UTF16.width($1) }
        }
    }

    /// The index in `line` of an LSP character offset; past the end is the end.
    func index(ofCharacter character: Int, inLine line: Substring) -> Substring.Index {
        var remaining = character
        var index = line.startIndex
        for scalar in line.unicodeScalars {
            let width = self == .utf16 ? UTF16.width(scalar) : 1
            if remaining < width { break }
            remaining -= width
            index = line.unicodeScalars.index(after: index)
        }
        return index
    }
}

/// A file the editor has open: its text as the editor has it, which may differ from the disk.
public struct OpenDocument: Sendable {
    public var uri: String
    public var version: Int
    public private(set) var text: String

    public init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.text = text
    }

    /// Why a change could not be applied.
    public struct InvalidChange: Error {
        public var message: String
    }

    /// Applies one `TextDocumentContentChangeEvent`: a whole new text, or a range replaced.
    public mutating func apply(_ change: LSP.TextDocumentContentChangeEvent, encoding: PositionEncoding)
        throws(InvalidChange)
    {
        guard let range = change.range else {
            text = change.text
            return
        }
        guard let from = index(of: range.start, encoding: encoding), let to = index(of: range.end, encoding: encoding),
            from <= to
        else {
            throw InvalidChange(message: "a change whose range is not inside the document")
        }
        text.unicodeScalars.replaceSubrange(from..<to, with: change.text.unicodeScalars)
    }

    /// The index of an LSP position; a line past the end is the end of the text.
    func index(of position: LSP.Position, encoding: PositionEncoding) -> String.Index? {
        let (line, character) = (position.line, position.character)
        guard line >= 0, character >= 0 else { return nil }
        // Lines are split on U+000A scalars: a CRLF is one Character in Swift, but two scalars.
        let scalars = text.unicodeScalars
        var lineStart = scalars.startIndex
        for _ in 0..<line {
            guard let newline = scalars[lineStart...].firstIndex(of: "\n") else { return text.endIndex }
            lineStart = scalars.index(after: newline)
        }
        var lineEnd = scalars[lineStart...].firstIndex(of: "\n") ?? scalars.endIndex
        if lineEnd > lineStart, scalars[scalars.index(before: lineEnd)] == "\r" {
            lineEnd = scalars.index(before: lineEnd)
        }
        return encoding.index(ofCharacter: character, inLine: text[lineStart..<lineEnd])
    }
}
