/// One criterion of the reference framework: an action a production takes, worth points.
public struct Criterion: Sendable, Hashable, Codable, Identifiable {
    /// The criterion's ID, matching the framework's ID pattern (for example `A1`).
    public var id: String
    /// The ID of the department ("poste d'action") the criterion belongs to.
    public var department: String
    public var title: LocalizedText
    /// What the production does to meet the criterion, for editors and productions.
    public var guidance: LocalizedText
    /// The production stages the action belongs to (IDs declared by the framework).
    public var stages: [String]
    /// The points the criterion earns when met: a positive integer, at most ``maximumPoints``.
    public var points: Int

    /// The most points one criterion may carry. Not a rule of the label: a bound that keeps
    /// every score computation (`points × 10,000`, summed over a framework) exact in 64-bit
    /// integers, so that no input can make the scorer overflow.
    public static let maximumPoints = 1_000_000
    /// Whether eligibility requires the criterion to be met, whatever the score.
    public var mandatory: Bool
    /// The production types the criterion applies to, resolved to an explicit list.
    public var appliesTo: [String]
    /// The supporting documents an AFNOR auditor expects.
    public var evidence: [LocalizedText]

    public init(
        id: String, department: String, title: LocalizedText, guidance: LocalizedText, stages: [String],
        points: Int, mandatory: Bool, appliesTo: [String], evidence: [LocalizedText]
    ) {
        self.id = id
        self.department = department
        self.title = title
        self.guidance = guidance
        self.stages = stages
        self.points = points
        self.mandatory = mandatory
        self.appliesTo = appliesTo
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case id, department, title, guidance, stages, points, mandatory, evidence
        case appliesTo = "applies_to"
    }

    /// Whether the criterion applies to a production of the given type.
    public func applies(to productionType: String) -> Bool {
        appliesTo.contains(productionType)
    }
}
