/// The score of one production under one framework version (`Schemas/score.schema.json`).
public struct ScoreReport: Sendable, Hashable {
    /// Points met and applicable in one department.
    public struct DepartmentScore: Sendable, Hashable {
        /// The department ID.
        public var id: String
        /// Points met in this department.
        public var points: Int
        /// Points applicable in this department.
        public var applicablePoints: Int

        /// The department's percentage in basis points, truncated; 0 when nothing applies.
        public var basisPoints: BasisPoints { BasisPoints(met: points, of: applicablePoints) }
        /// The department's percentage as text with two decimals, truncated, like ``ScoreReport/percent``.
        public var percent: String { basisPoints.percentText }
    }

    /// The bundle the score was computed against.
    public var framework: BundleReference
    /// The production, as the answers describe it.
    public var production: Production
    /// The points met.
    public var points: Int
    /// The points of criteria that apply to the production and count under the policy.
    public var applicablePoints: Int
    /// The percentage in basis points, truncated (never rounded up past a threshold).
    public var basisPoints: BasisPoints
    /// The chosen scheme's threshold and comparison.
    public var threshold: Threshold
    /// Every applicable mandatory criterion met, and the threshold reached.
    public var eligible: Bool
    /// Stars earned; 0 when not eligible.
    public var stars: Int
    /// Applicable mandatory criteria answered met, in framework order.
    public var mandatoryMet: [String]
    /// Applicable mandatory criteria not met or unanswered: each blocks eligibility.
    public var mandatoryMissing: [String]
    /// Points still to meet to reach the threshold, with applicability as it stands.
    public var pointsNeeded: Int
    /// The breakdown per department, in department order.
    public var departments: [DepartmentScore]
    /// Applicable criteria with no answer; they count as not met.
    public var unanswered: [String]

    /// The percentage as text with two decimals, truncated: 6499.9… basis points is "64.99".
    public var percent: String { basisPoints.percentText }

    /// The report as `Schemas/score.schema.json` describes it.
    public var jsonValue: JSONValue { .object(members) }

    /// The members of ``jsonValue``: a record of a `--jsonl` stream adds its line to them.
    public var members: [String: JSONValue] {
        [
            "framework": framework.jsonValue,
            "production": [
                "title": .string(production.title), "type": .string(production.type),
                "scheme": .string(production.scheme),
            ],
            "percent": .string(percent),
            "points": .integer(points),
            "applicable_points": .integer(applicablePoints),
            "threshold": [
                "basis_points": .integer(threshold.basisPoints.rawValue),
                "comparison": .string(threshold.comparison.rawValue),
            ],
            "eligible": .bool(eligible),
            "stars": .integer(stars),
            "mandatory": [
                "met": .array(mandatoryMet.map(JSONValue.string)),
                "missing": .array(mandatoryMissing.map(JSONValue.string)),
            ],
            "points_needed": .integer(pointsNeeded),
            "departments": .array(
                departments.map { department in
                    [
                        "id": .string(department.id), "points": .integer(department.points),
                        "applicable_points": .integer(department.applicablePoints),
                        "percent": .string(department.percent),
                    ]
                }),
            "unanswered": .array(unanswered.map(JSONValue.string)),
        ]
    }
}
