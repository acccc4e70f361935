import Foundation
import Testing

@testable import EcoprodFramework

/// The verifier reads bundles through ``JSONField`` rather than `Decodable`. The `Codable`
/// conformances, decoded by Foundation's `JSONDecoder`, are the reference: the model read, and
/// the kind and JSON path of every error, must be theirs.
struct FrameworkBundleDecodingTests {
    /// `kind path` of a reference error, its coding path written as our JSON paths.
    static func reference(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not a DecodingError" }
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce("$") { partial, key in
                key.intValue.map { JSONPath.item($0, of: partial) } ?? JSONPath.member(key.stringValue, of: partial)
            }
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(key.stringValue) \(path(context.codingPath))"
        case .typeMismatch(_, let context): return "wrongType \(path(context.codingPath))"
        case .valueNotFound(_, let context): return "null \(path(context.codingPath))"
        case .dataCorrupted(let context): return "invalid \(path(context.codingPath))"
        @unknown default: return "unknown"
        }
    }

    static func ours(_ error: JSONField.ShapeError) -> String {
        switch error.kind {
        case .missingMember(let name): return "missing \(name) \(error.path)"
        case .wrongType: return "wrongType \(error.path)"
        case .null: return "null \(error.path)"
        case .invalid: return "invalid \(error.path)"
        }
    }

    @Test func theShippedBundleReadsAsJSONDecoderReadsIt() throws {
        let bytes = latestRelease.jsonValue.prettyBytes()
        let ours = try FrameworkBundle.decodeFramework(from: JSONField(try JSONParser().parse(bytes)))
        let theirs = try JSONDecoder().decode(BundleDocument.self, from: Data(bytes)).model
        #expect(ours == theirs)
        #expect(ours == latestRelease.framework)
    }

    @Test func aLineageWithRulesOfEveryKindReadsAsJSONDecoderReadsIt() throws {
        var framework = latestRelease.framework
        framework.lineage = Lineage(
            previous: ReleaseReference(
                version: SemanticVersion("1.0.0-rc.1")!, digest: "sha256:" + String(repeating: "b", count: 64)),
            rules: [
                MigrationRule(kind: .rename, from: ["A1"], to: ["A9"]),
                MigrationRule(kind: .merge, from: ["B1", "B2"], to: ["B1"], combine: .anyMet),
                MigrationRule(
                    kind: .retire, from: ["C3"], to: [],
                    reason: LocalizedText(["fr": "plus utile", "en": "no longer useful"])),
            ])
        framework.identity.released = "2026-11-29"
        let bytes = FrameworkBundle(framework: framework).fileBytes()
        let ours = try FrameworkBundle.decodeFramework(from: JSONField(try JSONParser().parse(bytes)))
        #expect(ours == framework)
        #expect(ours == (try JSONDecoder().decode(BundleDocument.self, from: Data(bytes)).model))
    }

    @Test(arguments: [
        ("\"points\": 4", "\"points\": \"4\""),
        ("\"points\": 4", "\"points\": null"),
        ("\"points\": 4", "\"pts\": 4"),
        ("\"comparison\": \"at-least\"", "\"comparison\": \"over\""),
        ("\"mandatory\": true", "\"mandatory\": 1"),
        ("\"applies_to\": [", "\"applies_to\": {\"a\": 1}, \"x\": ["),
        ("\"version\": \"1.1.0\"", "\"version\": \"1.1\""),
        ("\"effect\": \"excluded\"", "\"effect\": [\"excluded\"]"),
        ("\"fr\": \"Production", "\"fr\": 7, \"x\": \"Production"),
        ("\"criteria\": [", "\"criteria\": null, \"x\": ["),
    ])
    func errorsHaveTheReferenceKindAndPath(_ find: String, _ replace: String) throws {
        let text = String(decoding: latestRelease.jsonValue.prettyBytes(), as: UTF8.self)
        let range = try #require(text.range(of: find))
        let broken = Array(text.replacingCharacters(in: range, with: replace).utf8)
        var ours = "decoded"
        var theirs = "decoded"
        do { _ = try FrameworkBundle.decodeFramework(from: JSONField(try JSONParser().parse(broken))) } catch let error
            as JSONField.ShapeError
        {
            ours = Self.ours(error)
        }
        do { _ = try JSONDecoder().decode(BundleDocument.self, from: Data(broken)) } catch {
            theirs = Self.reference(error)
        }
        #expect(ours != "decoded")
        #expect(ours == theirs)
    }

    @Test(arguments: [
        (
            JSONField.ShapeError(kind: .missingMember("points"), path: "$.criteria[0]"),
            "$.criteria[0] is missing the member \"points\""
        ),
        (
            JSONField.ShapeError(kind: .wrongType(expected: "an integer"), path: "$.criteria[0].points"),
            "$.criteria[0].points has the wrong type: expected an integer"
        ),
        (JSONField.ShapeError(kind: .null(expected: "a boolean"), path: "$.x"), "$.x is null: expected a boolean"),
        (
            JSONField.ShapeError(
                kind: .invalid("'1.1' is not a semantic version (MAJOR.MINOR.PATCH)"), path: "$.framework.version"),
            "$.framework.version: '1.1' is not a semantic version (MAJOR.MINOR.PATCH)"
        ),
    ])
    func messagesNameThePathAndTheExpectation(_ error: JSONField.ShapeError, _ message: String) {
        #expect(error.message == message)
    }

    /// Foundation reports a fraction where an integer is due at the document's root; the
    /// reading here names the member.
    @Test func aFractionWherePointsAreDueIsAWrongTypeAtItsMember() throws {
        let text = String(decoding: latestRelease.jsonValue.prettyBytes(), as: UTF8.self)
        let range = try #require(text.range(of: "\"points\": 4"))
        let broken = Array(text.replacingCharacters(in: range, with: "\"points\": 4.5").utf8)
        #expect(throws: JSONField.ShapeError(kind: .wrongType(expected: "an integer"), path: "$.criteria[0].points")) {
            _ = try FrameworkBundle.decodeFramework(from: JSONField(try JSONParser().parse(broken)))
        }
    }

    @Test func anUnknownEnumerationValueListsTheAllowedOnes() throws {
        let field = JSONField(.string("over"), path: "$.scoring.schemes[0].threshold.comparison")
        #expect(
            throws: JSONField.ShapeError(kind: .invalid("\"over\" is not one of at-least, more-than"), path: field.path)
        ) {
            _ = try field.oneOf(Comparison.self)
        }
    }
}
