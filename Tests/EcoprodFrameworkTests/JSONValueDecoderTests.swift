@testable import EcoprodFramework
import Foundation
import Testing

/// The verifier types the tree it parsed instead of decoding the bytes again; the result and the
/// errors (kind and coding path) must be those `JSONDecoder` gives for the same bytes.
struct JSONValueDecoderTests {
    static func path(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not a DecodingError" }
        let context: DecodingError.Context
        let kind: String
        switch error {
        case .keyNotFound(let key, let value): (kind, context) = ("keyNotFound \(key.stringValue)", value)
        case .typeMismatch(_, let value): (kind, context) = ("typeMismatch", value)
        case .valueNotFound(_, let value): (kind, context) = ("valueNotFound", value)
        case .dataCorrupted(let value): (kind, context) = ("dataCorrupted", value)
        @unknown default: return "unknown"
        }
        return kind + " " + context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    @Test func theShippedBundleDecodesAsJSONDecoderDecodesIt() throws {
        let bytes = latestRelease.jsonValue.prettyBytes()
        let parsed = try JSONParser().parse(bytes)
        let ours = try JSONValueDecoder().decode(BundleDocument.self, from: parsed)
        let theirs = try JSONDecoder().decode(BundleDocument.self, from: Data(bytes))
        #expect(ours.model == theirs.model)
    }

    @Test(arguments: [
        ("\"points\": 4", "\"points\": \"4\""),
        ("\"points\": 4", "\"points\": null"),
        ("\"comparison\": \"at-least\"", "\"comparison\": \"over\""),
        ("\"mandatory\": true", "\"mandatory\": 1"),
        ("\"applies_to\": [", "\"applies_to\": {\"a\": 1}, \"x\": ["),
        ("\"version\": \"1.1.0\"", "\"version\": \"1.1\""),
        ("\"effect\": \"excluded\"", "\"effect\": [\"excluded\"]"),
    ])
    func errorsCarryTheSameKindAndPath(_ find: String, _ replace: String) throws {
        let text = String(decoding: latestRelease.jsonValue.prettyBytes(), as: UTF8.self)
        let range = try #require(text.range(of: find))
        let broken = Array(text.replacingCharacters(in: range, with: replace).utf8)
        let parsed = try JSONParser().parse(broken)
        var ours = "decoded", theirs = "decoded"
        do { _ = try JSONValueDecoder().decode(BundleDocument.self, from: parsed) } catch { ours = Self.path(error) }
        do { _ = try JSONDecoder().decode(BundleDocument.self, from: Data(broken)) } catch { theirs = Self.path(error) }
        #expect(ours != "decoded")
        #expect(ours == theirs)
    }
}
