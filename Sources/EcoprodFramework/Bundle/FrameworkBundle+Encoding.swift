/// The bundle's wire form built directly as JSON values.
///
/// Encoding a large framework through `JSONEncoder` and back costs more than reading its
/// YAML; building the values directly does not. The Codable conformances remain
/// the decoding path and the reference: a test checks both produce the same JSON.
extension FrameworkBundle {
    static func directContentValue(of framework: Framework) -> JSONValue {
        var members: [String: JSONValue] = [
            "format": .string(format),
            "framework": framework.identity.jsonValue,
            "departments": .array(framework.departments.map { ["id": .string($0.id), "title": $0.title.jsonValue] }),
            "criteria": .array(ParallelChunks.map(framework.criteria) { $0.jsonValue }),
            "production_types": .array(framework.productionTypes.map(\.jsonValue)),
            "scoring": framework.scoring.jsonValue,
            "lineage": framework.lineage.jsonValue,
        ]
        if let audit = framework.audit { members["audit"] = audit.jsonValue }
        return .object(members)
    }
}

/// Direct JSON forms of the model types, identical to their Codable wire forms.
extension LocalizedText {
    /// The text as a JSON object keyed by locale.
    public var jsonValue: JSONValue { .object(translations.mapValues(JSONValue.string)) }
}

extension CatalogEntry {
    /// The entry as `{"id", "title"}`.
    public var jsonValue: JSONValue { ["id": .string(id), "title": title.jsonValue] }
}

extension FrameworkIdentity {
    public var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "version": .string(version.description), "title": title.jsonValue,
            "locales": .array(locales.map(JSONValue.string)), "criterion_id_pattern": .string(criterionIDPattern),
            "stages": .array(stages.map(\.jsonValue)),
        ]
        if let released { object["released"] = .string(released) }
        return .object(object)
    }
}

extension Criterion {
    public var jsonValue: JSONValue {
        .object([
            "id": .string(id), "department": .string(department), "title": title.jsonValue,
            "guidance": guidance.jsonValue,
            "stages": .array(stages.map(JSONValue.string)), "points": .integer(points), "mandatory": .bool(mandatory),
            "applies_to": .array(appliesTo.map(JSONValue.string)), "evidence": .array(evidence.map(\.jsonValue)),
        ])
    }
}

extension ScoringPolicy {
    public var jsonValue: JSONValue {
        ["not_applicable": notApplicable.jsonValue, "schemes": .array(schemes.map(\.jsonValue))]
    }
}

extension NotApplicableRule {
    public var jsonValue: JSONValue {
        ["effect": .string(effect.rawValue), "mandatory_allowed": .bool(mandatoryAllowed)]
    }
}

extension Scheme {
    public var jsonValue: JSONValue {
        [
            "id": .string(id), "title": title.jsonValue,
            "threshold": [
                "basis_points": .integer(threshold.basisPoints.rawValue),
                "comparison": .string(threshold.comparison.rawValue),
            ],
            "levels": .array(levels.map(\.jsonValue)),
        ]
    }
}

extension StarLevel {
    public var jsonValue: JSONValue { ["stars": .integer(stars), "basis_points": .integer(basisPoints.rawValue)] }
}

extension Lineage {
    public var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "rules": .array(
                rules.map { rule in
                    var members: [String: JSONValue] = [
                        "kind": .string(rule.kind.rawValue), "from": .array(rule.from.map(JSONValue.string)),
                        "to": .array(rule.to.map(JSONValue.string)),
                    ]
                    if let combine = rule.combine { members["combine"] = .string(combine.rawValue) }
                    if let reason = rule.reason { members["reason"] = reason.jsonValue }
                    return .object(members)
                })
        ]
        if let previous {
            object["previous"] = ["version": .string(previous.version.description), "digest": .string(previous.digest)]
        }
        if let signer { object["signer"] = .string(signer) }
        return .object(object)
    }
}
