/// What a scoring change does to productions' scores, in words, for the changelog's
/// "Scoring impact" section and the diff's.
///
/// An editor reading a changelog wants the consequence ("a production that does not meet it
/// can no longer be eligible"), not the kind's name; the JSON diff keeps the kind for tools.
extension Change {
    /// The consequence of a scoring change for productions; nil for additive and editorial
    /// changes, which change no existing score.
    public func scoringEffect(in locale: String, titles: [String: LocalizedText] = [:]) -> String? {
        let french = Wording(locale) == .french
        let named = { (id: String) in Self.named(id, titles: titles, in: locale) }
        let ids = { (list: [String]) in list.map(named).joined(separator: ", ") }
        switch self {
        case .pointsChanged(let ref, let before, let after):
            let delta = abs(after - before)
            let more = after > before
            return french
                ? "\(named(ref.id)) vaut \(after) points au lieu de \(before) : une production qui le remplit "
                    + "\(more ? "gagne" : "perd") \(delta) point\(delta == 1 ? "" : "s"), et le total applicable "
                    + "\(more ? "augmente" : "baisse") d'autant."
                : "\(named(ref.id)) is worth \(after) points instead of \(before): a production that meets it "
                    + "\(more ? "gains" : "loses") \(delta) point\(delta == 1 ? "" : "s"), and the applicable total "
                    + "\(more ? "rises" : "falls") by as much."
        case .mandatoryChanged(let ref, _, let after):
            if after {
                return french
                    ? "\(named(ref.id)) devient obligatoire : une production qui ne le remplit pas n'est plus éligible."
                    : "\(named(ref.id)) becomes mandatory: a production that does not meet it is no longer eligible."
            }
            return french
                ? "\(named(ref.id)) n'est plus obligatoire : ne pas le remplir ne coûte plus que ses points."
                : "\(named(ref.id)) is no longer mandatory: not meeting it costs only its points."
        case .applicabilityChanged(let ref, let before, let after):
            let gained = after.filter { !before.contains($0) }
            let lost = before.filter { !after.contains($0) }
            let parts = [
                (gained, french ? "ses points entrent dans le total des productions" : "its points enter the total of"),
                (lost, french ? "ses points sortent du total des productions" : "its points leave the total of"),
            ].compactMap { types, words -> String? in
                guard !types.isEmpty else { return nil }
                let list = types.joined(separator: ", ")
                return french ? "\(words) \(list)" : "\(words) \(list) productions"
            }
            return named(ref.id) + (french ? " : " : ": ") + parts.joined(separator: french ? " ; " : "; ") + "."
        case .criterionRemoved(let ref, _):
            return french
                ? "\(named(ref.id)) disparaît : ses points sortent des totaux et sa réponse ne compte plus."
                : "\(named(ref.id)) is gone: its points leave the totals and its answer no longer counts."
        case .criterionRetired(let ref, _, _):
            return french
                ? "\(named(ref.id)) est retiré : ses points sortent des totaux ; sa réponse est conservée parmi les réponses retirées."
                : "\(named(ref.id)) is retired: its points leave the totals; its answer is kept under 'retired'."
        case .criterionRenamed(let from, let to):
            return french
                ? "\(named(from)) devient \(to.id) : la réponse suit la migration, le score ne change pas."
                : "\(named(from)) becomes \(to.id): the answer follows through migration; the score does not change."
        case .criterionSplit(let from, let into, _):
            return french
                ? "\(ids(from)) est scindé en \(ids(into)) : chacun reprend une copie de la réponse, à revoir."
                : "\(ids(from)) is split into \(ids(into)): each starts from a copy of the answer, to review."
        case .criterionMerged(let from, let into, let combine, _):
            return french
                ? "\(ids(from)) sont fusionnés dans \(ids(into)) : \(Self.combination(combine, true))."
                : "\(ids(from)) merge into \(ids(into)): \(Self.combination(combine, false))."
        case .notApplicableRuleChanged:
            return french
                ? "La règle du non-applicable change : le pourcentage d'une production qui a répondu « non applicable » peut changer."
                : "The not-applicable rule changes: the percentage of a production that answered not-applicable may change."
        case .schemeRemoved(let scheme):
            return french
                ? "Le dispositif \(scheme.id) disparaît : une production qui le visait doit en choisir un autre."
                : "Scheme \(scheme.id) is gone: a production that aimed at it must choose another."
        case .thresholdChanged(let scheme, let before, let after):
            let raised = after > before
            return french
                ? "Seuil de \(scheme) : \(before.shortText) % → \(after.shortText) % ; une production entre les deux "
                    + "\(raised ? "perd" : "gagne") l'éligibilité."
                : "Threshold of \(scheme): \(before.shortText)% → \(after.shortText)%; a production between the two "
                    + "\(raised ? "loses" : "gains") eligibility."
        case .comparisonChanged(let scheme, _, _):
            return french
                ? "Comparaison au seuil de \(scheme) : une production exactement au seuil change de côté."
                : "Comparison with the threshold of \(scheme): a production exactly at the threshold changes side."
        case .starLevelsChanged(let scheme, _, _):
            return french
                ? "Étoiles de \(scheme) : une production proche d'un palier modifié peut changer d'étoiles."
                : "Stars of \(scheme): a production near a changed level may change stars."
        case .productionTypeRemoved(let entry):
            return french
                ? "Le type \(entry.id) disparaît : ses productions ne peuvent plus être notées avec cette version."
                : "Production type \(entry.id) is gone: its productions cannot be scored under this version."
        case .departmentRemoved(let entry):
            return french
                ? "Le poste \(entry.id) disparaît : les points de ses critères sortent des totaux."
                : "Department \(entry.id) is gone: its criteria's points leave the totals."
        case .auditPolicyChanged:
            return french
                ? "La règle d'échantillonnage de l'audit change : les critères vérifiés par l'auditeur, donc les certificats, peuvent changer."
                : "The audit's sampling rule changes: which claims the auditor checks, and so which certificates are issued, may change."
        case .frameworkTitleChanged, .localeAdded, .localeRemoved, .idPatternChanged, .stageAdded, .stageRemoved,
            .stageTitleChanged, .productionTypeAdded, .productionTypeTitleChanged, .departmentAdded,
            .departmentTitleChanged, .schemeAdded, .schemeTitleChanged, .criterionAdded, .criterionMoved,
            .stagesChanged, .titleChanged, .guidanceChanged, .evidenceChanged, .auditPolicyAdded:
            return nil
        }
    }
}
