import EcoprodFramework

/// The JSON contract of DESIGN.md: `{"diagnostics": [...], "summary": {"errors": N, "warnings": N}}`.
/// Each note is an object with its `message` and, when it has one, its `file`, `line` and `column`.
public struct JSONDiagnosticRenderer: DiagnosticRenderer {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map(Self.entry)
        let document: JSONValue = [
            "diagnostics": .array(items),
            "summary": [
                "errors": .integer(diagnostics.filter { $0.severity == .error }.count),
                "warnings": .integer(diagnostics.filter { $0.severity == .warning }.count),
            ],
        ]
        return String(decoding: document.prettyBytes(), as: UTF8.self)
    }

    /// One diagnostic in the contract's entry shape; JSONL error records use it too.
    public static func entry(_ diagnostic: Diagnostic) -> JSONValue {
        var object: [String: JSONValue] = [
            "severity": .string(diagnostic.severity.rawValue),
            "code": .string(diagnostic.code.rawValue),
            "message": .string(diagnostic.message),
            "file": .string(diagnostic.location.file),
            "line": .integer(diagnostic.location.line),
            "column": .integer(diagnostic.location.column),
            "notes": .array(diagnostic.notes.map(Self.note)),
            "help": diagnostic.help.map(JSONValue.string) ?? .null,
        ]
        if let path = diagnostic.location.path { object["path"] = .string(path) }
        if let cell = diagnostic.location.cell { object["cell"] = .string(cell) }
        if let endLine = diagnostic.location.endLine, let endColumn = diagnostic.location.endColumn {
            object["end_line"] = .integer(endLine)
            object["end_column"] = .integer(endColumn)
        }
        return .object(object)
    }

    static func note(_ note: Diagnostic.Note) -> JSONValue {
        var object: [String: JSONValue] = ["message": .string(note.message)]
        if let at = note.location {
            object["file"] = .string(at.file)
            object["line"] = .integer(at.line)
            object["column"] = .integer(at.column)
        }
        return .object(object)
    }
}
