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
    /// Every change, framework-level first, then policy, schemes, types, departments and criteria.
    public var changes: [Change]

    /// The largest bump any change requires; nil when nothing changed.
    public var requiredBump: VersionBump? { changes.map(\.bump).max() }

    /// Compares `old` with `new`. Criteria are matched by ID in one pass over dictionaries, and
    /// through `new`'s migration rules when they lead from `old`'s version.
    public init(from old: Framework, to new: Framework, oldDigest: String? = nil, newDigest: String? = nil) {
        from = Side(id: old.identity.id, version: old.identity.version, digest: oldDigest)
        to = Side(id: new.identity.id, version: new.identity.version, digest: newDigest)
        var changes: [Change] = []
        Self.compareFramework(old, new, into: &changes)
        Self.compareScoring(old.scoring, new.scoring, into: &changes)
        Self.compareCatalog(old.productionTypes, new.productionTypes, added: .productionTypeAdded, removed: .productionTypeRemoved, retitled: .productionTypeTitleChanged, field: \.productionType, into: &changes)
        Self.compareCatalog(
            old.departments.map { CatalogEntry(id: $0.id, title: $0.title) }, new.departments.map { CatalogEntry(id: $0.id, title: $0.title) },
            added: .departmentAdded, removed: .departmentRemoved, retitled: .departmentTitleChanged, field: \.department, into: &changes)
        let rules = new.lineage.previous?.version == old.identity.version ? new.lineage.rules : []
        let sharedTypes = Set(old.productionTypes.map(\.id)).intersection(new.productionTypes.map(\.id))
        Self.compareCriteria(old.criteria, new.criteria, rules: rules, sharedTypes: sharedTypes, into: &changes)
        self.changes = changes
    }

    /// Per-locale text changes: one change per locale whose text differs.
    static func compareText(_ old: LocalizedText, _ new: LocalizedText, kind: Change.Kind, template: Change, into changes: inout [Change]) {
        for locale in Set(old.locales + new.locales).sorted() where old[locale] != new[locale] {
            var change = template
            change.kind = kind
            change.locale = locale
            change.before = old[locale].map(JSONValue.string)
            change.after = new[locale].map(JSONValue.string)
            changes.append(change)
        }
    }

    private static func compareFramework(_ old: Framework, _ new: Framework, into changes: inout [Change]) {
        compareText(old.identity.title, new.identity.title, kind: .frameworkTitleChanged, template: Change(.frameworkTitleChanged), into: &changes)
        for locale in new.identity.locales where !old.identity.locales.contains(locale) {
            changes.append(Change(.localeAdded, locale: locale, after: .string(locale)))
        }
        for locale in old.identity.locales where !new.identity.locales.contains(locale) {
            changes.append(Change(.localeRemoved, locale: locale, before: .string(locale)))
        }
        if old.identity.criterionIDPattern != new.identity.criterionIDPattern {
            changes.append(Change(.idPatternChanged, before: .string(old.identity.criterionIDPattern), after: .string(new.identity.criterionIDPattern)))
        }
        compareCatalog(old.identity.stages, new.identity.stages, added: .stageAdded, removed: .stageRemoved, retitled: .stageTitleChanged, field: nil, into: &changes)
    }

    private static func compareScoring(_ old: ScoringPolicy, _ new: ScoringPolicy, into changes: inout [Change]) {
        if old.notApplicable != new.notApplicable {
            changes.append(Change(.notApplicableRuleChanged, before: JSONValue(encoding: old.notApplicable), after: JSONValue(encoding: new.notApplicable)))
        }
        let oldSchemes = Dictionary(old.schemes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.schemes.map(\.id))
        for scheme in old.schemes where !newIDs.contains(scheme.id) {
            changes.append(Change(.schemeRemoved, scheme: scheme.id, before: JSONValue(encoding: scheme)))
        }
        for scheme in new.schemes {
            guard let before = oldSchemes[scheme.id] else {
                changes.append(Change(.schemeAdded, scheme: scheme.id, after: JSONValue(encoding: scheme)))
                continue
            }
            compareText(before.title, scheme.title, kind: .schemeTitleChanged, template: Change(.schemeTitleChanged, scheme: scheme.id), into: &changes)
            if before.threshold.basisPoints != scheme.threshold.basisPoints {
                changes.append(Change(.thresholdChanged, scheme: scheme.id, before: .integer(before.threshold.basisPoints.rawValue), after: .integer(scheme.threshold.basisPoints.rawValue)))
            }
            if before.threshold.comparison != scheme.threshold.comparison {
                changes.append(Change(.comparisonChanged, scheme: scheme.id, before: .string(before.threshold.comparison.rawValue), after: .string(scheme.threshold.comparison.rawValue)))
            }
            if before.levels != scheme.levels {
                changes.append(Change(.starLevelsChanged, scheme: scheme.id, before: JSONValue(encoding: before.levels), after: JSONValue(encoding: scheme.levels)))
            }
        }
    }

    private static func compareCatalog(
        _ old: [CatalogEntry], _ new: [CatalogEntry], added: Change.Kind, removed: Change.Kind, retitled: Change.Kind,
        field: WritableKeyPath<Change, String?>?, into changes: inout [Change]
    ) {
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(\.id))
        func change(_ kind: Change.Kind, _ id: String) -> Change {
            var change = Change(kind)
            if let field { change[keyPath: field] = id }
            return change
        }
        for entry in old where !newIDs.contains(entry.id) {
            var removal = change(removed, entry.id)
            removal.before = entry.jsonValue
            changes.append(removal)
        }
        for entry in new {
            guard let before = oldByID[entry.id] else {
                var addition = change(added, entry.id)
                addition.after = entry.jsonValue
                changes.append(addition)
                continue
            }
            compareText(before.title, entry.title, kind: retitled, template: change(retitled, entry.id), into: &changes)
        }
    }
}
