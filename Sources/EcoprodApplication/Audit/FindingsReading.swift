import EcoprodCompiler
import EcoprodFramework
import StrictYAML

/// The auditor's findings, read strictly from JSON or YAML (the first `{` decides), every
/// problem at its file, line and column: the same reading for both, through one JSON tree and
/// the place of each of its paths.
enum FindingsReading {
    static func read(_ bytes: [UInt8], file: String, into diagnostics: inout DiagnosticCollector) -> AuditFindings? {
        let isJSON = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "{")
        let tree: JSONValue
        let locate: (String) -> SourceLocation
        if isJSON {
            do {
                tree = try JSONParser().parse(bytes)
            } catch let error as JSONParser.SyntaxError {
                diagnostics.emit(
                    .findingsMalformed(
                        "not valid JSON: \(error.message)",
                        at: SourceLocation(file: file, line: error.line, column: error.column)))
                return nil
            } catch {
                diagnostics.emit(.findingsMalformed("not valid JSON: \(error)", at: .file(file)))
                return nil
            }
            let locator = JSONLocator(bytes: bytes, file: file)
            locate = locator.location(of:)
        } else {
            let read = YAMLReader().read(bytes, file: file)
            diagnostics.emit(contentsOf: read.problems.map(Diagnostic.yaml))
            guard read.problems.isEmpty, let root = read.root else {
                if read.problems.isEmpty { diagnostics.emit(.findingsMalformed("the file is empty", at: .file(file))) }
                return nil
            }
            var places: [String: SourceLocation] = [:]
            tree = Self.value(of: root, path: "$", file: file, places: &places)
            locate = { path in
                var probe = path
                while places[probe] == nil, let cut = probe.lastIndex(where: { $0 == "." || $0 == "[" }) {
                    probe = String(probe[..<cut])
                }
                var found = places[probe] ?? SourceLocation(file: file, line: 1, column: 1)
                found.path = path
                return found
            }
        }
        do {
            return try AuditFindings(json: JSONField(tree))
        } catch {
            diagnostics.emit(.findingsMalformed(error.message, at: locate(error.path)))
            return nil
        }
    }

    /// A YAML node as JSON: scalars are strings (the findings hold only text); each path's
    /// place recorded.
    private static func value(
        of node: YAMLNode, path: String, file: String, places: inout [String: SourceLocation]
    ) -> JSONValue {
        places[path] = SourceLocation(file: file, line: node.range.start.line, column: node.range.start.column)
        switch node.kind {
        case .scalar(let scalar): return scalar.isNull ? .null : .string(scalar.value)
        case .sequence(let items):
            return .array(
                items.enumerated().map {
                    value(of: $0.element, path: JSONPath.item($0.offset, of: path), file: file, places: &places)
                })
        case .mapping(let entries):
            var members: [String: JSONValue] = [:]
            for entry in entries {
                members[entry.keyText] = value(
                    of: entry.value, path: JSONPath.member(entry.keyText, of: path), file: file, places: &places)
            }
            return .object(members)
        }
    }
}

extension Diagnostic {
    static func findingsMalformed(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .findingsMalformed, "the findings \(message)", at: location,
            help: "fill in the template `ecoprod audit plan` wrote: per sampled criterion, an outcome and a note")
    }
}
