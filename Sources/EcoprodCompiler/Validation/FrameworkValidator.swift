import EcoprodFramework
import Foundation
import StrictYAML

/// The label's validation rules over the typed sources. Each rule reports through its own
/// diagnostic code, and every rule runs even after another has failed.
struct FrameworkValidator {
    var diagnostics = DiagnosticCollector()
    /// Verdicts of the ID pattern kept between compilations (the language server's), if any.
    var cache: DepartmentReadCache?

    /// Runs every rule. Returns the department files that name a declared department, in declared order.
    mutating func validate(_ framework: FrameworkSource, departments files: [DepartmentSource]) -> [DepartmentSource] {
        let declaredDepartments = framework.departments.map(\.value.id)
        var byDepartment: [String: DepartmentSource] = [:]
        for file in files {
            let id = file.department.value
            // A file naming an undeclared department breaks a model invariant, reported once the model is built.
            guard declaredDepartments.contains(id) else { continue }
            if let first = byDepartment[id] {
                diagnostics.emit(.departmentFileTwice(id, at: file.department.range, first: first.department.range))
                continue
            }
            byDepartment[id] = file
        }
        for department in framework.departments where byDepartment[department.value.id]?.criteria.isEmpty ?? true {
            diagnostics.emit(.emptyDepartment(department.value.id, at: department.range))
        }
        checkCriteria(framework, files: files)
        checkScoring(framework, files: files)
        // A department declared twice (an invariant the model reports) still contributes its file once.
        var listed: Set<String> = []
        return declaredDepartments.filter { listed.insert($0).inserted }.compactMap { byDepartment[$0] }
    }

    /// Criterion IDs match the framework's pattern. Uniqueness and references are model
    /// invariants (``FrameworkInvariants``), checked once the model is built.
    private mutating func checkCriteria(_ framework: FrameworkSource, files: [DepartmentSource]) {
        guard let source = framework.criterionIDPattern else { return }
        guard let pattern = try? Regex(source.value) else {
            diagnostics.emit(.invalidIDPattern(source.value, at: source.range))
            return
        }
        let cache = cache
        let matches = { (id: String) in
            cache?.matches(id, pattern: pattern, source: source.value) ?? ((try? pattern.wholeMatch(in: id)) != nil)
        }
        for criterion in files.flatMap(\.criteria) where !matches(criterion.id.value) {
            diagnostics.emit(.idPattern(criterion.id.value, pattern: source.value, at: criterion.id.range))
        }
    }

    private mutating func checkScoring(_ framework: FrameworkSource, files: [DepartmentSource]) {
        if framework.schemes.isEmpty, let range = framework.schemesRange {
            diagnostics.emit(.noSchemes(at: range))
        }
        // Points that apply to each production type, with every criterion met: the best a production can do.
        var allTypesPoints = 0
        var typePoints: [String: Int] = [:]
        for criterion in files.flatMap(\.criteria) {
            guard let points = criterion.points?.value, Criterion.pointsRange.contains(points) else { continue }
            if let types = criterion.appliesTo {
                for type in Set(types.map(\.value)) { typePoints[type, default: 0] += points }
            } else {
                allTypesPoints += points
            }
        }
        for scheme in framework.schemes {
            // An out-of-range threshold breaks a model invariant, reported once the model is built.
            guard let threshold = scheme.threshold, BasisPoints.thresholdRange.contains(BasisPoints(threshold.value))
            else { continue }
            checkLevels(scheme, threshold: threshold)
            guard let comparison = scheme.comparison else { continue }
            let rule = Threshold(basisPoints: BasisPoints(threshold.value), comparison: comparison)
            let unreachable = framework.productionTypes.map(\.value.id).filter { type in
                let best = allTypesPoints + typePoints[type, default: 0]
                return !rule.isReached(met: best, applicable: best)
            }
            if !unreachable.isEmpty, !files.isEmpty {
                diagnostics.emit(
                    .unreachableThreshold(
                        scheme: scheme.id.value, threshold: rule.text,
                        types: unreachable, at: scheme.thresholdRange))
            }
        }
    }

    private mutating func checkLevels(_ scheme: SchemeSource, threshold: Located<Int>) {
        var previous: (stars: Int, basisPoints: Int)?
        for (index, level) in scheme.levels.enumerated() {
            if level.stars.value != index + 1 {
                diagnostics.emit(
                    .starLevelOrder(
                        "star level \(index + 1) of scheme '\(scheme.id.value)' awards \(level.stars.value) stars; expected \(index + 1)",
                        at: level.stars.range))
            }
            // A level outside 0…100% breaks a model invariant, reported once the model is built.
            let inRange = BasisPoints.levelRange.contains(BasisPoints(level.basisPoints.value))
            if inRange, let previous, level.basisPoints.value <= previous.basisPoints {
                diagnostics.emit(
                    .starLevelOrder(
                        "\(level.stars.value)-star level \(BasisPoints(level.basisPoints.value).shortText)% is not above the \(previous.stars)-star level \(BasisPoints(previous.basisPoints).shortText)%",
                        at: level.basisPoints.range))
            }
            if level.basisPoints.value < threshold.value {
                diagnostics.emit(
                    .starLevelBelowThreshold(
                        stars: level.stars.value, level: BasisPoints(level.basisPoints.value).shortText,
                        threshold: BasisPoints(threshold.value).shortText, at: level.basisPoints.range))
            }
            previous = (level.stars.value, level.basisPoints.value)
        }
    }
}
