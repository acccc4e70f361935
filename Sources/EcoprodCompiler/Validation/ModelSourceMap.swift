import EcoprodFramework
import StrictYAML

/// Where each place of a compiled model was written in the sources, so that a violation of the
/// model's invariants (``FrameworkInvariants``) is reported at its YAML range.
struct ModelSourceMap: Sendable {
    private var ranges: [FrameworkInvariants.Place: SourceRange] = [:]
    /// The file a place belongs to, for the places that have no range of their own.
    var fallback: SourceRange

    init(fallback: SourceRange) {
        self.fallback = fallback
    }

    /// Makes room for `count` places, so that recording a large framework does not rehash.
    mutating func reserve(_ count: Int) {
        ranges.reserveCapacity(count)
    }

    subscript(place: FrameworkInvariants.Place) -> SourceRange {
        get { ranges[place] ?? fallback }
        set { ranges[place] = newValue }
    }

    /// Records the ranges of a criterion written in `file` at model index `index`.
    mutating func record(_ criterion: CriterionSource, in file: DepartmentSource, at index: Int, appliesTo: [String]) {
        self[.criterion(index)] = criterion.id.range
        self[.criterionDepartment(index)] = file.department.range
        if let points = criterion.points { self[.criterionPoints(index)] = points.range }
        for (entry, stage) in criterion.stages.enumerated() { self[.criterionStage(index, entry: entry)] = stage.range }
        // The model lists types in declared order; each entry points back at where it was written.
        let written = Dictionary((criterion.appliesTo ?? []).map { ($0.value, $0.range) }, uniquingKeysWith: { first, _ in first })
        for (entry, type) in appliesTo.enumerated() {
            self[.criterionAppliesTo(index, entry: entry)] = written[type] ?? criterion.range
        }
    }

    /// Records the ranges of the catalogues and schemes of `framework.yaml`.
    mutating func record(_ source: FrameworkSource, schemes: [SchemeSource]) {
        for (index, locale) in source.locales.enumerated() { self[.locale(index)] = locale.range }
        for (index, stage) in source.stages.enumerated() { self[.stage(index)] = stage.range }
        for (index, type) in source.productionTypes.enumerated() { self[.productionType(index)] = type.range }
        for (index, department) in source.departments.enumerated() { self[.department(index)] = department.range }
        for (index, scheme) in schemes.enumerated() {
            self[.scheme(index)] = scheme.id.range
            if let threshold = scheme.threshold { self[.schemeThreshold(index)] = threshold.range }
            for (level, entry) in scheme.levels.enumerated() { self[.schemeLevel(scheme: index, level: level)] = entry.basisPoints.range }
        }
    }
}
