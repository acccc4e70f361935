/// One difference between two framework versions, with exactly the values that kind of change has.
///
/// Each case carries typed values (points as integers, thresholds as ``BasisPoints``, texts per
/// locale), so every switch over a change is exhaustive and checked by the compiler: a new kind
/// of change does not compile until its classification, its JSON form and its description in
/// every report are written.
public enum Change: Sendable, Hashable {
    /// A criterion a change is about, with its department when known.
    public struct CriterionRef: Sendable, Hashable {
        public var id: String
        public var department: String?

        public init(_ id: String, department: String?) {
            self.id = id
            self.department = department
        }
    }

    /// A human text that changed in one locale; nil on the side where that locale has no text.
    public struct TextEdit: Sendable, Hashable {
        public var locale: String
        public var before: String?
        public var after: String?

        public init(locale: String, before: String?, after: String?) {
            self.locale = locale
            self.before = before
            self.after = after
        }
    }

    case frameworkTitleChanged(TextEdit)
    case localeAdded(String)
    case localeRemoved(String)
    case idPatternChanged(before: String, after: String)
    case stageAdded(CatalogEntry)
    case stageRemoved(CatalogEntry)
    case stageTitleChanged(stage: String, TextEdit)
    case productionTypeAdded(CatalogEntry)
    case productionTypeRemoved(CatalogEntry)
    case productionTypeTitleChanged(type: String, TextEdit)
    case departmentAdded(CatalogEntry)
    case departmentRemoved(CatalogEntry)
    case departmentTitleChanged(department: String, TextEdit)
    case notApplicableRuleChanged(before: NotApplicableRule, after: NotApplicableRule)
    case schemeAdded(Scheme)
    case schemeRemoved(Scheme)
    case schemeTitleChanged(scheme: String, TextEdit)
    case thresholdChanged(scheme: String, before: BasisPoints, after: BasisPoints)
    case comparisonChanged(scheme: String, before: Comparison, after: Comparison)
    case starLevelsChanged(scheme: String, before: [StarLevel], after: [StarLevel])
    case criterionAdded(CriterionRef, title: LocalizedText)
    case criterionRemoved(CriterionRef, title: LocalizedText)
    case criterionRenamed(from: String, to: CriterionRef)
    case criterionSplit(from: [String], into: [String], department: String?)
    case criterionMerged(from: [String], into: [String], combine: MigrationRule.Combination?, department: String?)
    case criterionRetired(CriterionRef, title: LocalizedText?, reason: LocalizedText?)
    case pointsChanged(CriterionRef, before: Int, after: Int)
    case mandatoryChanged(CriterionRef, before: Bool, after: Bool)
    case applicabilityChanged(CriterionRef, before: [String], after: [String])
    case criterionMoved(CriterionRef, before: String, after: String)
    case stagesChanged(CriterionRef, before: [String], after: [String])
    case titleChanged(CriterionRef, TextEdit)
    case guidanceChanged(CriterionRef, TextEdit)
    case evidenceChanged(CriterionRef, locale: String, before: [String], after: [String])
    case auditPolicyAdded(AuditPolicy)
    case auditPolicyChanged(before: AuditPolicy?, after: AuditPolicy?)

    /// The kind of change: its stable name in the JSON diff, and its class.
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
        case auditPolicyAdded = "audit-policy-added"
        case auditPolicyChanged = "audit-policy-changed"
        case guidanceChanged = "guidance-changed"
        case evidenceChanged = "evidence-changed"

        /// The class each kind belongs to. The README argues each choice.
        public var changeClass: ChangeClass {
            switch self {
            case .notApplicableRuleChanged, .schemeRemoved, .thresholdChanged, .comparisonChanged, .starLevelsChanged,
                .criterionRemoved, .criterionRenamed, .criterionSplit, .criterionMerged, .criterionRetired,
                .pointsChanged, .mandatoryChanged, .applicabilityChanged, .productionTypeRemoved, .departmentRemoved,
                .auditPolicyChanged:
                return .scoring
            case .schemeAdded, .criterionAdded, .productionTypeAdded, .departmentAdded, .localeAdded, .stageAdded,
                .auditPolicyAdded:
                return .additive
            case .frameworkTitleChanged, .localeRemoved, .idPatternChanged, .stageRemoved, .stageTitleChanged,
                .productionTypeTitleChanged, .departmentTitleChanged, .schemeTitleChanged, .criterionMoved,
                .stagesChanged,
                .titleChanged, .guidanceChanged, .evidenceChanged:
                return .editorial
            }
        }

        /// Whether the kind takes something away; the changelog lists these under "Removed".
        public var isRemoval: Bool {
            switch self {
            case .criterionRemoved, .criterionRetired, .schemeRemoved, .departmentRemoved, .productionTypeRemoved,
                .stageRemoved, .localeRemoved:
                return true
            case .frameworkTitleChanged, .localeAdded, .idPatternChanged, .stageAdded, .stageTitleChanged,
                .productionTypeAdded,
                .productionTypeTitleChanged, .departmentAdded, .departmentTitleChanged, .notApplicableRuleChanged,
                .schemeAdded,
                .schemeTitleChanged, .thresholdChanged, .comparisonChanged, .starLevelsChanged, .criterionAdded,
                .criterionRenamed,
                .criterionSplit, .criterionMerged, .pointsChanged, .mandatoryChanged, .applicabilityChanged,
                .criterionMoved,
                .stagesChanged, .titleChanged, .guidanceChanged, .evidenceChanged, .auditPolicyAdded,
                .auditPolicyChanged:
                return false
            }
        }
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
