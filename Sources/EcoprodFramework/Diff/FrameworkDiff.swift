/// The classified differences between two versions of a framework.
public struct FrameworkDiff: Sendable {
    /// One side of the diff: the framework, and its digest when it came from a bundle.
    public struct Side: Sendable {
        public var id: String
        public var version: SemanticVersion
        public var digest: String?
    }

    public var from: Side
    public var to: Side
    /// The newer version's locales, in declared order: the languages its changes can be described in.
    public var locales: [String]
    /// Every change, framework-level first, then policy, schemes, types, departments and criteria.
    public var changes: [Change]
    /// Every criterion's title, the newer version's where both have it: changes name a
    /// criterion by its ID and title.
    public var titles: [String: LocalizedText]

    /// The locale descriptions are written in: `requested` when given, else the newer version's first locale.
    public func descriptionLocale(_ requested: String?) -> String {
        requested ?? locales.first ?? "en"
    }

    /// The largest bump any change requires; nil when nothing changed.
    public var requiredBump: VersionBump? { changes.map(\.bump).max() }

    /// Compares `old` with `new`. Criteria are matched by ID in one pass over dictionaries, and
    /// through `new`'s migration rules when they lead from `old`'s version.
    /// `rules`, when given, lead from `old` to `new` across the releases between them
    /// (``ReleasePath/composedRules``); by default `new`'s own, when it follows `old` directly.
    public init(
        from old: Framework, to new: Framework, oldDigest: String? = nil, newDigest: String? = nil,
        rules composed: [MigrationRule]? = nil
    ) {
        from = Side(id: old.identity.id, version: old.identity.version, digest: oldDigest)
        to = Side(id: new.identity.id, version: new.identity.version, digest: newDigest)
        locales = new.identity.locales
        var titles = Dictionary(old.criteria.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        for criterion in new.criteria { titles[criterion.id] = criterion.title }
        self.titles = titles
        var changes: [Change] = []
        Self.compareFramework(old, new, into: &changes)
        Self.compareScoring(old.scoring, new.scoring, into: &changes)
        if old.audit != new.audit {
            if old.audit == nil, let policy = new.audit {
                changes.append(.auditPolicyAdded(policy))
            } else {
                changes.append(.auditPolicyChanged(before: old.audit, after: new.audit))
            }
        }
        Self.compareCatalog(
            old.productionTypes, new.productionTypes, added: Change.productionTypeAdded,
            removed: Change.productionTypeRemoved,
            retitled: Change.productionTypeTitleChanged, into: &changes)
        Self.compareCatalog(
            old.departments.map { CatalogEntry(id: $0.id, title: $0.title) },
            new.departments.map { CatalogEntry(id: $0.id, title: $0.title) },
            added: Change.departmentAdded, removed: Change.departmentRemoved, retitled: Change.departmentTitleChanged,
            into: &changes)
        let rules =
            composed ?? (new.lineage.previous?.version == old.identity.version ? new.lineage.rules : [])
        let sharedTypes = Set(old.productionTypes.map(\.id)).intersection(new.productionTypes.map(\.id))
        Self.compareCriteria(old.criteria, new.criteria, rules: rules, sharedTypes: sharedTypes, into: &changes)
        self.changes = changes
    }

    /// Per-locale text changes: one change per locale whose text differs.
    static func compareText(
        _ old: LocalizedText, _ new: LocalizedText, into changes: inout [Change], _ change: (Change.TextEdit) -> Change
    ) {
        for locale in Set(old.locales + new.locales).sorted() where old[locale] != new[locale] {
            changes.append(change(Change.TextEdit(locale: locale, before: old[locale], after: new[locale])))
        }
    }

    private static func compareFramework(_ old: Framework, _ new: Framework, into changes: inout [Change]) {
        compareText(old.identity.title, new.identity.title, into: &changes, Change.frameworkTitleChanged)
        for locale in new.identity.locales where !old.identity.locales.contains(locale) {
            changes.append(.localeAdded(locale))
        }
        for locale in old.identity.locales where !new.identity.locales.contains(locale) {
            changes.append(.localeRemoved(locale))
        }
        if old.identity.criterionIDPattern != new.identity.criterionIDPattern {
            changes.append(
                .idPatternChanged(before: old.identity.criterionIDPattern, after: new.identity.criterionIDPattern))
        }
        compareCatalog(
            old.identity.stages, new.identity.stages, added: Change.stageAdded, removed: Change.stageRemoved,
            retitled: Change.stageTitleChanged, into: &changes)
    }

    private static func compareScoring(_ old: ScoringPolicy, _ new: ScoringPolicy, into changes: inout [Change]) {
        if old.notApplicable != new.notApplicable {
            changes.append(.notApplicableRuleChanged(before: old.notApplicable, after: new.notApplicable))
        }
        let oldSchemes = Dictionary(old.schemes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.schemes.map(\.id))
        for scheme in old.schemes where !newIDs.contains(scheme.id) {
            changes.append(.schemeRemoved(scheme))
        }
        for scheme in new.schemes {
            guard let before = oldSchemes[scheme.id] else {
                changes.append(.schemeAdded(scheme))
                continue
            }
            compareText(before.title, scheme.title, into: &changes) { .schemeTitleChanged(scheme: scheme.id, $0) }
            if before.threshold.basisPoints != scheme.threshold.basisPoints {
                changes.append(
                    .thresholdChanged(
                        scheme: scheme.id, before: before.threshold.basisPoints, after: scheme.threshold.basisPoints))
            }
            if before.threshold.comparison != scheme.threshold.comparison {
                changes.append(
                    .comparisonChanged(
                        scheme: scheme.id, before: before.threshold.comparison, after: scheme.threshold.comparison))
            }
            if before.levels != scheme.levels {
                changes.append(.starLevelsChanged(scheme: scheme.id, before: before.levels, after: scheme.levels))
            }
        }
    }

    /// Entries of a catalogue (stages, production types, departments) added, removed or retitled.
    private static func compareCatalog(
        _ old: [CatalogEntry], _ new: [CatalogEntry], added: (CatalogEntry) -> Change,
        removed: (CatalogEntry) -> Change,
        retitled: (String, Change.TextEdit) -> Change, into changes: inout [Change]
    ) {
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(\.id))
        for entry in old where !newIDs.contains(entry.id) {
            changes.append(removed(entry))
        }
        for entry in new {
            guard let before = oldByID[entry.id] else {
                changes.append(added(entry))
                continue
            }
            compareText(before.title, entry.title, into: &changes) { retitled(entry.id, $0) }
        }
    }
}
