/// Changes in words, for people, in a framework locale.
///
/// The sentences come in French and English, the label's two languages; any other locale gets
/// English sentences around texts in that locale. Texts of the framework show the chosen locale
/// first, then the others.
extension Change {
    /// The language of the sentences around the values.
    enum Wording {
        case english, french

        init(_ locale: String) {
            self = locale == "fr" || locale.hasPrefix("fr-") ? .french : .english
        }
    }

    /// What the change touches, in words: "criterion A1", "scheme performance", "framework".
    public func subject(in locale: String) -> String {
        let wording = Wording(locale)
        if let criterion { return (wording == .french ? "critère " : "criterion ") + criterion }
        if let scheme { return (wording == .french ? "dispositif " : "scheme ") + scheme }
        if let productionType {
            return (wording == .french ? "type de production " : "production type ") + productionType
        }
        if let department { return (wording == .french ? "poste " : "department ") + department }
        return wording == .french ? "référentiel" : "framework"
    }

    /// One line for people: what changed, before → after. A criterion is named by its ID and,
    /// when `titles` knows it, its title in `locale`: "G2 Covoiturage des équipes : 3 → 4 points".
    public func summary(in locale: String, titles: [String: LocalizedText] = [:]) -> String {
        let french = Wording(locale) == .french
        let colon = french ? " : " : ": "
        let text = { (value: LocalizedText?) in Self.display(value, in: locale) }
        let named = { (id: String) in Self.named(id, titles: titles, in: locale) }
        switch self {
        case .criterionAdded(let ref, _): return named(ref.id) + colon + (french ? "ajouté" : "added")
        case .criterionRemoved(let ref, _):
            return named(ref.id) + colon
                + (french ? "supprimé sans règle de migration" : "removed without a migration rule")
        case .criterionRenamed(let from, let to):
            return named(from) + colon + (french ? "devient " : "renamed to ") + to.id
        case .criterionSplit(let from, let into, _):
            return from.map(named).joined(separator: ", ") + colon + (french ? "scindé en " : "split into ")
                + into.map(named).joined(separator: ", ")
        case .criterionMerged(let from, let into, let combine, _):
            return from.map(named).joined(separator: ", ") + colon + (french ? "fusionnés dans " : "merged into ")
                + into.map(named).joined(separator: ", ") + " (" + Self.combination(combine, french) + ")"
        case .criterionRetired(let ref, _, let reason):
            return named(ref.id) + colon + (french ? "retiré" : "retired") + (reason.map { " — \(text($0))" } ?? "")
        case .pointsChanged(let ref, let before, let after):
            return named(ref.id) + colon + "\(before) → \(after) points"
        case .mandatoryChanged(let ref, _, let after):
            let what =
                after
                ? (french ? "devient obligatoire" : "becomes mandatory")
                : (french ? "n'est plus obligatoire" : "is no longer mandatory")
            return named(ref.id) + colon + what
        case .applicabilityChanged(let ref, _, _), .criterionMoved(let ref, _, _), .stagesChanged(let ref, _, _),
            .titleChanged(let ref, _), .guidanceChanged(let ref, _), .evidenceChanged(let ref, _, _, _):
            let scope = self.locale.map { " (\($0))" } ?? ""
            return named(ref.id) + colon + field(french) + scope + colon
                + "\(displayBefore(in: locale)) → \(displayAfter(in: locale))"
        case .schemeAdded(let scheme):
            return "\(subject(in: locale)) \(french ? "ajouté :" : "added:") \(scheme.threshold.text)"
        case .schemeRemoved: return "\(subject(in: locale)) \(french ? "supprimé" : "removed")"
        case .thresholdChanged(_, let before, let after):
            return "\(subject(in: locale))\(colon)\(french ? "seuil" : "threshold") \(before) → \(after)"
        case .productionTypeAdded(let entry), .departmentAdded(let entry), .stageAdded(let entry):
            return "\(catalogName(french)) \(entry.id) \(text(entry.title))\(colon)\(french ? "ajouté" : "added")"
        case .productionTypeRemoved(let entry), .departmentRemoved(let entry), .stageRemoved(let entry):
            return "\(catalogName(french)) \(entry.id) \(text(entry.title))\(colon)\(french ? "supprimé" : "removed")"
        case .auditPolicyAdded(let policy):
            return (french ? "échantillon d'audit ajouté" : "audit sample added") + colon
                + policy.summary(french: french)
        case .auditPolicyChanged:
            return (french ? "échantillon d'audit" : "audit sample") + colon
                + "\(displayBefore(in: locale)) → \(displayAfter(in: locale))"
        case .localeAdded(let added): return "\(french ? "langue" : "locale") \(added) \(french ? "ajoutée" : "added")"
        case .localeRemoved(let removed):
            return "\(french ? "langue" : "locale") \(removed) \(french ? "supprimée" : "removed")"
        case .frameworkTitleChanged, .idPatternChanged, .stageTitleChanged, .productionTypeTitleChanged,
            .departmentTitleChanged, .notApplicableRuleChanged, .schemeTitleChanged, .comparisonChanged,
            .starLevelsChanged:
            let scope = self.locale.map { " (\($0))" } ?? ""
            return "\(subject(in: locale))\(colon)\(field(french))\(scope)\(colon)"
                + "\(displayBefore(in: locale)) → \(displayAfter(in: locale))"
        }
    }

    /// "G2 Covoiturage des équipes": the ID, then the title in `locale` when it is known.
    static func named(_ id: String, titles: [String: LocalizedText], in locale: String) -> String {
        guard let title = titles[id], let text = title[locale] ?? title.locales.first.flatMap({ title[$0] }) else {
            return id
        }
        return "\(id) \(text)"
    }

    /// How a merge combines statuses, in words; all-met when the rule does not say.
    static func combination(_ combine: MigrationRule.Combination?, _ french: Bool) -> String {
        (combine ?? .allMet).words(french: french)
    }

    /// The catalogue an added or removed entry belongs to.
    private func catalogName(_ french: Bool) -> String {
        switch kind {
        case .productionTypeAdded, .productionTypeRemoved: return french ? "type de production" : "production type"
        case .departmentAdded, .departmentRemoved: return french ? "poste" : "department"
        case .frameworkTitleChanged, .localeAdded, .localeRemoved, .idPatternChanged, .stageAdded, .stageRemoved,
            .stageTitleChanged,
            .productionTypeTitleChanged, .departmentTitleChanged, .notApplicableRuleChanged, .schemeAdded,
            .schemeRemoved,
            .schemeTitleChanged, .thresholdChanged, .comparisonChanged, .starLevelsChanged, .criterionAdded,
            .criterionRemoved,
            .criterionRenamed, .criterionSplit, .criterionMerged, .criterionRetired, .pointsChanged, .mandatoryChanged,
            .applicabilityChanged, .criterionMoved, .stagesChanged, .titleChanged, .guidanceChanged, .evidenceChanged,
            .auditPolicyAdded, .auditPolicyChanged:
            return french ? "étape" : "stage"
        }
    }

    /// The field a change of a value is about.
    private func field(_ french: Bool) -> String {
        switch kind {
        case .frameworkTitleChanged: return french ? "titre du référentiel" : "framework title"
        case .idPatternChanged: return french ? "modèle d'identifiant" : "id pattern"
        case .stageTitleChanged: return french ? "titre d'étape" : "stage title"
        case .productionTypeTitleChanged: return french ? "titre du type de production" : "production type title"
        case .departmentTitleChanged: return french ? "titre du poste" : "department title"
        case .notApplicableRuleChanged: return french ? "règle du non-applicable" : "not applicable rule"
        case .schemeTitleChanged: return french ? "titre du dispositif" : "scheme title"
        case .comparisonChanged: return french ? "comparaison" : "comparison"
        case .starLevelsChanged: return french ? "niveaux d'étoiles" : "star levels"
        case .pointsChanged: return "points"
        case .mandatoryChanged: return french ? "obligatoire" : "mandatory"
        case .applicabilityChanged: return french ? "s'applique à" : "applies to"
        case .criterionMoved: return french ? "poste" : "department"
        case .stagesChanged: return french ? "étapes" : "stages"
        case .titleChanged: return french ? "titre" : "title"
        case .guidanceChanged: return french ? "recommandation" : "guidance"
        case .evidenceChanged: return french ? "justificatifs" : "evidence"
        case .auditPolicyAdded, .auditPolicyChanged: return french ? "échantillon d'audit" : "audit sample"
        case .localeAdded, .localeRemoved, .stageAdded, .stageRemoved, .productionTypeAdded, .productionTypeRemoved,
            .departmentAdded,
            .departmentRemoved, .schemeAdded, .schemeRemoved, .thresholdChanged, .criterionAdded, .criterionRemoved,
            .criterionRenamed,
            .criterionSplit, .criterionMerged, .criterionRetired:
            return kind.rawValue
        }
    }

    /// The value before the change, as people read it in `locale`.
    public func displayBefore(in locale: String) -> String { display(before: true, in: locale) }

    /// The value after the change, as people read it in `locale`.
    public func displayAfter(in locale: String) -> String { display(before: false, in: locale) }

    private func display(before side: Bool, in locale: String) -> String {
        let french = Wording(locale) == .french
        func pick<T>(_ before: T, _ after: T) -> T { side ? before : after }
        switch self {
        case .frameworkTitleChanged(let edit), .stageTitleChanged(_, let edit),
            .productionTypeTitleChanged(_, let edit),
            .departmentTitleChanged(_, let edit), .schemeTitleChanged(_, let edit), .titleChanged(_, let edit),
            .guidanceChanged(_, let edit):
            return pick(edit.before, edit.after) ?? "—"
        case .localeAdded(let added): return side ? "—" : added
        case .localeRemoved(let removed): return side ? removed : "—"
        case .idPatternChanged(let before, let after), .criterionMoved(_, let before, let after):
            return pick(before, after)
        case .stageAdded(let entry), .productionTypeAdded(let entry), .departmentAdded(let entry):
            return side ? "—" : Self.display(entry.title, in: locale)
        case .stageRemoved(let entry), .productionTypeRemoved(let entry), .departmentRemoved(let entry):
            return side ? Self.display(entry.title, in: locale) : "—"
        case .notApplicableRuleChanged(let before, let after):
            return String(decoding: pick(before, after).jsonValue.canonicalBytes(), as: UTF8.self)
        case .schemeAdded(let scheme): return side ? "—" : scheme.threshold.text
        case .schemeRemoved(let scheme): return side ? scheme.threshold.text : "—"
        case .thresholdChanged(_, let before, let after): return pick(before, after).description
        case .comparisonChanged(_, let before, let after): return pick(before, after).rawValue
        case .auditPolicyAdded(let policy): return side ? "—" : policy.summary(french: french)
        case .auditPolicyChanged(let before, let after):
            return pick(before, after)?.summary(french: french) ?? "—"
        case .starLevelsChanged(_, let before, let after):
            return pick(before, after).map { "\($0.stars)★ \($0.basisPoints)" }.joined(separator: ", ")
        case .criterionAdded(_, let title): return side ? "—" : Self.display(title, in: locale)
        case .criterionRemoved(_, let title): return side ? Self.display(title, in: locale) : "—"
        case .criterionRenamed(let from, let to): return pick(from, to.id)
        case .criterionSplit(let from, let into, _): return Self.list(pick(from, into))
        case .criterionMerged(let from, _, _, _):
            return side ? Self.list(from) : after.map { String(decoding: $0.canonicalBytes(), as: UTF8.self) } ?? "—"
        case .criterionRetired(_, let title, let reason): return Self.display(pick(title, reason), in: locale)
        case .pointsChanged(_, let before, let after): return String(pick(before, after))
        case .mandatoryChanged(_, let before, let after):
            return pick(before, after) ? (french ? "oui" : "yes") : (french ? "non" : "no")
        case .applicabilityChanged(_, let before, let after), .stagesChanged(_, let before, let after),
            .evidenceChanged(_, _, let before, let after):
            return Self.list(pick(before, after))
        }
    }

    /// A list as "[a, b]".
    static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    /// A framework text in `locale` alone, so that one output holds one language; another
    /// locale's text only when `locale` has none.
    static func display(_ text: LocalizedText?, in locale: String) -> String {
        guard let text, let shown = text[locale] ?? text.locales.first.flatMap({ text[$0] }) else { return "—" }
        return shown
    }
}

extension MigrationRule.Combination {
    /// The rule in words, for diffs and migration reports: "met if all were met".
    public func words(french: Bool) -> String {
        switch self {
        case .allMet: return french ? "rempli si tous l'étaient" : "met if all were met"
        case .anyMet: return french ? "rempli si l'un l'était" : "met if any was met"
        }
    }
}
