import EcoprodFramework

/// A signed JSON document (a score statement, an audit plan, a certificate) read into its type,
/// every refusal placed: a syntax error at its line and column, a shape error at the line and
/// column of its JSON path. One reading for all three, so their messages agree.
enum JSONDocumentReading {
    static func read<Document>(
        _ bytes: [UInt8], file: String, into diagnostics: inout DiagnosticCollector,
        malformed: (String, SourceLocation) -> Diagnostic,
        as decode: (JSONField) throws(JSONField.ShapeError) -> Document
    ) -> Document? {
        let value: JSONValue
        do {
            value = try JSONParser().parse(bytes)
        } catch let error as JSONParser.SyntaxError {
            diagnostics.emit(
                malformed(
                    "not valid JSON: \(error.message)",
                    SourceLocation(file: file, line: error.line, column: error.column)
                ))
            return nil
        } catch {
            diagnostics.emit(malformed("not valid JSON: \(error)", .file(file)))
            return nil
        }
        do {
            return try decode(JSONField(value))
        } catch {
            diagnostics.emit(malformed(error.message, JSONLocator(bytes: bytes, file: file).location(of: error.path)))
            return nil
        }
    }
}
