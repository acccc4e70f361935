import EcoprodFramework
import StrictYAML

extension FrameworkCompiler {
    /// The model the sources describe, built even when they have errors, with where each of its
    /// places was written. The model's invariants run on it; it is kept only when nothing failed.
    ///
    /// Criteria of files that name an undeclared department are included, after the declared
    /// departments' criteria, so that the invariant that every department referred to is declared
    /// reports them. Values outside their ranges (points, percentages) are kept for the same reason.
    ///
    /// A field with an error of its own (already reported) gets a neutral stand-in, so that the
    /// rest is still checked and a run reports every problem it can find; such a model is never kept.
    func model(_ source: FrameworkSource, ordered: [DepartmentSource], all files: [DepartmentSource]) -> (
        Framework, ModelSourceMap
    ) {
        let identity = FrameworkIdentity(
            id: source.id?.value ?? "", version: source.version?.value ?? SemanticVersion(major: 0, minor: 0, patch: 0),
            title: source.title ?? LocalizedText([:]), locales: source.locales.map(\.value),
            criterionIDPattern: source.criterionIDPattern?.value ?? "",
            stages: source.stages.map(\.value), released: options.releaseDate)
        let notApplicable = source.notApplicable ?? NotApplicableRule(effect: .excluded, mandatoryAllowed: false)
        let declared = Set(source.departments.map(\.value.id))
        let departments = ordered + files.filter { !declared.contains($0.department.value) }
        let allTypes = source.productionTypes.map(\.value.id)
        let map = ModelSourceMap(source: source, departments: departments, allTypes: allTypes)
        var criteria: [Criterion] = []
        criteria.reserveCapacity(departments.reduce(0) { $0 + $1.criteria.count })
        for file in departments {
            for criterion in file.criteria {
                let (title, guidance) = (
                    criterion.title ?? LocalizedText([:]), criterion.guidance ?? LocalizedText([:])
                )
                let points = criterion.points ?? Located(Criterion.pointsRange.lowerBound, at: criterion.range)
                criteria.append(
                    Criterion(
                        id: criterion.id.value, department: file.department.value, title: title, guidance: guidance,
                        stages: criterion.stages.map(\.value), points: points.value,
                        mandatory: criterion.mandatory ?? false,
                        appliesTo: ModelSourceMap.appliesTo(criterion.appliesTo, allTypes: allTypes),
                        evidence: criterion.evidence))
            }
        }
        // A scheme missing its title, threshold or comparison (each already reported) keeps its
        // other fields checked: a 0% threshold is reported even when its comparison is missing.
        let schemes = source.schemes.map { scheme in
            Scheme(
                id: scheme.id.value, title: scheme.title ?? LocalizedText([:]),
                threshold: Threshold(
                    basisPoints: BasisPoints(scheme.threshold?.value ?? BasisPoints.thresholdRange.lowerBound.rawValue),
                    comparison: scheme.comparison ?? .atLeast),
                levels: scheme.levels.map {
                    StarLevel(stars: $0.stars.value, basisPoints: BasisPoints($0.basisPoints.value))
                })
        }
        let framework = Framework(
            identity: identity,
            // Every declared department, so that model indices are source indices; a department
            // without criteria is an error (R502), so a kept model has criteria in each.
            departments: source.departments.map { Department(id: $0.value.id, title: $0.value.title) },
            criteria: criteria, productionTypes: source.productionTypes.map(\.value),
            scoring: ScoringPolicy(notApplicable: notApplicable, schemes: schemes), lineage: .origin,
            audit: source.audit)
        return (framework, map)
    }

    /// The model's invariants, reported at their YAML ranges with the sources' own codes.
    ///
    /// A missing translation is reported by the decoder instead, where the YAML mapping that lacks
    /// the key is (and where texts that never reach the model, such as retirement reasons, are
    /// checked by the same rule, ``LocalizedText/missingLocales(of:)``).
    static func diagnostics(for violations: [FrameworkInvariants.Violation], map: ModelSourceMap) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        var result: [Diagnostic] = []
        for violation in violations {
            guard let diagnostic = diagnostic(for: violation, map: map), seen.insert(diagnostic).inserted else {
                continue
            }
            result.append(diagnostic)
        }
        return result
    }

    private static func diagnostic(for violation: FrameworkInvariants.Violation, map: ModelSourceMap) -> Diagnostic? {
        switch violation {
        case .duplicateID(let catalog, let id, let place, let first):
            return .duplicateID(id, what: catalog.rawValue, at: map[place], first: map[first])
        case .undeclaredReference(.department, let id, _, let place, let declared):
            return .unknownDepartment(id, at: map[place], declared: declared)
        case .undeclaredReference(.productionType, let id, _, let place, let declared):
            return .unknownProductionType(id, at: map[place], declared: declared)
        case .undeclaredReference(.stage, let id, _, let place, let declared):
            return .unknownStage(id, at: map[place], declared: declared)
        case .pointsOutOfRange(_, let points, let place):
            return .invalidPoints(shown: "'\(points)'", at: map[place])
        case .missingLocale:
            return nil
        case .invalidLocale(let code, let place):
            return Diagnostic(
                .invalidLocaleTag, "locale '\(code)' is not a BCP 47 language tag", at: SourceLocation(map[place]),
                help:
                    "write a language tag such as fr, en or pt-BR: 2 or 3 letters, then subtags of letters and digits joined by '-'"
            )
        case .thresholdOutOfRange(_, let value, let place):
            return .thresholdRange(value.shortText, at: map[place])
        case .levelOutOfRange(_, let value, let place):
            let side = value > .whole ? "above 100%" : "below 0%"
            return .starLevelOrder("star level \(value.shortText)% is \(side)", at: map[place])
        }
    }
}
