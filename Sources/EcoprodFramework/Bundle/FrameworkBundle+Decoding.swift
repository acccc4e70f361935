/// The bundle's wire form read back into the model, member for member: the mirror of
/// `FrameworkBundle+Encoding.swift`.
///
/// Reading goes through ``JSONField`` rather than `Decodable`, so that a process that verifies a
/// bundle does not pay the run-time type instantiation a generic decoder costs (see
/// ``JSONField``). The `Codable` conformances stay, as public API and as the reference: a test
/// checks that both readings agree, in values and in the kind and path of every error.
extension FrameworkBundle {
    /// The framework in a bundle object (its `digest` member, if present, is not read here).
    static func decodeFramework(from root: JSONField) throws(JSONField.ShapeError) -> Framework {
        let members = try root.object()
        _ = try members.required("format").string()
        let identity = try FrameworkIdentity(json: members.required("framework"))
        let departments = try members.required("departments").array(Department.init(json:))
        let criteria = try members.required("criteria").array(Criterion.init(json:))
        let productionTypes = try members.required("production_types").array(CatalogEntry.init(json:))
        let scoring = try ScoringPolicy(json: members.required("scoring"))
        let lineage = try Lineage(json: members.required("lineage"))
        let audit = try members.optional("audit").map { (field) throws(JSONField.ShapeError) in
            try AuditPolicy(json: field)
        }
        return Framework(
            identity: identity, departments: departments, criteria: criteria,
            productionTypes: productionTypes, scoring: scoring, lineage: lineage, audit: audit)
    }
}

extension LocalizedText {
    init(json: JSONField) throws(JSONField.ShapeError) {
        self.init(try json.stringMap())
    }
}

extension CatalogEntry {
    init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try json.object()
        self.init(id: try members.required("id").string(), title: try LocalizedText(json: members.required("title")))
    }
}

extension Department {
    init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try json.object()
        self.init(id: try members.required("id").string(), title: try LocalizedText(json: members.required("title")))
    }
}

extension SemanticVersion {
    init(json: JSONField) throws(JSONField.ShapeError) {
        let text = try json.string()
        guard let version = SemanticVersion(text) else {
            throw JSONField.ShapeError(
                kind: .invalid("'\(text)' is not a semantic version (MAJOR.MINOR.PATCH)"), path: json.path)
        }
        self = version
    }
}

extension FrameworkIdentity {
    init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try json.object()
        self.init(
            id: try members.required("id").string(),
            version: try SemanticVersion(json: members.required("version")),
            title: try LocalizedText(json: members.required("title")),
            locales: try members.required("locales").strings(),
            criterionIDPattern: try members.required("criterion_id_pattern").string(),
            stages: try members.required("stages").array(CatalogEntry.init(json:)),
            released: try members.optional("released")?.string())
    }
}

extension Criterion {
    init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try json.object()
        self.init(
            id: try members.required("id").string(),
            department: try members.required("department").string(),
            title: try LocalizedText(json: members.required("title")),
            guidance: try LocalizedText(json: members.required("guidance")),
            stages: try members.required("stages").strings(),
            points: try members.required("points").integer(),
            mandatory: try members.required("mandatory").bool(),
            appliesTo: try members.required("applies_to").strings(),
            evidence: try members.required("evidence").array(LocalizedText.init(json:)))
    }
}

extension ScoringPolicy {
    init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try json.object()
        let rule = try members.required("not_applicable").object()
        self.init(
            notApplicable: NotApplicableRule(
                effect: try rule.required("effect").oneOf(NotApplicableRule.Effect.self),
                mandatoryAllowed: try rule.required("mandatory_allowed").bool()),
            schemes: try members.required("schemes").array(Scheme.init(json:)))
    }
}

extension Scheme {
    init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try json.object()
        let threshold = try members.required("threshold").object()
        self.init(
            id: try members.required("id").string(),
            title: try LocalizedText(json: members.required("title")),
            threshold: Threshold(
                basisPoints: BasisPoints(try threshold.required("basis_points").integer()),
                comparison: try threshold.required("comparison").oneOf(Comparison.self)),
            levels: try members.required("levels").array { (level) throws(JSONField.ShapeError) in
                let members = try level.object()
                return StarLevel(
                    stars: try members.required("stars").integer(),
                    basisPoints: BasisPoints(try members.required("basis_points").integer()))
            })
    }
}

extension Lineage {
    init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try json.object()
        var previous: ReleaseReference?
        if let reference = try members.optional("previous")?.object() {
            previous = ReleaseReference(
                version: try SemanticVersion(json: reference.required("version")),
                digest: try reference.required("digest").string())
        }
        self.init(
            previous: previous, rules: try members.required("rules").array(MigrationRule.init(json:)),
            signer: try members.optional("signer")?.string())
    }
}

extension MigrationRule {
    init(json: JSONField) throws(JSONField.ShapeError) {
        let members = try json.object()
        self.init(
            kind: try members.required("kind").oneOf(Kind.self),
            from: try members.required("from").strings(),
            to: try members.required("to").strings(),
            combine: try members.optional("combine")?.oneOf(Combination.self),
            reason: try members.optional("reason").map { (reason) throws(JSONField.ShapeError) in
                try LocalizedText(json: reason)
            })
    }
}
