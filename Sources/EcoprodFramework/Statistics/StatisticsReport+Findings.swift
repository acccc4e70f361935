/// What the statistics tell the editors, each a diagnostic with its code (Q101–Q104), never
/// naming a production, and only from figures shown (never from suppressed ones).
extension StatisticsReport {
    static func editorFindings(
        _ framework: Framework, _ tally: StatisticsTally, _ figures: [CriterionFigures], _ options: Options,
        file: String
    ) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let at = SourceLocation.file(file)
        for (criterion, (counts, shown)) in zip(framework.criteria, zip(tally.criteria, figures)) {
            if case .value(let rate) = shown.metRate, rate >= options.alwaysMet {
                findings.append(
                    Diagnostic(
                        .note, .criterionAlwaysMet,
                        "\(criterion.id) is met by \(percent(rate)) of the \(counts.applies) productions it applies to",
                        at: at, help: "it no longer tells productions apart: raise its bar, or retire it"))
            }
            if case .value(let r) = shown.correlation, r < 0 {
                findings.append(
                    Diagnostic(
                        .warning, .criterionNegativelyCorrelated,
                        "\(criterion.id) has a negative corrected item–total correlation, r = \(String(format: "%.3f", r)) over \(counts.n) productions",
                        at: at, help: "productions that meet it do worse on the rest: read its wording as they do"))
            }
            for type in counts.perType.keys.sorted() {
                let (applies, notApplicable) = counts.perType[type]!
                let share = Double(notApplicable) / Double(applies)
                if applies >= options.minGroup, share > options.notApplicableShare {
                    findings.append(
                        Diagnostic(
                            .warning, .criterionOftenNotApplicable,
                            "\(criterion.id) is answered not applicable by \(percent(share)) of \(applies) \(type) productions",
                            at: at, help: "its applies_to may name \(type) wrongly"))
                }
            }
            if criterion.mandatory, case .value(let blocking) = shown.blocking, counts.applies > 0,
                blocking / Double(counts.applies) >= options.blockingShare
            {
                findings.append(
                    Diagnostic(
                        .note, .mandatoryOftenBlocks,
                        "mandatory \(criterion.id) alone would change the eligibility or stars of \(Int(blocking)) of \(counts.applies) productions (\(percent(blocking / Double(counts.applies))))",
                        at: at, help: "check that productions can meet it: guidance, evidence, timing"))
            }
        }
        return findings
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
