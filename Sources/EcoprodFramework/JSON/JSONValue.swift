/// A JSON value, as the bundle codec and the answer sets use it.
///
/// Integers are kept apart from other numbers: a bundle holds integers only, so that any
/// language can reproduce its canonical form. Objects keep their members in a dictionary,
/// because both canonical and pretty output sort them.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// An integer the tool may interpret: it round-trips exactly through an IEEE 754 double
    /// (|n| ≤ 2^53) and is written in plain decimal form. Points and basis points are read only
    /// from these, with their bounds.
    case integer(Int)
    /// Any other number (a decimal, an exponent, an integer beyond 2^53, `-0`): never interpreted,
    /// kept as its source text and written back exactly so, except in the canonical form.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The largest integer every JSON reader represents exactly (2^53).
    public static let maxExactInteger = 9_007_199_254_740_992

    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var integerValue: Int? {
        if case .integer(let number) = self { return number }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The JSON type name, for messages: "an object", "a string", …
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .number: return "a non-integer number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Reads a member of an object; nil for a missing member or a non-object.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
