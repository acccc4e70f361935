import EcoprodFramework
import StrictYAML

/// Where each place of a compiled model was written in the sources, so that a violation of the
/// model's invariants (``FrameworkInvariants``) is reported at its YAML range.
///
/// Places are looked up on demand, from the sources the model was built from: a valid framework
/// has no violation, so nothing is looked up at all. (Recording a dozen places per criterion in
/// a dictionary was a third of the language server's edit at 10,000 criteria.)
struct ModelSourceMap: Sendable {
    /// The range of `framework.yaml`: where places without a range of their own are reported.
    let fallback: SourceRange
    private let source: FrameworkSource
    /// The department files, in model order, and the model index of each file's first criterion.
    private let departments: [DepartmentSource]
    private let starts: [Int]
    /// The declared production types, in declared order.
    private let allTypes: [String]

    init(source: FrameworkSource, departments: [DepartmentSource], allTypes: [String]) {
        fallback = source.range
        self.source = source
        self.departments = departments
        self.allTypes = allTypes
        var starts: [Int] = []
        var next = 0
        for file in departments {
            starts.append(next)
            next += file.criteria.count
        }
        self.starts = starts
    }

    /// The types a criterion applies to, as the model lists them: declared types in declared
    /// order, then undeclared ones as written (the invariants report those); nil means all.
    static func appliesTo(_ listed: [Located<String>]?, allTypes: [String]) -> [String] {
        guard let listed else { return allTypes }
        let wanted = listed.map(\.value)
        // A criterion lists a few types: linear searches cost less than hashing them.
        return allTypes.filter(wanted.contains) + wanted.filter { !allTypes.contains($0) }
    }

    subscript(place: FrameworkInvariants.Place) -> SourceRange {
        range(of: place) ?? fallback
    }

    private func range(of place: FrameworkInvariants.Place) -> SourceRange? {
        switch place {
        case .criterion(let index): return criterion(index)?.criterion.id.range
        case .criterionDepartment(let index): return criterion(index)?.file.department.range
        case .criterionPoints(let index): return criterion(index)?.criterion.points?.range
        case .criterionStage(let index, let entry):
            return criterion(index).flatMap { $0.criterion.stages.element(entry)?.range }
        case .criterionAppliesTo(let index, let entry):
            guard let (criterion, _) = criterion(index),
                let type = Self.appliesTo(criterion.appliesTo, allTypes: allTypes).element(entry)
            else { return nil }
            // Each entry points back at where it was written; a type listed by `all` at the criterion.
            return criterion.appliesTo?.first { $0.value == type }?.range ?? criterion.range
        case .locale(let index): return source.locales.element(index)?.range
        case .stage(let index): return source.stages.element(index)?.range
        case .productionType(let index): return source.productionTypes.element(index)?.range
        case .department(let index): return source.departments.element(index)?.range
        case .scheme(let index): return source.schemes.element(index)?.id.range
        case .schemeThreshold(let index): return source.schemes.element(index)?.threshold?.range
        case .schemeLevel(let scheme, let level):
            return source.schemes.element(scheme)?.levels.element(level)?.basisPoints.range
        case .frameworkTitle, .stageTitle, .departmentTitle, .productionTypeTitle, .schemeTitle, .criterionTitle,
            .criterionGuidance, .criterionEvidence:
            return nil
        }
    }

    /// The criterion at a model index, with its file.
    private func criterion(_ index: Int) -> (criterion: CriterionSource, file: DepartmentSource)? {
        guard index >= 0 else { return nil }
        // The last file whose first criterion is at or before `index`.
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= index { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let file = departments[low - 1]
        return file.criteria.element(index - starts[low - 1]).map { ($0, file) }
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    fileprivate func element(_ index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
