/// Scores answer sets against a bundle, exactly, in integers, following the bundle's policy.
///
/// A criterion is applicable when it applies to the production type and is not answered
/// not-applicable (under the `excluded` effect). Unanswered applicable criteria count as not
/// met. Thresholds compare by cross-multiplication, so "at least 65%" passes at exactly 65.00%.
public struct Scorer: Sendable {
    /// The bundle scores are computed against; answers must name its version and digest.
    public let bundle: FrameworkBundle
    private let criteriaByID: [String: Criterion]

    /// A scorer for one bundle. Keep it for many answer sets: it indexes the criteria once.
    public init(bundle: FrameworkBundle) {
        self.bundle = bundle
        self.criteriaByID = Dictionary(
            bundle.framework.criteria.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Scores one answer set. Problems are reported at `locate(path)`; nil when the answers
    /// cannot be scored against this bundle.
    public func score(
        _ answers: AnswerSet, into diagnostics: inout DiagnosticCollector, locate: (String) -> SourceLocation
    ) -> ScoreReport? {
        let framework = bundle.framework
        var failed = false
        func problem(_ code: DiagnosticCode, _ message: String, _ path: String, help: String? = nil) {
            diagnostics.emit(Diagnostic(.error, code, message, at: locate(path), help: help))
            failed = true
        }
        let reference = BundleReference(bundle)
        if answers.framework.id != reference.id || answers.framework.version != reference.version {
            problem(
                .answersVersionMismatch,
                "answers were written for \(answers.framework.id) \(answers.framework.version), this bundle is \(reference.id) \(reference.version)",
                "$.framework.version", help: "run `ecoprod migrate ANSWERS --to \(reference.version)` first")
        } else if answers.framework.digest != reference.digest {
            problem(
                .answersVersionMismatch,
                "answers were written for a bundle with digest \(answers.framework.digest), not \(reference.digest)",
                "$.framework.digest",
                help:
                    "the answers refer to another build of \(reference.version); run `ecoprod migrate` from the bundle they name"
            )
        }
        let locale = framework.identity.locales.first ?? "en"
        /// "Long métrage (feature-film), Série (series)": what a grid's drop-down shows, then the ID.
        func choices(_ entries: [(id: String, title: LocalizedText)]) -> String {
            entries.map { entry in entry.title[locale].map { "\($0) (\(entry.id))" } ?? entry.id }
                .joined(separator: ", ")
        }
        if !framework.productionTypes.contains(where: { $0.id == answers.production.type }) {
            let types = choices(framework.productionTypes.map { ($0.id, $0.title) })
            problem(
                .answersUnknownType,
                answers.production.type.isEmpty
                    ? "the production type is empty"
                    : "production type '\(answers.production.type)' is not declared by \(reference.id) \(reference.version)",
                "$.production.type",
                help: "choose one of: \(types)")
        }
        let scheme = framework.scoring.schemes.first { $0.id == answers.production.scheme }
        if scheme == nil {
            let schemes = choices(framework.scoring.schemes.map { ($0.id, $0.title) })
            problem(
                .answersUnknownScheme,
                answers.production.scheme.isEmpty
                    ? "the scheme is empty"
                    : "scheme '\(answers.production.scheme)' is not declared by \(reference.id) \(reference.version)",
                "$.production.scheme",
                help: "choose one of: \(schemes)")
        }
        let policy = framework.scoring.notApplicable
        for id in answers.answers.keys.sorted() {
            guard let criterion = criteriaByID[id] else {
                problem(
                    .answersUnknownCriterion, "criterion \(id) is not in \(reference.id) \(reference.version)",
                    JSONPath.member(id, of: "$.answers"),
                    help: "remove the answer, or migrate answers written for another version")
                continue
            }
            if answers.answers[id]?.status == .notApplicable, criterion.mandatory, !policy.mandatoryAllowed {
                problem(
                    .answersNotApplicableRefused, "criterion \(id) is mandatory and may not be answered not-applicable",
                    JSONPath.member(id, of: "$.answers") + ".status", help: "answer met or not-met")
            }
        }
        guard !failed, let scheme else { return nil }
        return compute(answers, scheme: scheme, reference: reference)
    }

    private func compute(_ answers: AnswerSet, scheme: Scheme, reference: BundleReference) -> ScoreReport {
        let framework = bundle.framework
        let effect = framework.scoring.notApplicable.effect
        var met = 0
        var applicable = 0
        var departmentOrder: [String] = []
        var departmentTotals: [String: (met: Int, applicable: Int)] = [:]
        var mandatoryMet: [String] = []
        var mandatoryMissing: [String] = []
        var unanswered: [String] = []
        for department in framework.departments {
            departmentOrder.append(department.id)
            departmentTotals[department.id] = (0, 0)
        }
        for criterion in framework.criteria where criterion.applies(to: answers.production.type) {
            let status = answers.answers[criterion.id]?.status
            if status == .notApplicable && effect == .excluded { continue }
            applicable += criterion.points
            departmentTotals[criterion.department, default: (0, 0)].applicable += criterion.points
            if status == nil { unanswered.append(criterion.id) }
            if status == .met {
                met += criterion.points
                departmentTotals[criterion.department, default: (0, 0)].met += criterion.points
            }
            if criterion.mandatory {
                if status == .met { mandatoryMet.append(criterion.id) } else { mandatoryMissing.append(criterion.id) }
            }
        }
        let reached = scheme.threshold.isReached(met: met, applicable: applicable)
        let eligible = reached && mandatoryMissing.isEmpty
        let stars =
            eligible
            ? scheme.levels.filter {
                Threshold(basisPoints: $0.basisPoints, comparison: .atLeast).isReached(met: met, applicable: applicable)
            }.map(\.stars).max() ?? 0
            : 0
        return ScoreReport(
            framework: reference, production: answers.production, points: met, applicablePoints: applicable,
            basisPoints: BasisPoints(met: met, of: applicable), threshold: scheme.threshold, eligible: eligible,
            stars: stars, mandatoryMet: mandatoryMet, mandatoryMissing: mandatoryMissing,
            pointsNeeded: Self.pointsNeeded(met: met, applicable: applicable, threshold: scheme.threshold),
            departments: departmentOrder.map {
                ScoreReport.DepartmentScore(
                    id: $0, points: departmentTotals[$0]!.met, applicablePoints: departmentTotals[$0]!.applicable)
            },
            unanswered: unanswered)
    }

    /// The fewest more points to meet so that the threshold holds: the smallest integer m with
    /// (met + m) × 10000 ≥ bp × applicable (or >), found without floating point.
    static func pointsNeeded(met: Int, applicable: Int, threshold: Threshold) -> Int {
        guard applicable > 0 else { return 0 }
        return max(
            0, threshold.basisPoints.pointsToReach(applicable: applicable, comparison: threshold.comparison) - met)
    }
}
