import EcoprodFramework
import Foundation

/// Everything `certify` and `verify-certificate` check before a verdict: the scorer's signed
/// statement, the auditor's signed plan, a sample that replays exactly, findings that answer
/// that plan and cover its sample exactly; then the score again with every refuted claim
/// counted not met.
struct AuditCheck: Sendable {
    var statement: String
    var answers: String
    var plan: String
    var findings: String
    var releases: String
    var allowedSigners: String?

    /// What the inputs hold together to give.
    struct Outcome: Sendable {
        var verified: StatementVerification.Verified
        var plan: AuditPlan
        var planDigest: String
        var findings: AuditFindings
        var findingsDigest: String
        /// The answers' score with every refuted claim counted not met.
        var audited: ScoredAnswers
        /// What each refuted claim costs alone, as notes.
        var refutations: [Diagnostic]
    }

    func run(into diagnostics: inout DiagnosticCollector) -> Outcome? {
        let verification = StatementVerification(
            statement: statement, answers: answers, releases: releases, allowedSigners: allowedSigners)
        guard let verified = verification.run(into: &diagnostics) else { return nil }
        let planBytes = InputFile.read(plan, into: &diagnostics)
        let findingsBytes = InputFile.read(findings, into: &diagnostics)
        guard let planBytes, let findingsBytes, let read = readPlan(planBytes, into: &diagnostics) else { return nil }
        _ = verified.signers.check(
            planBytes, file: plan, namespace: SignerPolicy.auditNamespace,
            at: SignerTime(releaseDate: read.plannedOn) ?? .now, into: &diagnostics)
        checkSubject(read, verified: verified, into: &diagnostics)
        replay(read, bytes: planBytes, verified: verified, into: &diagnostics)
        let planDigest = HexDigest.sha256(planBytes)
        guard let found = FindingsReading.read(findingsBytes, file: findings, into: &diagnostics) else { return nil }
        checkFindings(found, plan: read, planDigest: planDigest, into: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        let (audited, refutations) = rescore(verified.scored, refuted: found.refuted)
        return Outcome(
            verified: verified, plan: read, planDigest: planDigest, findings: found,
            findingsDigest: HexDigest.sha256(findingsBytes), audited: audited, refutations: refutations)
    }

    private func readPlan(_ bytes: [UInt8], into diagnostics: inout DiagnosticCollector) -> AuditPlan? {
        JSONDocumentReading.read(bytes, file: plan, into: &diagnostics, malformed: Diagnostic.planMalformed) {
            (field) throws(JSONField.ShapeError) in try AuditPlan(json: field)
        }
    }

    /// The plan is about this statement's bytes, these answers and this bundle.
    private func checkSubject(
        _ read: AuditPlan, verified: StatementVerification.Verified, into diagnostics: inout DiagnosticCollector
    ) {
        let statementDigest = HexDigest.sha256(verified.statementBytes)
        let bundle = BundleReference(verified.scored.bundle)
        let mismatches = [
            read.statementDigest == statementDigest
                ? nil : "it samples the statement with SHA-256 \(read.statementDigest), not \(statementDigest)",
            read.answersDigest == verified.statement.answersDigest
                ? nil : "it names answers \(read.answersDigest), not \(verified.statement.answersDigest)",
            read.bundle == bundle ? nil : "it names bundle \(read.bundle.digest), not \(bundle.digest)",
        ].compactMap { $0 }
        for mismatch in mismatches {
            diagnostics.emit(
                Diagnostic(
                    .error, .planForAnotherStatement, "the plan is not for \(statement): \(mismatch)", at: .file(plan),
                    help: "audit the statement the plan was drawn for, or draw a plan for this one"))
        }
    }

    /// The draw again, from the statement's bytes, the plan's beacon and the bundle's policy.
    private func replay(
        _ read: AuditPlan, bytes: [UInt8], verified: StatementVerification.Verified,
        into diagnostics: inout DiagnosticCollector
    ) {
        let framework = verified.scored.bundle.framework
        guard let policy = framework.audit else {
            diagnostics.emit(.noAuditPolicy(verified.scored.bundle, at: .file(statement)))
            return
        }
        let draw = AuditDraw(
            claims: AuditDraw.claims(of: verified.scored.answers, in: framework),
            departments: framework.departments.map(\.id), policy: policy,
            statementDigest: HexDigest.sha256(verified.statementBytes), beacon: read.beacon)
        let locator = JSONLocator(bytes: bytes, file: plan)
        var differences: [(String, String)] = []
        if read.policy != policy { differences.append(("$.predicate.policy", "its policy is not the bundle's")) }
        if read.seed != draw.seed { differences.append(("$.predicate.seed", "its seed is not \(draw.seed)")) }
        if read.tickets != draw.tickets { differences.append(("$.predicate.tickets", "its tickets do not replay")) }
        if read.sample != draw.sample {
            let index =
                Array(zip(read.sample, draw.sample)).firstIndex { $0.0 != $0.1 }
                ?? min(read.sample.count, draw.sample.count)
            let expected =
                index < draw.sample.count
                ? "\(draw.sample[index].criterion) (\(draw.sample[index].reason.rawValue))" : "nothing"
            let found =
                index < read.sample.count
                ? "\(read.sample[index].criterion) (\(read.sample[index].reason.rawValue))" : "nothing"
            differences.append(
                (
                    JSONPath.item(index, of: "$.predicate.sample"),
                    "sample item \(index + 1) is \(found), the draw gives \(expected)"
                ))
        }
        for (path, message) in differences {
            diagnostics.emit(
                Diagnostic(
                    .error, .sampleDiffers, "the plan's draw does not replay: \(message)",
                    at: locator.location(of: path), help: "draw the plan again with `ecoprod audit plan`; never edit it"
                ))
        }
    }

    /// The findings answer this plan and cover its sample exactly.
    private func checkFindings(
        _ found: AuditFindings, plan read: AuditPlan, planDigest: String, into diagnostics: inout DiagnosticCollector
    ) {
        if found.planDigest != planDigest {
            diagnostics.emit(
                Diagnostic(
                    .error, .findingsForAnotherPlan,
                    "the findings answer the plan sha256:\(found.planDigest), not \(plan) (sha256:\(planDigest))",
                    at: .file(findings), help: "fill in the template written beside this plan"))
        }
        let sampled = Set(read.sample.map(\.criterion))
        let missing = sampled.subtracting(found.findings.keys).sorted()
        let extra = Set(found.findings.keys).subtracting(sampled).sorted()
        if !missing.isEmpty {
            diagnostics.emit(
                Diagnostic(
                    .error, .findingsCoverage, "no finding for sampled \(missing.joined(separator: ", "))",
                    at: .file(findings), help: "give an outcome and a note for every sampled claim"))
        }
        if !extra.isEmpty {
            diagnostics.emit(
                Diagnostic(
                    .error, .findingsCoverage, "findings for \(extra.joined(separator: ", ")), which were not sampled",
                    at: .file(findings), help: "only the plan's sample is audited; remove the others"))
        }
    }

    /// The score with every refuted claim not met, and what each costs alone.
    private func rescore(_ scored: ScoredAnswers, refuted: [String]) -> (ScoredAnswers, [Diagnostic]) {
        let scorer = Scorer(bundle: scored.bundle)
        func score(refuting ids: [String]) -> ScoreReport? {
            var answers = scored.answers
            for id in ids { answers.answers[id]?.status = .notMet }
            var ignored = DiagnosticCollector()
            return scorer.score(answers, into: &ignored) {
                SourceLocation(file: answers.production.title, line: 1, column: 1, path: $0)
            }
        }
        var audited = scored
        for id in refuted { audited.answers.answers[id]?.status = .notMet }
        audited.report = score(refuting: refuted) ?? scored.report
        let before = scored.report
        let notes = refuted.map { id -> Diagnostic in
            let alone = score(refuting: [id]) ?? before
            var costs: [String] = []
            if alone.mandatoryMissing.contains(id) { costs.append("a mandatory criterion not met: not eligible") }
            if alone.points != before.points || alone.applicablePoints != before.applicablePoints {
                costs.append(
                    "\(before.percent)% → \(alone.percent)% (\(alone.points)/\(alone.applicablePoints) points)")
            }
            if alone.stars != before.stars { costs.append("stars \(before.stars) → \(alone.stars)") }
            return Diagnostic(
                .note, .claimRefuted,
                "\(id) refuted, counted not met: \(costs.isEmpty ? "no change" : costs.joined(separator: "; "))",
                at: .file(findings))
        }
        return (audited, notes)
    }
}

extension Diagnostic {
    static func planMalformed(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .planMalformed, "the audit plan: \(message)", at: location,
            help: "use the plan `ecoprod audit plan` wrote, unchanged")
    }
}
