/// Reads answer sets from JSON, reporting each problem with its JSON path and position.
public struct AnswerSetDecoder: Sendable {
    public init() {}

    /// Decodes one answer-set document. `file` names it in diagnostics; `line` offsets
    /// positions for a line of a JSONL stream (1 for a whole file).
    public func decode(_ bytes: [UInt8], file: String, line: Int = 1, into diagnostics: inout DiagnosticCollector)
        -> AnswerSet?
    {
        decodeLocated(bytes, file: file, line: line, into: &diagnostics)?.answers
    }

    /// Decodes one document and returns, with it, the locator that later stages (scoring,
    /// migration) use to report problems at their JSON path.
    public func decodeLocated(
        _ bytes: [UInt8], file: String, line: Int = 1, into diagnostics: inout DiagnosticCollector
    ) -> (answers: AnswerSet, locator: JSONLocator)? {
        let value: JSONValue
        do {
            value = try JSONParser().parse(bytes)
        } catch {
            diagnostics.emit(
                Diagnostic(
                    .error, .answersSyntax, "answer set is not valid JSON: \(error.message)",
                    at: SourceLocation(file: file, line: line + error.line - 1, column: error.column),
                    help: "see Schemas/answers.schema.json"))
            return nil
        }
        let locator = JSONLocator(bytes: bytes, file: file, lineOffset: line - 1)
        return decode(value, into: &diagnostics, locate: locator.location(of:)).map { ($0, locator) }
    }

    /// Decodes an answer set already parsed; `locate` turns a JSON path into a position.
    public func decode(
        _ value: JSONValue, into diagnostics: inout DiagnosticCollector, locate: (String) -> SourceLocation
    ) -> AnswerSet? {
        var failed = false
        func problem(_ code: DiagnosticCode, _ message: String, _ path: String, help: String? = nil) {
            diagnostics.emit(
                Diagnostic(.error, code, message, at: locate(path), help: help ?? "see Schemas/answers.schema.json"))
            failed = true
        }
        func string(_ object: [String: JSONValue], _ key: String, _ path: String) -> String? {
            switch object[key] {
            case .string(let text)?: return text
            case nil: problem(.answersStructure, "\(path) is missing the member \"\(key)\"", path)
            case let other?:
                problem(
                    .answersStructure,
                    "\(JSONPath.member(key, of: path)) must be a string, found \(other.typeDescription)",
                    JSONPath.member(key, of: path))
            }
            return nil
        }
        guard var root = value.objectValue else {
            problem(.answersStructure, "an answer set must be a JSON object, found \(value.typeDescription)", "$")
            return nil
        }
        var reference: BundleReference?
        if let framework = root.removeValue(forKey: "framework") {
            if let object = framework.objectValue {
                let id = string(object, "id", "$.framework")
                let versionText = string(object, "version", "$.framework")
                let digest = string(object, "digest", "$.framework")
                let version = versionText.flatMap(SemanticVersion.init)
                if versionText != nil && version == nil {
                    problem(
                        .answersStructure, "$.framework.version '\(versionText!)' is not a semantic version",
                        "$.framework.version")
                }
                if let digest, !Self.isDigest(digest) {
                    problem(
                        .answersStructure,
                        "$.framework.digest '\(digest)' is malformed: a bundle's digest is sha256: and 64 hexadecimal digits",
                        "$.framework.digest")
                }
                if let id, let version, let digest, Self.isDigest(digest) {
                    reference = BundleReference(id: id, version: version, digest: digest)
                }
            } else {
                problem(
                    .answersStructure, "$.framework must be an object, found \(framework.typeDescription)",
                    "$.framework")
            }
        } else {
            problem(.answersStructure, "$ is missing the member \"framework\"", "$")
        }
        var production: Production?
        if let node = root.removeValue(forKey: "production") {
            if var object = node.objectValue {
                let title = string(object, "title", "$.production")
                let type = string(object, "type", "$.production")
                let scheme = string(object, "scheme", "$.production")
                for key in ["title", "type", "scheme"] { object.removeValue(forKey: key) }
                if let title, let type, let scheme {
                    production = Production(title: title, type: type, scheme: scheme, extra: object)
                }
            } else {
                problem(
                    .answersStructure, "$.production must be an object, found \(node.typeDescription)", "$.production")
            }
        } else {
            problem(.answersStructure, "$ is missing the member \"production\"", "$")
        }
        var answers: [String: Answer] = [:]
        switch root.removeValue(forKey: "answers") {
        case .object(let members)?:
            for (id, node) in members {
                let path = JSONPath.member(id, of: "$.answers")
                guard var fields = node.objectValue else {
                    problem(
                        .answersStructure, "\(path) must be an object with a status, found \(node.typeDescription)",
                        path)
                    continue
                }
                let statusNode = fields.removeValue(forKey: "status")
                guard let statusText = statusNode?.stringValue, let status = AnswerStatus(rawValue: statusText) else {
                    let found = statusNode.map { $0.stringValue.map { "'\($0)'" } ?? $0.typeDescription } ?? "nothing"
                    problem(
                        .answersStatus, "\(path).status must be met, not-met or not-applicable, found \(found)",
                        statusNode == nil ? path : path + ".status")
                    continue
                }
                if let evidence = fields["evidence"], evidence.arrayValue?.allSatisfy({ $0.stringValue != nil }) != true
                {
                    problem(.answersStructure, "\(path).evidence must be a list of strings", path + ".evidence")
                }
                for key in ["note", "justification"] {
                    if let text = fields[key], text.stringValue == nil {
                        problem(
                            .answersStructure, "\(path).\(key) must be a string, found \(text.typeDescription)",
                            path + "." + key)
                    }
                }
                answers[id] = Answer(status: status, fields: fields)
            }
        case nil:
            problem(.answersStructure, "$ is missing the member \"answers\"", "$")
        case let other?:
            problem(
                .answersStructure, "$.answers must be an object keyed by criterion ID, found \(other.typeDescription)",
                "$.answers")
        }
        var retired: [RetiredAnswer] = []
        if let node = root.removeValue(forKey: "retired") {
            for (index, item) in (node.arrayValue ?? []).enumerated() {
                let path = JSONPath.item(index, of: "$.retired")
                guard let object = item.objectValue, let id = object["id"]?.stringValue,
                    let version = object["version"]?.stringValue.flatMap(SemanticVersion.init),
                    let answer = object["answer"],
                    let reason = object["reason"]
                else {
                    problem(
                        .answersStructure, "\(path) must have an id, a version, the original answer and a reason", path)
                    continue
                }
                retired.append(RetiredAnswer(id: id, version: version, answer: answer, reason: reason))
            }
            if node.arrayValue == nil { problem(.answersStructure, "$.retired must be an array", "$.retired") }
        }
        guard !failed, let reference, let production else { return nil }
        return AnswerSet(framework: reference, production: production, answers: answers, retired: retired, extra: root)
    }

    /// Whether `text` is a bundle digest as bundles write it: `sha256:` and 64 lowercase
    /// hexadecimal digits (a digest cut short, `767d…`, is not).
    static func isDigest(_ text: String) -> Bool {
        HexDigest.isPrefixedSHA256(text)
    }
}
