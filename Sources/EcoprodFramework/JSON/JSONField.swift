/// A JSON value at a known path, typed on demand: the reader behind the bundle's hand-written
/// decoding.
///
/// `Decodable` through a generic decoder costs a process more than the work itself: every
/// container and element type is instantiated from its mangled name at run time, and each
/// first use scans the conformance tables of every loaded library (Benchmarks/README.md has
/// the figures). Reading a tree already parsed through this concrete type costs nothing of the
/// kind, and its errors carry the JSON path the diagnostics cite.
public struct JSONField: Sendable {
    /// The value read.
    public let value: JSONValue
    /// Where it sits, as steps from the root: made text only when a path is asked for.
    private let location: Location

    /// Where it sits: `$.criteria[3].points`.
    public var path: String { location.path }

    public init(_ value: JSONValue, path: String = "$") {
        self.init(value, location: .root(path))
    }

    private init(_ value: JSONValue, location: Location) {
        self.value = value
        self.location = location
    }

    /// A field's place, kept as the steps that reach it. Only an error needs the text of a
    /// path, so no text is written for the members and items that decode without one.
    fileprivate indirect enum Location: Sendable {
        case root(String)
        case member(String, of: Location)
        case item(Int, of: Location)

        var path: String {
            switch self {
            case .root(let path): return path
            case .member(let name, let parent): return JSONPath.member(name, of: parent.path)
            case .item(let index, let parent): return JSONPath.item(index, of: parent.path)
            }
        }
    }

    /// Why a value does not have the shape its reader expects, at a JSON path.
    public struct ShapeError: Error, Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// The object at `path` lacks the member.
            case missingMember(String)
            /// The value at `path` is of another type; the associated text names the expected one.
            case wrongType(expected: String)
            /// The value at `path` is null where a value of the type is needed.
            case null(expected: String)
            /// The value has the type but not a valid form (a version that is not semantic).
            case invalid(String)
        }

        public var kind: Kind
        public var path: String

        /// The sentence a diagnostic shows.
        public var message: String {
            switch kind {
            case .missingMember(let name): return "\(path) is missing the member \"\(name)\""
            case .wrongType(let expected): return "\(path) has the wrong type: expected \(expected)"
            case .null(let expected): return "\(path) is null: expected \(expected)"
            case .invalid(let reason): return "\(path): \(reason)"
            }
        }
    }

    private func mismatch(_ expected: String) -> ShapeError {
        ShapeError(kind: value == .null ? .null(expected: expected) : .wrongType(expected: expected), path: path)
    }

    /// The members of an object, each readable by name.
    public func object() throws(ShapeError) -> Members {
        guard case .object(let members) = value else { throw mismatch("an object") }
        return Members(members: members, location: location)
    }

    /// The items of an array, each with its path.
    public func array() throws(ShapeError) -> [JSONField] {
        guard case .array(let items) = value else { throw mismatch("an array") }
        return items.enumerated().map { JSONField($1, location: .item($0, of: location)) }
    }

    /// The items of an array, each typed by `read`.
    public func array<T>(_ read: (JSONField) throws(ShapeError) -> T) throws(ShapeError) -> [T] {
        guard case .array(let items) = value else { throw mismatch("an array") }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (offset, item) in items.enumerated() {
            result.append(try read(JSONField(item, location: .item(offset, of: location))))
        }
        return result
    }

    public func string() throws(ShapeError) -> String {
        guard case .string(let text) = value else { throw mismatch("a string") }
        return text
    }

    /// An exact integer: a JSON number with a fractional part or out of range is refused.
    public func integer() throws(ShapeError) -> Int {
        guard case .integer(let number) = value else { throw mismatch("an integer") }
        return number
    }

    public func bool() throws(ShapeError) -> Bool {
        guard case .bool(let flag) = value else { throw mismatch("a boolean") }
        return flag
    }

    /// An array of strings.
    public func strings() throws(ShapeError) -> [String] {
        try array { (item) throws(ShapeError) in try item.string() }
    }

    /// A string that must be one of an enumeration's raw values.
    public func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(ShapeError) -> T
    where T.RawValue == String {
        let text = try string()
        guard let found = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw ShapeError(kind: .invalid("\"\(text)\" is not one of \(allowed)"), path: path)
        }
        return found
    }

    /// An object whose members are all strings (a localized text).
    public func stringMap() throws(ShapeError) -> [String: String] {
        let members = try object()
        var result: [String: String] = [:]
        result.reserveCapacity(members.members.count)
        for (key, item) in members.members {
            guard case .string(let text) = item else {
                throw JSONField(item, location: .member(key, of: location)).mismatch("a string")
            }
            result[key] = text
        }
        return result
    }

    /// The members of one object, read by name.
    public struct Members: Sendable {
        public let members: [String: JSONValue]
        fileprivate let location: Location

        /// The object's path.
        public var path: String { location.path }

        /// A member that must be present (null counts as present, and fails its type).
        public func required(_ name: String) throws(ShapeError) -> JSONField {
            guard let found = members[name] else { throw ShapeError(kind: .missingMember(name), path: path) }
            return JSONField(found, location: .member(name, of: location))
        }

        /// A member that may be absent or null.
        public func optional(_ name: String) -> JSONField? {
            guard let found = members[name], found != .null else { return nil }
            return JSONField(found, location: .member(name, of: location))
        }
    }
}
