/// The rules of every release on a path, composed into rules from its first version to its
/// last: what `diff OLD NEW` classifies when releases lie between the two.
///
/// A criterion renamed in 2.0.0 and whose successor was merged in 3.0.0 is, from 1.1.0 to
/// 3.0.0, merged; without composition the diff would report it removed without a rule while
/// the impact analysis carries its answers correctly.
extension ReleasePath {
    /// Each first-version criterion pushed through every step: where it ends (none when it was
    /// retired), as rename, split, merge or retire rules; criteria that keep their ID need none.
    public var composedRules: [MigrationRule] {
        guard bundles.count > 2 else { return bundles.count == 2 ? last.framework.lineage.rules : [] }
        var destinations: [String: [String]] = [:]
        var retired: [String: LocalizedText?] = [:]
        var combine: [String: MigrationRule.Combination] = [:]
        for criterion in first.framework.criteria { destinations[criterion.id] = [criterion.id] }
        for next in bundles.dropFirst() {
            let ids = Set(next.framework.criteria.map(\.id))
            var moves: [String: [String]] = [:]
            var retiredHere: [String: LocalizedText?] = [:]
            for rule in next.framework.lineage.rules {
                switch rule.kind {
                case .rename, .split, .merge:
                    for id in rule.from { moves[id] = rule.to }
                    if rule.kind == .merge, let to = rule.to.first { combine[to] = rule.combine }
                case .retire:
                    for id in rule.from { retiredHere[id] = rule.reason }
                }
            }
            for (origin, current) in destinations {
                destinations[origin] = current.flatMap { id in moves[id] ?? (ids.contains(id) ? [id] : []) }
                for id in current { if let reason = retiredHere[id] { retired[origin] = reason } }
            }
        }
        return Self.rules(from: destinations, first: first, retired: retired, combine: combine)
    }

    private static func rules(
        from destinations: [String: [String]], first: FrameworkBundle, retired: [String: LocalizedText?],
        combine: [String: MigrationRule.Combination]
    ) -> [MigrationRule] {
        var sources: [String: [String]] = [:]
        for (origin, targets) in destinations {
            for target in Set(targets) { sources[target, default: []].append(origin) }
        }
        var rules: [MigrationRule] = []
        var merged: Set<String> = []
        for criterion in first.framework.criteria {
            let origin = criterion.id
            let targets = Array(Set(destinations[origin] ?? [])).sorted()
            if targets.isEmpty {
                guard let reason = retired[origin] else { continue }
                rules.append(MigrationRule(kind: .retire, from: [origin], to: [], reason: reason))
            } else if targets.count > 1 {
                rules.append(MigrationRule(kind: .split, from: [origin], to: targets))
            } else if let target = targets.first, let from = sources[target], from.count > 1 {
                guard merged.insert(target).inserted else { continue }
                let ordered = first.framework.criteria.map(\.id).filter(from.contains)
                rules.append(
                    MigrationRule(kind: .merge, from: ordered, to: [target], combine: combine[target] ?? .allMet))
            } else if let target = targets.first, target != origin {
                rules.append(MigrationRule(kind: .rename, from: [origin], to: [target]))
            }
        }
        return rules
    }
}
