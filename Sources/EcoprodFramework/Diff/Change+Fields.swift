/// What each change is about, and its `before` and `after` in the JSON diff's contract
/// (`Schemas/diff.schema.json`).
extension Change {
    public var kind: Kind {
        switch self {
        case .frameworkTitleChanged: return .frameworkTitleChanged
        case .localeAdded: return .localeAdded
        case .localeRemoved: return .localeRemoved
        case .idPatternChanged: return .idPatternChanged
        case .stageAdded: return .stageAdded
        case .stageRemoved: return .stageRemoved
        case .stageTitleChanged: return .stageTitleChanged
        case .productionTypeAdded: return .productionTypeAdded
        case .productionTypeRemoved: return .productionTypeRemoved
        case .productionTypeTitleChanged: return .productionTypeTitleChanged
        case .departmentAdded: return .departmentAdded
        case .departmentRemoved: return .departmentRemoved
        case .departmentTitleChanged: return .departmentTitleChanged
        case .notApplicableRuleChanged: return .notApplicableRuleChanged
        case .schemeAdded: return .schemeAdded
        case .schemeRemoved: return .schemeRemoved
        case .schemeTitleChanged: return .schemeTitleChanged
        case .thresholdChanged: return .thresholdChanged
        case .comparisonChanged: return .comparisonChanged
        case .starLevelsChanged: return .starLevelsChanged
        case .criterionAdded: return .criterionAdded
        case .criterionRemoved: return .criterionRemoved
        case .criterionRenamed: return .criterionRenamed
        case .criterionSplit: return .criterionSplit
        case .criterionMerged: return .criterionMerged
        case .criterionRetired: return .criterionRetired
        case .pointsChanged: return .pointsChanged
        case .mandatoryChanged: return .mandatoryChanged
        case .applicabilityChanged: return .applicabilityChanged
        case .criterionMoved: return .criterionMoved
        case .stagesChanged: return .stagesChanged
        case .titleChanged: return .titleChanged
        case .guidanceChanged: return .guidanceChanged
        case .evidenceChanged: return .evidenceChanged
        case .auditPolicyAdded: return .auditPolicyAdded
        case .auditPolicyChanged: return .auditPolicyChanged
        }
    }

    /// The criterion concerned (for renames the new ID, for splits the old one, for merges the new one).
    public var criterion: String? { subjects.criterion }
    /// The department concerned: the criterion's, or the department added, removed or retitled.
    public var department: String? { subjects.department }
    /// The scheme concerned.
    public var scheme: String? { subjects.scheme }
    /// The production type concerned.
    public var productionType: String? { subjects.productionType }
    /// The one locale a text change or a locale change is about.
    public var locale: String? { subjects.locale }

    /// What a change is about, named by the JSON diff's `criterion`, `department`, `scheme`,
    /// `production_type` and `locale` members.
    struct Subjects {
        var criterion: String?
        var department: String?
        var scheme: String?
        var productionType: String?
        var locale: String?
    }

    var subjects: Subjects {
        switch self {
        case .frameworkTitleChanged(let edit), .stageTitleChanged(_, let edit): return Subjects(locale: edit.locale)
        case .localeAdded(let locale), .localeRemoved(let locale): return Subjects(locale: locale)
        case .idPatternChanged, .stageAdded, .stageRemoved, .notApplicableRuleChanged, .auditPolicyAdded,
            .auditPolicyChanged:
            return Subjects()
        case .productionTypeAdded(let entry), .productionTypeRemoved(let entry):
            return Subjects(productionType: entry.id)
        case .productionTypeTitleChanged(let type, let edit): return Subjects(productionType: type, locale: edit.locale)
        case .departmentAdded(let entry), .departmentRemoved(let entry): return Subjects(department: entry.id)
        case .departmentTitleChanged(let department, let edit):
            return Subjects(department: department, locale: edit.locale)
        case .schemeAdded(let scheme), .schemeRemoved(let scheme): return Subjects(scheme: scheme.id)
        case .schemeTitleChanged(let scheme, let edit): return Subjects(scheme: scheme, locale: edit.locale)
        case .thresholdChanged(let scheme, _, _), .comparisonChanged(let scheme, _, _),
            .starLevelsChanged(let scheme, _, _):
            return Subjects(scheme: scheme)
        case .criterionAdded(let ref, _), .criterionRemoved(let ref, _), .criterionRetired(let ref, _, _),
            .criterionRenamed(_, let ref),
            .pointsChanged(let ref, _, _), .mandatoryChanged(let ref, _, _), .applicabilityChanged(let ref, _, _),
            .criterionMoved(let ref, _, _), .stagesChanged(let ref, _, _):
            return Subjects(criterion: ref.id, department: ref.department)
        case .titleChanged(let ref, let edit), .guidanceChanged(let ref, let edit):
            return Subjects(criterion: ref.id, department: ref.department, locale: edit.locale)
        case .evidenceChanged(let ref, let locale, _, _):
            return Subjects(criterion: ref.id, department: ref.department, locale: locale)
        case .criterionSplit(let from, _, let department):
            return Subjects(criterion: from.first, department: department)
        case .criterionMerged(_, let into, _, let department):
            return Subjects(criterion: into.first, department: department)
        }
    }

    /// The value before the change, as the JSON diff gives it; nil when there was none.
    public var before: JSONValue? { sides.before }

    /// The value after the change, as the JSON diff gives it; nil when there is none.
    public var after: JSONValue? { sides.after }

    private var sides: (before: JSONValue?, after: JSONValue?) {
        func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
        switch self {
        case .frameworkTitleChanged(let edit), .stageTitleChanged(_, let edit),
            .productionTypeTitleChanged(_, let edit),
            .departmentTitleChanged(_, let edit), .schemeTitleChanged(_, let edit), .titleChanged(_, let edit),
            .guidanceChanged(_, let edit):
            return (edit.before.map(JSONValue.string), edit.after.map(JSONValue.string))
        case .localeAdded(let locale): return (nil, .string(locale))
        case .localeRemoved(let locale): return (.string(locale), nil)
        case .idPatternChanged(let before, let after), .criterionMoved(_, let before, let after):
            return (.string(before), .string(after))
        case .stageAdded(let entry), .productionTypeAdded(let entry), .departmentAdded(let entry):
            return (nil, entry.jsonValue)
        case .stageRemoved(let entry), .productionTypeRemoved(let entry), .departmentRemoved(let entry):
            return (entry.jsonValue, nil)
        case .notApplicableRuleChanged(let before, let after):
            return (before.jsonValue, after.jsonValue)
        case .schemeAdded(let scheme): return (nil, scheme.jsonValue)
        case .schemeRemoved(let scheme): return (scheme.jsonValue, nil)
        case .thresholdChanged(_, let before, let after): return (.integer(before.rawValue), .integer(after.rawValue))
        case .comparisonChanged(_, let before, let after): return (.string(before.rawValue), .string(after.rawValue))
        case .starLevelsChanged(_, let before, let after):
            return (.array(before.map(\.jsonValue)), .array(after.map(\.jsonValue)))
        case .criterionAdded(_, let title): return (nil, title.jsonValue)
        case .criterionRemoved(_, let title): return (title.jsonValue, nil)
        case .criterionRenamed(let from, let to): return (.string(from), .string(to.id))
        case .criterionSplit(let from, let into, _): return (strings(from), strings(into))
        case .criterionMerged(let from, let into, let combine, _):
            return (strings(from), ["into": .string(into.first ?? ""), "combine": .string(combine?.rawValue ?? "")])
        case .criterionRetired(_, let title, let reason): return (title?.jsonValue, reason?.jsonValue)
        case .pointsChanged(_, let before, let after): return (.integer(before), .integer(after))
        case .mandatoryChanged(_, let before, let after): return (.bool(before), .bool(after))
        case .applicabilityChanged(_, let before, let after), .stagesChanged(_, let before, let after),
            .evidenceChanged(_, _, let before, let after):
            return (strings(before), strings(after))
        case .auditPolicyAdded(let policy): return (nil, policy.jsonValue)
        case .auditPolicyChanged(let before, let after): return (before?.jsonValue, after?.jsonValue)
        }
    }
}
