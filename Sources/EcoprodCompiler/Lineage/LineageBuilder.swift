import EcoprodFramework
import StrictYAML

/// Turns `replaces:`, `combine:` and `retired:` in the sources into the migration rules from
/// the previous release, and checks that every previous criterion is accounted for.
///
/// Matching is by ID through dictionaries: linear in the number of criteria. Only the
/// "did you mean" suggestions compare titles, and only for criteria that went missing.
struct LineageBuilder {
    var diagnostics = DiagnosticCollector()

    mutating func build(
        framework source: FrameworkSource, departments: [DepartmentSource], previous: BundleVerifier.VerifiedBundle?,
        retiredHistory: [String: SemanticVersion]
    ) -> Lineage {
        let criteria = departments.flatMap(\.criteria)
        for criterion in criteria where retiredHistory[criterion.id.value] != nil {
            diagnostics.emit(
                .retiredIDReused(
                    criterion.id.value, retiredIn: retiredHistory[criterion.id.value], at: criterion.id.range))
        }
        guard let previous else {
            for criterion in criteria {
                for id in criterion.replaces { diagnostics.emit(.staleReplaces(id.value, previous: nil, at: id.range)) }
            }
            for entry in source.retired {
                diagnostics.emit(.staleRetired(entry.id.value, previous: nil, at: entry.id.range))
            }
            return .origin
        }
        let old = previous.bundle.framework
        let oldVersion = old.identity.version
        let oldIDs = Set(old.criteria.map(\.id))
        let currentByID = Dictionary(criteria.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        var consumers: [String: [CriterionSource]] = [:]
        var effectiveReplaces: [String: [String]] = [:]
        for criterion in criteria {
            var kept: [String] = []
            for id in criterion.replaces {
                if oldIDs.contains(id.value) {
                    consumers[id.value, default: []].append(criterion)
                    kept.append(id.value)
                } else {
                    diagnostics.emit(.staleReplaces(id.value, previous: oldVersion, at: id.range))
                }
            }
            effectiveReplaces[criterion.id.value] = kept
            if kept.count > 1, criterion.combine == nil {
                diagnostics.emit(.mergeWithoutCombine(criterion.id.value, at: criterion.id.range))
            }
            if kept.count < 2, let combine = criterion.combine, criterion.replaces.count < 2 {
                diagnostics.emit(.combineWithoutMerge(criterion.id.value, at: combine.range))
            }
        }
        var retired: [String: RetiredSource] = [:]
        for entry in source.retired {
            guard oldIDs.contains(entry.id.value) else {
                diagnostics.emit(.staleRetired(entry.id.value, previous: oldVersion, at: entry.id.range))
                continue
            }
            if currentByID[entry.id.value] != nil {
                diagnostics.emit(
                    .conflictingRules(
                        "criterion \(entry.id.value) is retired but still in the framework", at: entry.id.range,
                        help: "remove it from 'retired:' or remove the criterion"))
            } else if consumers[entry.id.value] != nil {
                diagnostics.emit(
                    .conflictingRules(
                        "criterion \(entry.id.value) is both retired and replaced", at: entry.id.range,
                        help: "a previous criterion is either replaced or retired, not both"))
            }
            retired[entry.id.value] = entry
        }
        var rules: [MigrationRule] = []
        var emittedMerges: Set<String> = []
        var missing: [Criterion] = []
        for criterion in old.criteria {
            let id = criterion.id
            let takers = consumers[id] ?? []
            if let current = currentByID[id], takers.contains(where: { $0.id.value != id }) {
                diagnostics.emit(
                    .conflictingRules(
                        "criterion \(id) is still in the framework, and \(takers.map(\.id.value).joined(separator: ", ")) also replaces it",
                        at: current.id.range,
                        help:
                            "a kept criterion cannot also be replaced; give the new criteria fresh IDs and list \(id) in their 'replaces'"
                    ))
                continue
            }
            if takers.isEmpty {
                if currentByID[id] != nil { continue }
                if let entry = retired[id] {
                    rules.append(MigrationRule(kind: .retire, from: [id], to: [], reason: entry.reason))
                } else {
                    missing.append(criterion)
                }
                continue
            }
            if takers.count == 1, let taker = takers.first {
                let sources = effectiveReplaces[taker.id.value] ?? []
                if sources.count == 1 {
                    if taker.id.value != id {
                        rules.append(MigrationRule(kind: .rename, from: [id], to: [taker.id.value]))
                    }
                } else if !emittedMerges.contains(taker.id.value) {
                    emittedMerges.insert(taker.id.value)
                    if sources.contains(where: { (consumers[$0]?.count ?? 0) > 1 }) {
                        diagnostics.emit(
                            .conflictingRules(
                                "criterion \(taker.id.value) merges criteria that are also split", at: taker.id.range,
                                help: "a previous criterion is either split or merged, not both"))
                    } else {
                        rules.append(
                            MigrationRule(
                                kind: .merge, from: sources, to: [taker.id.value],
                                combine: taker.combine?.value ?? .allMet))
                    }
                }
                continue
            }
            if takers.contains(where: { (effectiveReplaces[$0.id.value]?.count ?? 0) > 1 }) {
                continue  // reported by the merge branch of the criterion that merges it
            }
            rules.append(MigrationRule(kind: .split, from: [id], to: takers.map(\.id.value)))
        }
        reportMissing(missing, old: old, oldIDs: oldIDs, criteria: criteria, departments: departments, source: source)
        return Lineage(previous: ReleaseReference(version: oldVersion, digest: previous.bundle.digest), rules: rules)
    }

    private mutating func reportMissing(
        _ missing: [Criterion], old: Framework, oldIDs: Set<String>, criteria: [CriterionSource],
        departments: [DepartmentSource], source: FrameworkSource
    ) {
        guard !missing.isEmpty else { return }
        let fresh = criteria.filter { !oldIDs.contains($0.id.value) && $0.replaces.isEmpty }
        for criterion in missing {
            // Point at the department file the criterion used to live in, else at framework.yaml.
            let home = departments.first { $0.department.value == criterion.department }
            let location = SourceLocation(home?.department.range ?? source.range)
            let pool = missing.count * fresh.count > 200_000 ? fresh.prefix(200) : fresh[...]
            let ranked = pool.compactMap {
                candidate -> (text: String, criterion: CriterionSource, similarity: Double)? in
                let score = TitleSimilarity.best(criterion.title, candidate.title ?? LocalizedText([:]))
                let text =
                    "\(candidate.id.value) ('\(candidate.title?[score.locale] ?? "")', \(Int(score.similarity * 100))% similar in \(score.locale))"
                return score.similarity >= 0.5 ? (text, candidate, score.similarity) : nil
            }.sorted { $0.similarity > $1.similarity }.prefix(3).map { (text: $0.text, criterion: $0.criterion) }
            diagnostics.emit(
                .criterionDisappeared(criterion.id, previous: old.identity.version, at: location, suggestions: ranked))
        }
    }
}

/// How alike two titles are, per locale: 1 minus the normalized edit distance.
enum TitleSimilarity {
    static func best(_ a: LocalizedText, _ b: LocalizedText) -> (locale: String, similarity: Double) {
        var best = (locale: "", similarity: 0.0)
        for locale in a.locales {
            guard let left = a[locale]?.lowercased(), let right = b[locale]?.lowercased() else { continue }
            let l = Array(left.unicodeScalars)
            let r = Array(right.unicodeScalars)
            let length = max(l.count, r.count)
            guard length > 0 else { continue }
            let similarity = 1 - Double(Spelling.editDistance(l, r)) / Double(length)
            if similarity > best.similarity { best = (locale, similarity) }
        }
        return best
    }
}
