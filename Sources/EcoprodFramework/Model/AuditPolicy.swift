/// How many of a production's claims the auditor checks against its evidence, and which: a
/// rule of the framework like its thresholds, written in `framework.yaml`, carried in the
/// bundle and classified by `diff`, so that no Swift code holds a sample size.
///
/// The label's working values follow IAF MD 1's square root: every mandatory claim, then
/// `ceil(sqrt(n))` of the other `n` claims, at least 3, and at least one in each department
/// that has any.
public struct AuditPolicy: Sendable, Hashable, Codable {
    /// Whether mandatory claims are all audited or drawn like the others.
    public enum MandatoryClaims: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every mandatory claim is in the sample.
        case all
        /// Mandatory claims are drawn with the others.
        case draw
    }

    /// How many of the other claims the draw takes, before the minimum.
    public enum SampleSize: Sendable, Hashable, Codable {
        /// `ceil(sqrt(n))` of the `n` claims drawn from.
        case ceilSquareRoot
        /// A fixed number.
        case count(Int)

        /// The number for `n` claims, exactly: the smallest `k` with `k × k ≥ n`.
        public func size(of claims: Int) -> Int {
            switch self {
            case .ceilSquareRoot:
                var root = 0
                while root * root < claims { root += 1 }
                return root
            case .count(let count): return count
            }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let count = try? container.decode(Int.self) {
                self = .count(count)
            } else if try container.decode(String.self) == "ceil-sqrt" {
                self = .ceilSquareRoot
            } else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected \"ceil-sqrt\" or a whole number")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .ceilSquareRoot: try container.encode("ceil-sqrt")
            case .count(let count): try container.encode(count)
            }
        }

        public var jsonValue: JSONValue {
            switch self {
            case .ceilSquareRoot: return .string("ceil-sqrt")
            case .count(let count): return .integer(count)
            }
        }
    }

    public var mandatory: MandatoryClaims
    public var size: SampleSize
    /// The fewest claims drawn (when that many exist).
    public var minimum: Int
    /// Claims drawn from each department that has any to draw.
    public var perDepartment: Int

    public init(mandatory: MandatoryClaims, size: SampleSize, minimum: Int, perDepartment: Int) {
        self.mandatory = mandatory
        self.size = size
        self.minimum = minimum
        self.perDepartment = perDepartment
    }

    enum CodingKeys: String, CodingKey {
        case mandatory, size, minimum
        case perDepartment = "per_department"
    }

    /// How many claims the draw takes from `n`: the size, at least the minimum, at most `n`.
    public func drawCount(of claims: Int) -> Int {
        min(claims, max(minimum, size.size(of: claims)))
    }

    /// The policy in words: "every mandatory claim, then ⌈√n⌉ of the others, at least 3, 1 per department".
    public func summary(french: Bool) -> String {
        let size: String
        switch self.size {
        case .ceilSquareRoot: size = "⌈√n⌉"
        case .count(let count): size = String(count)
        }
        let mandatoryPart: String
        switch mandatory {
        case .all: mandatoryPart = french ? "tous les critères obligatoires, puis " : "every mandatory claim, then "
        case .draw: mandatoryPart = ""
        }
        return french
            ? "\(mandatoryPart)\(size) des \(mandatory == .all ? "autres " : "")critères déclarés, au moins \(minimum), \(perDepartment) par poste"
            : "\(mandatoryPart)\(size) of the \(mandatory == .all ? "other " : "")claims, at least \(minimum), \(perDepartment) per department"
    }

    public var jsonValue: JSONValue {
        [
            "mandatory": .string(mandatory.rawValue), "size": size.jsonValue, "minimum": .integer(minimum),
            "per_department": .integer(perDepartment),
        ]
    }

    init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try json.object()
        let sizeField = try members.required("size")
        let size: SampleSize
        if case .integer(let count) = sizeField.value {
            size = .count(count)
        } else if try sizeField.string() == "ceil-sqrt" {
            size = .ceilSquareRoot
        } else {
            throw JSONField.ShapeError(kind: .invalid("size is \"ceil-sqrt\" or a whole number"), path: sizeField.path)
        }
        self.init(
            mandatory: try members.required("mandatory").oneOf(MandatoryClaims.self), size: size,
            minimum: try members.required("minimum").integer(),
            perDepartment: try members.required("per_department").integer())
    }
}
