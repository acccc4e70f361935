import EcoprodFramework
import StrictYAML

extension SourceDecoder {
    static let criterionKeys = ["id", "title", "guidance", "stages", "points", "mandatory", "applies_to", "evidence"]
    static let optionalCriterionKeys = ["replaces", "combine"]

    /// Types a department file: `department:` and its `criteria:` list.
    mutating func departmentSource(_ root: YAMLNode, file: String) -> DepartmentSource? {
        guard let fields = mapping(root, context: "a department file", required: ["department", "criteria"]),
            let department = text(fields["department"], what: "department")
        else { return nil }
        var criteria: [CriterionSource] = []
        for node in sequence(fields["criteria"], what: "criteria") ?? [] {
            if let criterion = criterionSource(node) { criteria.append(criterion) }
        }
        return DepartmentSource(department: department, criteria: criteria, file: file)
    }

    private mutating func criterionSource(_ node: YAMLNode) -> CriterionSource? {
        guard
            let fields = mapping(
                node, context: "a criterion", required: Self.criterionKeys, optional: Self.optionalCriterionKeys)
        else { return nil }
        guard let id = text(fields["id"], what: "criterion id") else { return nil }
        let name = "criterion \(id.value)"
        var points: Located<Int>?
        if let pointsNode = fields["points"] {
            // The range (Criterion.pointsRange) is one of the model's invariants, checked once for
            // sources and bundles alike; here only the form is checked.
            if let value = integer(pointsNode) {
                points = Located(value, at: pointsNode.range)
            } else {
                diagnostics.emit(.invalidPoints(found: pointsNode))
            }
        }
        var mandatory: Bool?
        if let mandatoryNode = fields["mandatory"] {
            mandatory = boolean(mandatoryNode)
            if mandatory == nil { diagnostics.emit(.invalidMandatory(found: mandatoryNode)) }
        }
        var appliesTo: [Located<String>]?
        if let appliesNode = fields["applies_to"] {
            if let scalar = appliesNode.scalar, scalar.value == "all" {
                appliesTo = nil
            } else if appliesNode.sequenceItems != nil {
                appliesTo = textList(appliesNode, what: "applies_to")
                if appliesTo?.isEmpty == true {
                    diagnostics.emit(
                        .invalidValue(
                            "\(name) applies to no production type", at: appliesNode.range,
                            help: "list at least one production type, or write 'applies_to: all'"))
                }
            } else {
                diagnostics.emit(
                    .wrongType(expected: "'all' or a list of production types", found: appliesNode, what: "applies_to"))
            }
        }
        var evidence: [LocalizedText] = []
        if let items = sequence(fields["evidence"], what: "evidence") {
            if items.isEmpty, let evidenceNode = fields["evidence"] {
                diagnostics.emit(
                    .invalidValue(
                        "\(name) names no evidence", at: evidenceNode.range,
                        help: "list the documents an auditor checks"))
            }
            for (index, item) in items.enumerated() {
                if let text = localized(item, what: "evidence \(index + 1) of \(name)") { evidence.append(text) }
            }
        }
        let stages = textList(fields["stages"], what: "stages") ?? []
        if let stagesNode = fields["stages"], stages.isEmpty, stagesNode.sequenceItems?.isEmpty == true {
            diagnostics.emit(
                .invalidValue(
                    "\(name) names no production stage", at: stagesNode.range,
                    help: "list the stages the action belongs to"))
        }
        let replaces = textList(fields["replaces"], what: "replaces") ?? []
        if let replacesNode = fields["replaces"], replaces.isEmpty, replacesNode.sequenceItems?.isEmpty == true {
            diagnostics.emit(
                .invalidValue(
                    "\(name) replaces nothing", at: replacesNode.range,
                    help: "list the previous IDs it replaces, or remove 'replaces:'"))
        }
        var combine: Located<MigrationRule.Combination>?
        if let combineNode = fields["combine"],
            let value = choice(combineNode, what: "combine", as: MigrationRule.Combination.self)
        {
            combine = Located(value, at: combineNode.range)
        }
        return CriterionSource(
            id: id, title: localized(fields["title"], what: "the title of \(name)"),
            guidance: localized(fields["guidance"], what: "the guidance of \(name)"), stages: stages, points: points,
            mandatory: mandatory, appliesTo: appliesTo, evidence: evidence, replaces: replaces, combine: combine,
            range: node.range)
    }
}
