/// One difference between two framework versions, classified by what it does to scores.
public struct Change: Sendable, Hashable {
    /// What changed. Raw values are stable: they are the `kind` of the JSON diff.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case frameworkTitleChanged = "framework-title-changed"
        case localeAdded = "locale-added"
        case localeRemoved = "locale-removed"
        case idPatternChanged = "id-pattern-changed"
        case stageAdded = "stage-added"
        case stageRemoved = "stage-removed"
        case stageTitleChanged = "stage-title-changed"
        case productionTypeAdded = "production-type-added"
        case productionTypeRemoved = "production-type-removed"
        case productionTypeTitleChanged = "production-type-title-changed"
        case departmentAdded = "department-added"
        case departmentRemoved = "department-removed"
        case departmentTitleChanged = "department-title-changed"
        case notApplicableRuleChanged = "not-applicable-rule-changed"
        case schemeAdded = "scheme-added"
        case schemeRemoved = "scheme-removed"
        case schemeTitleChanged = "scheme-title-changed"
        case thresholdChanged = "threshold-changed"
        case comparisonChanged = "comparison-changed"
        case starLevelsChanged = "star-levels-changed"
        case criterionAdded = "criterion-added"
        case criterionRemoved = "criterion-removed"
        case criterionRenamed = "criterion-renamed"
        case criterionSplit = "criterion-split"
        case criterionMerged = "criterion-merged"
        case criterionRetired = "criterion-retired"
        case pointsChanged = "points-changed"
        case mandatoryChanged = "mandatory-changed"
        case applicabilityChanged = "applicability-changed"
        case criterionMoved = "criterion-moved"
        case stagesChanged = "stages-changed"
        case titleChanged = "title-changed"
        case guidanceChanged = "guidance-changed"
        case evidenceChanged = "evidence-changed"

        /// The class each kind belongs to. The README argues each choice.
        public var changeClass: ChangeClass {
            switch self {
            case .notApplicableRuleChanged, .schemeRemoved, .thresholdChanged, .comparisonChanged, .starLevelsChanged,
                .criterionRemoved, .criterionRenamed, .criterionSplit, .criterionMerged, .criterionRetired,
                .pointsChanged, .mandatoryChanged, .applicabilityChanged, .productionTypeRemoved, .departmentRemoved:
                return .scoring
            case .schemeAdded, .criterionAdded, .productionTypeAdded, .departmentAdded, .localeAdded, .stageAdded:
                return .additive
            case .frameworkTitleChanged, .localeRemoved, .idPatternChanged, .stageRemoved, .stageTitleChanged,
                .productionTypeTitleChanged, .departmentTitleChanged, .schemeTitleChanged, .criterionMoved, .stagesChanged,
                .titleChanged, .guidanceChanged, .evidenceChanged:
                return .editorial
            }
        }
    }

    public var kind: Kind
    /// The criterion concerned (for renames, the new ID; `before`/`after` carry both).
    public var criterion: String?
    public var department: String?
    public var scheme: String?
    public var productionType: String?
    /// For editorial text changes: the one locale that changed.
    public var locale: String?
    public var before: JSONValue?
    public var after: JSONValue?

    public init(
        _ kind: Kind, criterion: String? = nil, department: String? = nil, scheme: String? = nil, productionType: String? = nil,
        locale: String? = nil, before: JSONValue? = nil, after: JSONValue? = nil
    ) {
        self.kind = kind
        self.criterion = criterion
        self.department = department
        self.scheme = scheme
        self.productionType = productionType
        self.locale = locale
        self.before = before
        self.after = after
    }

    public var changeClass: ChangeClass { kind.changeClass }
    public var bump: VersionBump { changeClass.bump }
}

/// How a change can affect a production.
public enum ChangeClass: String, Sendable, Hashable, CaseIterable, Comparable {
    /// It can change some production's score or eligibility, or its answers need migrating.
    case scoring
    /// It adds something older answers have simply not answered yet.
    case additive
    /// Text only.
    case editorial

    /// The semver bump the class requires.
    public var bump: VersionBump {
        switch self {
        case .scoring: return .major
        case .additive: return .minor
        case .editorial: return .patch
        }
    }

    public static func < (lhs: ChangeClass, rhs: ChangeClass) -> Bool { lhs.bump > rhs.bump }
}

/// A semver bump, ordered patch < minor < major.
public enum VersionBump: String, Sendable, Hashable, CaseIterable, Comparable {
    case patch, minor, major

    private var rank: Int {
        switch self {
        case .patch: return 0
        case .minor: return 1
        case .major: return 2
        }
    }

    public static func < (lhs: VersionBump, rhs: VersionBump) -> Bool { lhs.rank < rhs.rank }

    /// The smallest version after `version` that this bump allows.
    public func minimumVersion(after version: SemanticVersion) -> SemanticVersion {
        switch self {
        case .major: return SemanticVersion(major: version.major + 1, minor: 0, patch: 0)
        case .minor: return SemanticVersion(major: version.major, minor: version.minor + 1, patch: 0)
        case .patch: return SemanticVersion(major: version.major, minor: version.minor, patch: version.patch + 1)
        }
    }
}
