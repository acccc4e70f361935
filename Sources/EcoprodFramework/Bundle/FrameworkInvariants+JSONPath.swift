extension FrameworkInvariants.Place {
    /// Where the place sits in a bundle (`Schemas/bundle.schema.json`), as a JSON path.
    public var jsonPath: String {
        func item(_ index: Int, _ array: String) -> String { JSONPath.item(index, of: array) }
        switch self {
        case .frameworkTitle: return "$.framework.title"
        case .locale(let index): return item(index, "$.framework.locales")
        case .stage(let index): return item(index, "$.framework.stages") + ".id"
        case .stageTitle(let index): return item(index, "$.framework.stages") + ".title"
        case .department(let index): return item(index, "$.departments") + ".id"
        case .departmentTitle(let index): return item(index, "$.departments") + ".title"
        case .productionType(let index): return item(index, "$.production_types") + ".id"
        case .productionTypeTitle(let index): return item(index, "$.production_types") + ".title"
        case .scheme(let index): return item(index, "$.scoring.schemes") + ".id"
        case .schemeTitle(let index): return item(index, "$.scoring.schemes") + ".title"
        case .schemeThreshold(let index): return item(index, "$.scoring.schemes") + ".threshold.basis_points"
        case .schemeLevel(let scheme, let level):
            return item(level, item(scheme, "$.scoring.schemes") + ".levels") + ".basis_points"
        case .criterion(let index): return item(index, "$.criteria") + ".id"
        case .criterionDepartment(let index): return item(index, "$.criteria") + ".department"
        case .criterionPoints(let index): return item(index, "$.criteria") + ".points"
        case .criterionAppliesTo(let index, let entry): return item(entry, item(index, "$.criteria") + ".applies_to")
        case .criterionStage(let index, let entry): return item(entry, item(index, "$.criteria") + ".stages")
        case .criterionTitle(let index): return item(index, "$.criteria") + ".title"
        case .criterionGuidance(let index): return item(index, "$.criteria") + ".guidance"
        case .criterionEvidence(let index, let entry): return item(entry, item(index, "$.criteria") + ".evidence")
        }
    }
}
