import EcoprodFramework
import Foundation
import StrictYAML

/// The label's validation rules over the typed sources. Each rule reports through its own
/// diagnostic code, and every rule runs even after another has failed.
struct FrameworkValidator {
    var diagnostics = DiagnosticCollector()

    /// Runs every rule. Returns the department files that name a declared department, in declared order.
    mutating func validate(_ framework: FrameworkSource, departments files: [DepartmentSource]) -> [DepartmentSource] {
        let declaredDepartments = framework.departments.map(\.value.id)
        var byDepartment: [String: DepartmentSource] = [:]
        for file in files {
            let id = file.department.value
            guard declaredDepartments.contains(id) else {
                diagnostics.emit(.unknownDepartment(id, at: file.department.range, declared: declaredDepartments))
                continue
            }
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
        return declaredDepartments.compactMap { byDepartment[$0] }
    }

    private mutating func checkCriteria(_ framework: FrameworkSource, files: [DepartmentSource]) {
        var pattern: Regex<AnyRegexOutput>?
        if let source = framework.criterionIDPattern {
            pattern = try? Regex(source.value)
            if pattern == nil { diagnostics.emit(.invalidIDPattern(source.value, at: source.range)) }
        }
        let stages = Set(framework.stages.map(\.value.id))
        let types = Set(framework.productionTypes.map(\.value.id))
        let stageList = framework.stages.map(\.value.id)
        let typeList = framework.productionTypes.map(\.value.id)
        var seen: [String: SourceRange] = [:]
        for file in files {
            for criterion in file.criteria {
                let id = criterion.id
                if let first = seen[id.value] {
                    diagnostics.emit(.duplicateID(id.value, what: "criterion", at: id.range, first: first))
                } else {
                    seen[id.value] = id.range
                }
                if let pattern, let source = framework.criterionIDPattern, (try? pattern.wholeMatch(in: id.value)) == nil {
                    diagnostics.emit(.idPattern(id.value, pattern: source.value, at: id.range))
                }
                for stage in criterion.stages where !stages.contains(stage.value) {
                    diagnostics.emit(.unknownStage(stage.value, at: stage.range, declared: stageList))
                }
                for type in criterion.appliesTo ?? [] where !types.contains(type.value) {
                    diagnostics.emit(.unknownProductionType(type.value, at: type.range, declared: typeList))
                }
            }
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
            guard let points = criterion.points?.value else { continue }
            if let types = criterion.appliesTo {
                for type in Set(types.map(\.value)) { typePoints[type, default: 0] += points }
            } else {
                allTypesPoints += points
            }
        }
        var seenSchemes: [String: SourceRange] = [:]
        for scheme in framework.schemes {
            if let first = seenSchemes[scheme.id.value] {
                diagnostics.emit(.duplicateID(scheme.id.value, what: "scheme", at: scheme.id.range, first: first))
            }
            seenSchemes[scheme.id.value] = scheme.id.range
            guard let threshold = scheme.threshold else { continue }
            guard BasisPoints.thresholdRange.contains(BasisPoints(threshold.value)) else {
                diagnostics.emit(.thresholdRange(BasisPoints(threshold.value).shortText, at: threshold.range))
                continue
            }
            checkLevels(scheme, threshold: threshold)
            guard let comparison = scheme.comparison else { continue }
            let rule = Threshold(basisPoints: BasisPoints(threshold.value), comparison: comparison)
            let unreachable = framework.productionTypes.map(\.value.id).filter { type in
                let best = allTypesPoints + typePoints[type, default: 0]
                return !rule.isReached(met: best, applicable: best)
            }
            if !unreachable.isEmpty, !files.isEmpty {
                diagnostics.emit(.unreachableThreshold(
                    scheme: scheme.id.value, threshold: rule.text,
                    types: unreachable, at: scheme.thresholdRange))
            }
        }
    }

    private mutating func checkLevels(_ scheme: SchemeSource, threshold: Located<Int>) {
        var previous: (stars: Int, basisPoints: Int)?
        for (index, level) in scheme.levels.enumerated() {
            if level.stars.value != index + 1 {
                diagnostics.emit(.starLevelOrder("star level \(index + 1) of scheme '\(scheme.id.value)' awards \(level.stars.value) stars; expected \(index + 1)", at: level.stars.range))
            }
            if BasisPoints(level.basisPoints.value) > .whole {
                diagnostics.emit(.starLevelOrder("star level \(BasisPoints(level.basisPoints.value).shortText)% is above 100%", at: level.basisPoints.range))
            } else if let previous, level.basisPoints.value <= previous.basisPoints {
                diagnostics.emit(.starLevelOrder(
                    "\(level.stars.value)-star level \(BasisPoints(level.basisPoints.value).shortText)% is not above the \(previous.stars)-star level \(BasisPoints(previous.basisPoints).shortText)%",
                    at: level.basisPoints.range))
            }
            if level.basisPoints.value < threshold.value {
                diagnostics.emit(.starLevelBelowThreshold(
                    stars: level.stars.value, level: BasisPoints(level.basisPoints.value).shortText,
                    threshold: BasisPoints(threshold.value).shortText, at: level.basisPoints.range))
            }
            previous = (level.stars.value, level.basisPoints.value)
        }
    }
}
