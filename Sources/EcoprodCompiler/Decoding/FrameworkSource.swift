import EcoprodFramework
import StrictYAML

/// `framework.yaml`, typed, with the ranges validation rules point at.
struct FrameworkSource: Sendable {
    var id: Located<String>?
    var version: Located<SemanticVersion>?
    var title: LocalizedText?
    var locales: [Located<String>] = []
    /// The one locale `CHANGELOG.md` is written in; nil for the first of `locales`.
    var changelogLocale: Located<String>?
    var criterionIDPattern: Located<String>?
    var stages: [Located<CatalogEntry>] = []
    var productionTypes: [Located<CatalogEntry>] = []
    var departments: [Located<CatalogEntry>] = []
    var notApplicable: NotApplicableRule?
    var schemes: [SchemeSource] = []
    var schemesRange: SourceRange?
    /// Criteria of the previous release retired in this version, with their reasons.
    var retired: [RetiredSource] = []
    /// Which claims an audit checks (`audit:`), when the framework says.
    var audit: AuditPolicy?
    var range: SourceRange
}

/// One entry of `retired:`: a previous criterion that leaves the framework, and why.
struct RetiredSource: Sendable {
    var id: Located<String>
    var reason: LocalizedText?
}

/// One scheme of the scoring policy, as written.
struct SchemeSource: Sendable {
    var id: Located<String>
    var title: LocalizedText?
    var threshold: Located<Int>?
    var comparison: Comparison?
    var thresholdRange: SourceRange
    var levels: [(stars: Located<Int>, basisPoints: Located<Int>)]
}

/// A department file, typed: the department it fills and its criteria, in file order.
struct DepartmentSource: Sendable {
    var department: Located<String>
    var criteria: [CriterionSource]
    var file: String
}

/// One criterion as written, with the ranges of the fields that rules check.
///
/// A final class of constants rather than a struct: every rule walks every criterion, and
/// copying a struct of a dozen located fields retains each of them, on every edit the language
/// server checks. Nothing changes it once decoded.
final class CriterionSource: Sendable {
    let id: Located<String>
    let title: LocalizedText?
    let guidance: LocalizedText?
    let stages: [Located<String>]
    let points: Located<Int>?
    let mandatory: Bool?
    /// nil means `all`.
    let appliesTo: [Located<String>]?
    let evidence: [LocalizedText]
    /// The previous release's IDs this criterion replaces (rename, split or merge).
    let replaces: [Located<String>]
    /// For a merge: how the replaced statuses combine.
    let combine: Located<MigrationRule.Combination>?
    let range: SourceRange

    init(
        id: Located<String>, title: LocalizedText?, guidance: LocalizedText?, stages: [Located<String>],
        points: Located<Int>?, mandatory: Bool?,
        appliesTo: [Located<String>]?, evidence: [LocalizedText], replaces: [Located<String>] = [],
        combine: Located<MigrationRule.Combination>?, range: SourceRange
    ) {
        self.id = id
        self.title = title
        self.guidance = guidance
        self.stages = stages
        self.points = points
        self.mandatory = mandatory
        self.appliesTo = appliesTo
        self.evidence = evidence
        self.replaces = replaces
        self.combine = combine
        self.range = range
    }
}

extension SourceDecoder {
    static let frameworkKeys = [
        "id", "version", "title", "locales", "criterion_id_pattern", "stages", "production_types", "departments",
        "scoring",
    ]
    static let optionalFrameworkKeys = ["retired", "changelog_locale", "audit"]

    /// Types `framework.yaml`.
    mutating func frameworkSource(_ root: YAMLNode) -> FrameworkSource? {
        guard
            let fields = mapping(
                root, context: "framework.yaml", required: Self.frameworkKeys, optional: Self.optionalFrameworkKeys)
        else { return nil }
        var source = FrameworkSource(range: root.range)
        source.locales = textList(fields["locales"], what: "locales") ?? []
        var seenLocales: [String: SourceRange] = [:]
        for locale in source.locales {
            if let first = seenLocales[locale.value] {
                diagnostics.emit(.duplicateID(locale.value, what: "locale", at: locale.range, first: first))
            }
            seenLocales[locale.value] = seenLocales[locale.value] ?? locale.range
        }
        locales = source.locales.map(\.value)
        if let changelog = text(fields["changelog_locale"], what: "changelog_locale") {
            if locales.contains(changelog.value) {
                source.changelogLocale = changelog
            } else if !locales.isEmpty {
                diagnostics.emit(.undeclaredLocale(changelog.value, at: changelog.range, declared: locales))
            }
        }
        source.id = text(fields["id"], what: "id")
        if let versionText = text(fields["version"], what: "version") {
            if let version = SemanticVersion(versionText.value) {
                source.version = Located(version, at: versionText.range)
            } else {
                diagnostics.emit(.invalidVersion(versionText.value, at: versionText.range))
            }
        }
        source.title = localized(fields["title"], what: "the framework title")
        source.criterionIDPattern = text(fields["criterion_id_pattern"], what: "criterion_id_pattern")
        source.stages = catalog(fields["stages"], what: "stages")
        source.productionTypes = catalog(fields["production_types"], what: "production_types")
        source.departments = catalog(fields["departments"], what: "departments")
        // An empty list here would silently switch a rule off (no translation to check, no
        // production type a criterion could apply to), so each must declare something.
        for key in ["locales", "stages", "production_types", "departments"] {
            if let node = fields[key], node.sequenceItems?.isEmpty == true {
                diagnostics.emit(
                    .invalidValue("\(key) is empty", at: node.range, help: "declare at least one entry under '\(key):'")
                )
            }
        }
        if let scoring = fields["scoring"],
            let scoringFields = mapping(scoring, context: "scoring", required: ["not_applicable", "schemes"])
        {
            if let rule = scoringFields["not_applicable"],
                let ruleFields = mapping(
                    rule, context: "scoring.not_applicable", required: ["effect", "mandatory_allowed"])
            {
                let effect = choice(
                    ruleFields["effect"], what: "not_applicable.effect", as: NotApplicableRule.Effect.self)
                var allowed: Bool?
                if let node = ruleFields["mandatory_allowed"] {
                    allowed = boolean(node)
                    if allowed == nil {
                        diagnostics.emit(.wrongType(expected: "true or false", found: node, what: "mandatory_allowed"))
                    }
                }
                if let effect, let allowed {
                    source.notApplicable = NotApplicableRule(effect: effect, mandatoryAllowed: allowed)
                }
            }
            source.schemesRange = scoringFields["schemes"]?.range
            for node in sequence(scoringFields["schemes"], what: "schemes") ?? [] {
                if let scheme = schemeSource(node) { source.schemes.append(scheme) }
            }
        }
        if let node = fields["audit"] { source.audit = auditPolicy(node) }
        for node in sequence(fields["retired"], what: "retired") ?? [] {
            guard let entry = mapping(node, context: "a retired criterion", required: ["id", "reason"]),
                let id = text(entry["id"], what: "retired id")
            else { continue }
            source.retired.append(
                RetiredSource(
                    id: id, reason: localized(entry["reason"], what: "the reason criterion \(id.value) is retired")))
        }
        return source
    }

    private mutating func schemeSource(_ node: YAMLNode) -> SchemeSource? {
        guard let fields = mapping(node, context: "a scheme", required: ["id", "title", "threshold", "levels"]),
            let id = text(fields["id"], what: "scheme id")
        else { return nil }
        let title = localized(fields["title"], what: "the title of scheme '\(id.value)'")
        var threshold: Located<Int>?
        var comparison: Comparison?
        var thresholdRange = fields.range
        if let node = fields["threshold"] {
            thresholdRange = node.range
            if let thresholdFields = mapping(
                node, context: "the threshold of scheme '\(id.value)'", required: ["percent"], optional: ["comparison"])
            {
                threshold = percent(thresholdFields["percent"], what: "threshold percent")
                if thresholdFields["comparison"] == nil {
                    diagnostics.emit(.missingComparison(at: node.range))
                } else {
                    comparison = choice(thresholdFields["comparison"], what: "comparison", as: Comparison.self)
                }
            }
        }
        var levels: [(Located<Int>, Located<Int>)] = []
        for levelNode in sequence(fields["levels"], what: "levels") ?? [] {
            guard let levelFields = mapping(levelNode, context: "a star level", required: ["stars", "percent"]) else {
                continue
            }
            var stars: Located<Int>?
            if let starsNode = levelFields["stars"] {
                if let value = integer(starsNode), value > 0 {
                    stars = Located(value, at: starsNode.range)
                } else {
                    diagnostics.emit(.wrongType(expected: "a positive integer", found: starsNode, what: "stars"))
                }
            }
            let level = percent(levelFields["percent"], what: "star level percent")
            if let stars, let level { levels.append((stars, level)) }
        }
        return SchemeSource(
            id: id, title: title, threshold: threshold, comparison: comparison, thresholdRange: thresholdRange,
            levels: levels)
    }
}
