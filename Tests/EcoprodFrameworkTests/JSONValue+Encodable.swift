import Foundation

@testable import EcoprodFramework

extension JSONValue {
    /// The JSON value of any `Encodable` model type, through its Codable wire form: the oracle
    /// the direct JSON forms (`jsonValue`) are checked against.
    init<T: Encodable>(encoding value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let parsed = try? JSONParser().parse(Array(data)) else {
            preconditionFailure("model values always encode to JSON")
        }
        self = parsed
    }
}
