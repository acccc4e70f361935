extension FrameworkDiff {
    /// Matches criteria by ID (and through migration rules) with dictionaries: linear time.
    ///
    /// Applicability is compared only over production types both versions declare: a type
    /// added in `new` is one change (production-type-added), not one per criterion.
    static func compareCriteria(
        _ old: [Criterion], _ new: [Criterion], rules: [MigrationRule], sharedTypes: Set<String>,
        into changes: inout [Change]
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
                guard let from = rule.from.first, let to = rule.to.first, let before = oldByID[from],
                    let after = newByID[to]
                else { continue }
                changes.append(.criterionRenamed(from: from, to: Change.CriterionRef(to, department: after.department)))
                compareCriterion(before, after, sharedTypes: sharedTypes, into: &changes)
            case .split:
                let department = rule.from.first.flatMap { oldByID[$0]?.department }
                changes.append(.criterionSplit(from: rule.from, into: rule.to, department: department))
            case .merge:
                let department = rule.to.first.flatMap { newByID[$0]?.department }
                changes.append(
                    .criterionMerged(from: rule.from, into: rule.to, combine: rule.combine, department: department))
            case .retire:
                guard let id = rule.from.first else { continue }
                changes.append(
                    .criterionRetired(
                        Change.CriterionRef(id, department: oldByID[id]?.department), title: oldByID[id]?.title,
                        reason: rule.reason))
            }
        }
        for criterion in old where !accountedOld.contains(criterion.id) {
            if let after = newByID[criterion.id] {
                compareCriterion(criterion, after, sharedTypes: sharedTypes, into: &changes)
            } else {
                changes.append(
                    .criterionRemoved(
                        Change.CriterionRef(criterion.id, department: criterion.department), title: criterion.title))
            }
        }
        for criterion in new where oldByID[criterion.id] == nil && !accountedNew.contains(criterion.id) {
            changes.append(
                .criterionAdded(
                    Change.CriterionRef(criterion.id, department: criterion.department), title: criterion.title))
        }
    }

    /// Criteria looked up by ID through an index, without copying them.
    struct IndexedCriteria {
        let criteria: [Criterion]
        let index: [String: Int]

        subscript(id: String) -> Criterion? { index[id].map { criteria[$0] } }
    }

    /// Field-by-field changes of one criterion kept (or renamed) from `before` to `after`.
    static func compareCriterion(
        _ before: Criterion, _ after: Criterion, sharedTypes: Set<String>, into changes: inout [Change]
    ) {
        // Most criteria do not change between versions: one equality test settles them.
        if before == after { return }
        let ref = Change.CriterionRef(after.id, department: after.department)
        if before.points != after.points {
            changes.append(.pointsChanged(ref, before: before.points, after: after.points))
        }
        if before.mandatory != after.mandatory {
            changes.append(.mandatoryChanged(ref, before: before.mandatory, after: after.mandatory))
        }
        let oldTypes = before.appliesTo.filter(sharedTypes.contains)
        let newTypes = after.appliesTo.filter(sharedTypes.contains)
        if Set(oldTypes) != Set(newTypes) {
            changes.append(.applicabilityChanged(ref, before: oldTypes, after: newTypes))
        }
        if before.department != after.department {
            changes.append(.criterionMoved(ref, before: before.department, after: after.department))
        }
        if before.stages != after.stages {
            changes.append(.stagesChanged(ref, before: before.stages, after: after.stages))
        }
        compareText(before.title, after.title, into: &changes) { .titleChanged(ref, $0) }
        compareText(before.guidance, after.guidance, into: &changes) { .guidanceChanged(ref, $0) }
        let locales = Set(before.evidence.flatMap(\.locales) + after.evidence.flatMap(\.locales)).sorted()
        for locale in locales {
            let old = before.evidence.map { $0[locale] ?? "" }
            let new = after.evidence.map { $0[locale] ?? "" }
            if old != new {
                changes.append(.evidenceChanged(ref, locale: locale, before: old, after: new))
            }
        }
    }
}
