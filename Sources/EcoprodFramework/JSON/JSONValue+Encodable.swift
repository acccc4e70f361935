import Foundation

extension JSONValue {
    /// The JSON value of any `Encodable` model type, through its Codable wire form.
    public init<T: Encodable>(encoding value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let parsed = try? JSONParser().parse(Array(data)) else {
            preconditionFailure("model values always encode to JSON")
        }
        self = parsed
    }
}
