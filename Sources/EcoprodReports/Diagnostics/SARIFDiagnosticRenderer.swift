import EcoprodFramework

/// SARIF 2.1.0, for code-scanning dashboards. One run, with a rule per code that appears; each
/// rule's metadata comes from the registry of codes, never from one diagnostic's message.
public struct SARIFDiagnosticRenderer: DiagnosticRenderer {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        let codes = Array(Set(diagnostics.map(\.code))).sorted()
        let rules = codes.map(Self.rule)
        let results: [JSONValue] = diagnostics.map { diagnostic in
            var result: [String: JSONValue] = [
                "ruleId": .string(diagnostic.code.rawValue),
                "ruleIndex": .integer(codes.firstIndex(of: diagnostic.code)!),
                "level": .string(diagnostic.severity.rawValue),
                "message": ["text": .string(diagnostic.message + (diagnostic.help.map { "\nhelp: " + $0 } ?? ""))],
                "locations": [Self.location(diagnostic.location)],
            ]
            let related = diagnostic.notes.compactMap { note -> JSONValue? in
                guard let at = note.location else { return nil }
                var location = Self.location(at).objectValue!
                location["message"] = ["text": .string(note.message)]
                return .object(location)
            }
            if !related.isEmpty { result["relatedLocations"] = .array(related) }
            return .object(result)
        }
        let log: JSONValue = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
                    "tool": [
                        "driver": [
                            "name": "ecoprod", "informationUri": "https://www.ecoprod.com", "rules": .array(rules),
                        ]
                    ],
                    "results": .array(results),
                ]
            ],
        ]
        return String(decoding: log.prettyBytes(), as: UTF8.self)
    }

    /// A `reportingDescriptor` for `code`, from the registry.
    static func rule(_ code: DiagnosticCode) -> JSONValue {
        let entry = code.entry
        return [
            "id": .string(code.rawValue),
            "shortDescription": ["text": .string(entry.title)],
            "fullDescription": ["text": .string(entry.explanation)],
            "help": ["text": .string(entry.fix)],
            "helpUri": .string(code.helpURI),
            "defaultConfiguration": ["level": .string(entry.severity.rawValue)],
        ]
    }

    static func location(_ at: SourceLocation) -> JSONValue {
        var region: [String: JSONValue] = ["startLine": .integer(at.line), "startColumn": .integer(at.column)]
        if let endLine = at.endLine, let endColumn = at.endColumn {
            region["endLine"] = .integer(endLine)
            region["endColumn"] = .integer(endColumn)
        }
        var physical: [String: JSONValue] = ["artifactLocation": ["uri": .string(at.file)]]
        if !at.isWholeFile { physical["region"] = .object(region) }
        var location: [String: JSONValue] = ["physicalLocation": .object(physical)]
        if let cell = at.cell {
            location["logicalLocations"] = [["fullyQualifiedName": .string(cell), "kind": "element"]]
        }
        return .object(location)
    }
}
