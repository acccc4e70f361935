/// A compiled reference framework: everything a scorer needs, and nothing about YAML.
///
/// The compiler builds it from `Framework/` sources; the bundle codec reads it from a frozen
/// bundle. Criteria are in framework order: department order, then file order.
public struct Framework: Sendable, Hashable {
    /// ID, version, titles, locales, ID pattern and stages.
    public var identity: FrameworkIdentity
    /// Departments in published order.
    public var departments: [Department]
    /// Criteria in framework order: department order, then file order.
    public var criteria: [Criterion]
    /// The production types criteria apply to.
    public var productionTypes: [CatalogEntry]
    /// Schemes, thresholds, star levels and the not-applicable rule.
    public var scoring: ScoringPolicy
    /// The previous release and the migration rules from it.
    public var lineage: Lineage
    /// Which claims an audit checks; nil in releases made before the label wrote one down.
    public var audit: AuditPolicy?

    public init(
        identity: FrameworkIdentity, departments: [Department], criteria: [Criterion],
        productionTypes: [CatalogEntry], scoring: ScoringPolicy, lineage: Lineage, audit: AuditPolicy? = nil
    ) {
        self.audit = audit
        self.identity = identity
        self.departments = departments
        self.criteria = criteria
        self.productionTypes = productionTypes
        self.scoring = scoring
        self.lineage = lineage
    }

    /// The number of mandatory criteria.
    public var mandatoryCount: Int { criteria.lazy.filter(\.mandatory).count }

    /// The sum of all criteria's points.
    public var totalPoints: Int { criteria.reduce(0) { $0 + $1.points } }
}

/// Who a framework is: its ID, version, titles, locales and the rules its sources follow.
public struct FrameworkIdentity: Sendable, Hashable, Codable {
    /// A stable ID, such as `ecoprod-label`; bundle file names start with it.
    public var id: String
    public var version: SemanticVersion
    public var title: LocalizedText
    /// The locales every human text is given in, in declared order.
    public var locales: [String]
    /// The regular expression every criterion ID matches.
    public var criterionIDPattern: String
    /// The production stages criteria refer to.
    public var stages: [CatalogEntry]
    /// The release date (`YYYY-MM-DD`), only when given by `--date` or `SOURCE_DATE_EPOCH`.
    /// It is inside the digest: a bundle states when it was released.
    public var released: String?

    public init(
        id: String, version: SemanticVersion, title: LocalizedText, locales: [String],
        criterionIDPattern: String, stages: [CatalogEntry], released: String? = nil
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.locales = locales
        self.criterionIDPattern = criterionIDPattern
        self.stages = stages
        self.released = released
    }

    enum CodingKeys: String, CodingKey {
        case id, version, title, locales, stages, released
        case criterionIDPattern = "criterion_id_pattern"
    }
}
