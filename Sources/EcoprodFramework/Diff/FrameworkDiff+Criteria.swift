extension FrameworkDiff {
    /// Matches criteria by ID (and through migration rules) with dictionaries: linear time.
    ///
    /// Applicability is compared only over production types both versions declare: a type
    /// added in `new` is one change (production-type-added), not one per criterion.
    static func compareCriteria(
        _ old: [Criterion], _ new: [Criterion], rules: [MigrationRule], sharedTypes: Set<String>, into changes: inout [Change]
    ) {
        // Index by ID into the arrays rather than copying criteria into dictionaries: on 100,000
        // criteria, the copies' memory traffic, not the lookups, would dominate.
        let oldIndex = Dictionary(old.indices.map { (old[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIndex = Dictionary(new.indices.map { (new[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        let oldByID = IndexedCriteria(criteria: old, index: oldIndex)
        let newByID = IndexedCriteria(criteria: new, index: newIndex)
        var accountedOld: Set<String> = []
        var accountedNew: Set<String> = []
        for rule in rules {
            accountedOld.formUnion(rule.from)
            accountedNew.formUnion(rule.to)
            switch rule.kind {
            case .rename:
                guard let from = rule.from.first, let to = rule.to.first, let before = oldByID[from], let after = newByID[to] else { continue }
                changes.append(Change(.criterionRenamed, criterion: to, department: after.department, before: .string(from), after: .string(to)))
                compareCriterion(before, after, sharedTypes: sharedTypes, into: &changes)
            case .split:
                let department = rule.from.first.flatMap { oldByID[$0]?.department }
                changes.append(Change(
                    .criterionSplit, criterion: rule.from.first, department: department,
                    before: .array(rule.from.map(JSONValue.string)), after: .array(rule.to.map(JSONValue.string))))
            case .merge:
                let department = rule.to.first.flatMap { newByID[$0]?.department }
                changes.append(Change(
                    .criterionMerged, criterion: rule.to.first, department: department,
                    before: .array(rule.from.map(JSONValue.string)),
                    after: ["into": .string(rule.to.first ?? ""), "combine": .string(rule.combine?.rawValue ?? "")]))
            case .retire:
                guard let id = rule.from.first else { continue }
                changes.append(Change(
                    .criterionRetired, criterion: id, department: oldByID[id]?.department,
                    before: oldByID[id].map { $0.title.jsonValue }, after: rule.reason.map(\.jsonValue)))
            }
        }
        for criterion in old where !accountedOld.contains(criterion.id) {
            if let after = newByID[criterion.id] {
                compareCriterion(criterion, after, sharedTypes: sharedTypes, into: &changes)
            } else {
                changes.append(Change(.criterionRemoved, criterion: criterion.id, department: criterion.department, before: criterion.title.jsonValue))
            }
        }
        for criterion in new where oldByID[criterion.id] == nil && !accountedNew.contains(criterion.id) {
            changes.append(Change(.criterionAdded, criterion: criterion.id, department: criterion.department, after: criterion.title.jsonValue))
        }
    }

    /// Criteria looked up by ID through an index, without copying them.
    struct IndexedCriteria {
        let criteria: [Criterion]
        let index: [String: Int]

        subscript(id: String) -> Criterion? { index[id].map { criteria[$0] } }
    }

    /// Field-by-field changes of one criterion kept (or renamed) from `before` to `after`.
    static func compareCriterion(_ before: Criterion, _ after: Criterion, sharedTypes: Set<String>, into changes: inout [Change]) {
        // Most criteria do not change between versions: one equality test settles them.
        if before == after { return }
        let template = Change(.titleChanged, criterion: after.id, department: after.department)
        func change(_ kind: Change.Kind, _ old: JSONValue, _ new: JSONValue) {
            var change = template
            change.kind = kind
            change.before = old
            change.after = new
            changes.append(change)
        }
        if before.points != after.points { change(.pointsChanged, .integer(before.points), .integer(after.points)) }
        if before.mandatory != after.mandatory { change(.mandatoryChanged, .bool(before.mandatory), .bool(after.mandatory)) }
        let oldTypes = before.appliesTo.filter(sharedTypes.contains)
        let newTypes = after.appliesTo.filter(sharedTypes.contains)
        if Set(oldTypes) != Set(newTypes) {
            change(.applicabilityChanged, .array(oldTypes.map(JSONValue.string)), .array(newTypes.map(JSONValue.string)))
        }
        if before.department != after.department { change(.criterionMoved, .string(before.department), .string(after.department)) }
        if before.stages != after.stages { change(.stagesChanged, .array(before.stages.map(JSONValue.string)), .array(after.stages.map(JSONValue.string))) }
        compareText(before.title, after.title, kind: .titleChanged, template: template, into: &changes)
        compareText(before.guidance, after.guidance, kind: .guidanceChanged, template: template, into: &changes)
        let locales = Set(before.evidence.flatMap(\.locales) + after.evidence.flatMap(\.locales)).sorted()
        for locale in locales {
            let old = before.evidence.map { $0[locale] ?? "" }
            let new = after.evidence.map { $0[locale] ?? "" }
            if old != new {
                var evidence = template
                evidence.kind = .evidenceChanged
                evidence.locale = locale
                evidence.before = .array(old.map(JSONValue.string))
                evidence.after = .array(new.map(JSONValue.string))
                changes.append(evidence)
            }
        }
    }
}
