import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// The audit and the certificate through the real binary and the real `ssh-keygen`: statement →
/// plan → findings → certificate → verify → render; each denial; each tampering refused with its
/// own code. (The sample's replay by an independent script, the schemas and OpenSSH's own
/// verification are Tests/Audit's.)
@Suite(.serialized) struct AuditCommandTests {
    static let bundle = "Framework/releases/ecoprod-label-1.2.0.json"

    /// A folder with the three parties' keys in one allowed_signers, and an answer set for 1.2.0
    /// scored and stated by the scorer.
    struct Workspace {
        var folder: URL
        var scorer: SSHKeygen.Key
        var auditor: SSHKeygen.Key
        var label: SSHKeygen.Key
        var signers: URL
        var answers: URL
        var statement: URL
        var plan: URL { folder.appendingPathComponent("answers.plan.json") }
        var template: URL { folder.appendingPathComponent("answers.findings.json") }
        var findings: URL { folder.appendingPathComponent("findings.json") }
        var certificate: URL { folder.appendingPathComponent("answers.certificate.json") }

        func path(_ url: URL) -> String { url.path }
    }

    static func workspace(answers: AnswerSet) throws -> Workspace {
        let folder = try temporaryFolder("ecoprod-audit")
        let keys = SSHKeygen()
        let scorer = try keys.makeKey(in: folder, name: "scorer")
        let auditor = try keys.makeKey(in: folder, name: "auditor")
        let label = try keys.makeKey(in: folder, name: "label")
        let signers = folder.appendingPathComponent("signers")
        try """
        scorer@example namespaces="ecoprod-statement" \(scorer.publicLine)
        auditor@example namespaces="ecoprod-audit" \(auditor.publicLine)
        label@example namespaces="ecoprod-certificate" \(label.publicLine)

        """.write(to: signers, atomically: true, encoding: .utf8)
        let answersFile = folder.appendingPathComponent("answers.json")
        try Data(answers.jsonValue.prettyBytes()).write(to: answersFile)
        let statement = folder.appendingPathComponent("answers.statement.json")
        let scored = try runEcoprod([
            "score", answersFile.path, "--statement", statement.path, "--sign", scorer.privateKey.path, "--date",
            "2026-12-06", "--format", "json",
        ])
        #expect(scored.status == 0, "\(scored.stderr)")
        return Workspace(
            folder: folder, scorer: scorer, auditor: auditor, label: label, signers: signers, answers: answersFile,
            statement: statement)
    }

    static func framework() throws -> FrameworkBundle {
        var diagnostics = DiagnosticCollector()
        let history = ReleaseHistory.load(
            directory: packageRoot.appendingPathComponent("Framework/releases").path, into: &diagnostics)
        return try #require(history.release(SemanticVersion("1.2.0")!)?.bundle)
    }

    /// Every criterion of a feature film met: 100%, three stars.
    static func allMet() throws -> AnswerSet {
        let bundle = try framework()
        var answers: [String: Answer] = [:]
        for criterion in bundle.framework.criteria {
            answers[criterion.id] = Answer(status: .met, fields: ["evidence": [.string("\(criterion.id).pdf")]])
        }
        return AnswerSet(
            framework: BundleReference(bundle),
            production: Production(title: "Les Jours Verts", type: "feature-film", scheme: "performance"),
            answers: answers)
    }

    /// Met criteria turned not met, last first, while the score stays at or above `basisPoints`:
    /// a production within one criterion of that line.
    static func justAbove(_ basisPoints: Int) throws -> AnswerSet {
        let bundle = try framework()
        var answers = try allMet()
        let scorer = Scorer(bundle: bundle)
        for criterion in bundle.framework.criteria.reversed() where !criterion.mandatory {
            var trial = answers
            trial.answers[criterion.id]?.status = .notMet
            var ignored = DiagnosticCollector()
            let report = try #require(
                scorer.score(trial, into: &ignored) { SourceLocation(file: "", line: 1, column: 1, path: $0) })
            if report.basisPoints.rawValue >= basisPoints { answers = trial }
        }
        return answers
    }

    func plan(_ space: Workspace, key: SSHKeygen.Key? = nil) throws -> ProcessResult {
        try runEcoprod(
            [
                "audit", "plan", space.statement.path, "--answers", space.answers.path, "--beacon",
                "drand quicknet round 9876: 5a1f", "--sign", (key ?? space.auditor).privateKey.path,
                "--allowed-signers", space.signers.path, "--date", "2026-12-07", "--locale", "en",
            ])
    }

    /// The template filled in: every sampled claim confirmed but `refuted`.
    func fillFindings(_ space: Workspace, refuting refuted: Set<String> = []) throws {
        var template = try JSONParser().parse(Array(try Data(contentsOf: space.template)))
        guard case .object(var findings)? = template["findings"] else { throw CocoaError(.fileReadCorruptFile) }
        for id in findings.keys {
            findings[id] = [
                "outcome": .string(refuted.contains(id) ? "refuted" : "confirmed"), "note": .string("checked on site"),
            ]
        }
        template = ["plan": template["plan"] ?? .null, "findings": .object(findings)]
        try Data(template.prettyBytes()).write(to: space.findings)
    }

    func certify(_ space: Workspace) throws -> ProcessResult {
        try runEcoprod([
            "certify", space.statement.path, "--answers", space.answers.path, "--plan", space.plan.path, "--findings",
            space.findings.path, "--sign", space.label.privateKey.path, "--allowed-signers", space.signers.path,
            "--date", "2026-12-08", "--valid-until", "2029-12-31", "--diagnostics-format", "json",
        ])
    }

    func verify(_ space: Workspace, withInputs: Bool = true) throws -> ProcessResult {
        var arguments = [
            "verify-certificate", space.certificate.path, "--allowed-signers", space.signers.path, "--format", "json",
        ]
        if withInputs {
            arguments += [
                "--statement", space.statement.path, "--answers", space.answers.path, "--plan", space.plan.path,
                "--findings", space.findings.path,
            ]
        }
        return try runEcoprod(arguments)
    }

    func codes(_ result: ProcessResult) throws -> [String] {
        let report = try JSONParser().parse(result.stdoutBytes)
        return (report["diagnostics"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
    }

    func sample(_ space: Workspace) throws -> [(id: String, reason: String)] {
        let plan = try JSONParser().parse(Array(try Data(contentsOf: space.plan)))
        return (plan["predicate"]?["sample"]?.arrayValue ?? []).compactMap {
            guard let id = $0["criterion"]?.stringValue, let reason = $0["reason"]?.stringValue else { return nil }
            return (id, reason)
        }
    }

    @Test func statementPlanFindingsCertificateVerifyRender() throws {
        let space = try Self.workspace(answers: try Self.allMet())
        let planned = try plan(space)
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("Audit plan — Les Jours Verts"))
        #expect(planned.stdout.contains("[mandatory]") && planned.stdout.contains("[drawn for its department]"))
        let sampled = try sample(space)
        #expect(sampled.filter { $0.reason == "mandatory" }.count == 8)
        let refuted = try #require(sampled.first { $0.reason == "department" }?.id)
        try fillFindings(space, refuting: [refuted])
        let certified = try certify(space)
        #expect(certified.status == 0, "\(certified.stderr)\(certified.stdout)")
        #expect(try codes(certified) == ["U110"])
        let verified = try verify(space)
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stderr.contains("every figure recomputed"))
        let certificate = try JSONParser().parse(Array(try Data(contentsOf: space.certificate)))
        #expect(certificate["predicate"]?["refuted"] == [.string(refuted)])
        #expect(certificate["predicate"]?["audited"]?["stars"] == 3)
        let page = try runEcoprod(["render", space.certificate.path, "--format", "html"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.contains("<h1>Les Jours Verts</h1>") && page.stdout.contains("★★★"))
        #expect(page.stdout.contains("Certificat Label Ecoprod") && page.stdout.contains("verify-certificate"))
    }

    /// The example docs/audit.md walks through verifies in full, as it was issued.
    @Test func theDocumentedExampleVerifiesInFull() throws {
        let example = "docs/examples/audit/production"
        let verified = try runEcoprod([
            "verify-certificate", "\(example).certificate.json", "--allowed-signers",
            "docs/examples/audit/allowed_signers",
            "--statement", "\(example).statement.json", "--answers", "\(example).answers.json", "--plan",
            "\(example).plan.json", "--findings", "\(example).findings.json",
        ])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stderr.contains("Les Jours Verts, ecoprod-label 1.2.0, 67.37%, 1 star, signed, every figure"))
    }

    /// The register docs/register.md walks through verifies, consistently with the checkpoint
    /// kept at size 2, and proves the certificate is in it; the page shows it certified again.
    @Test func theDocumentedRegisterVerifiesAndProves() throws {
        let register = "docs/examples/register"
        let verified = try runEcoprod([
            "register", "verify", "\(register)/site", "--verifier-key", "\(register)/verifier.key", "--previous",
            "\(register)/checkpoint-2",
        ])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stderr.contains("3 entries, every tile recomputed, consistent with"))
        let proved = try runEcoprod([
            "register", "check-proof", "docs/examples/audit/production.certificate.json",
            "\(register)/site/proofs/2.tlog-proof", "--verifier-key", "\(register)/verifier.key",
        ])
        #expect(proved.status == 0, "\(proved.stderr)")
        #expect(proved.stderr.contains("reinstated on 2027-03-20"))
        let page = try runEcoprod(["render", "\(register)/site", "--verifier-key", "\(register)/verifier.key"])
        #expect(page.stdout.contains("<tr data-status=\"certified\">"))
        let committed = try String(contentsOfFile: "\(packageRoot.path)/\(register)/site/index.html", encoding: .utf8)
        #expect(page.stdout == committed, "re-render docs/examples/register/site/index.html")
    }

    @Test func aRefutedMandatoryClaimDeniesTheCertificate() throws {
        let space = try Self.workspace(answers: try Self.allMet())
        #expect(try plan(space).status == 0)
        try fillFindings(space, refuting: ["A5"])
        let denied = try certify(space)
        #expect(denied.status == 1)
        #expect(try codes(denied).sorted() == ["U107", "U110"])
        #expect(denied.stdout.contains("A5 refuted, counted not met: a mandatory criterion not met: not eligible"))
        #expect(!FileManager.default.fileExists(atPath: space.certificate.path))
    }

    @Test func aRefutedClaimBelowTheThresholdDeniesTheCertificate() throws {
        let space = try Self.workspace(answers: try Self.justAbove(6500))
        #expect(try plan(space).status == 0)
        let refuted = try #require(try sample(space).first { $0.reason != "mandatory" }?.id)
        try fillFindings(space, refuting: [refuted])
        let denied = try certify(space)
        #expect(denied.status == 1)
        #expect(try codes(denied).contains("U107"), "\(denied.stdout)")
        #expect(!FileManager.default.fileExists(atPath: space.certificate.path))
    }

    @Test func aRefutedClaimThatOnlyLowersTheStarsGivesFewerStars() throws {
        let space = try Self.workspace(answers: try Self.justAbove(7500))
        #expect(try plan(space).status == 0)
        let answers = try Self.justAbove(7500)
        let bundle = try Self.framework()
        let points = Dictionary(uniqueKeysWithValues: bundle.framework.criteria.map { ($0.id, $0.points) })
        let refuted = try #require(
            try sample(space).filter { $0.reason != "mandatory" && answers.answers[$0.id]?.status == .met }
                .max { points[$0.id]! < points[$1.id]! }?.id)
        try fillFindings(space, refuting: [refuted])
        let certified = try certify(space)
        #expect(certified.status == 0, "\(certified.stdout)")
        let certificate = try JSONParser().parse(Array(try Data(contentsOf: space.certificate)))
        #expect(certificate["predicate"]?["audited"]?["stars"] == 1, "\(certificate)")
        #expect(try verify(space).status == 0)
    }

    /// Each way a certificate or its plan can be forged, with the code that refuses it.
    struct Tampering: Sendable, CustomTestStringConvertible {
        var name: String
        var code: String
        /// Whether the refusal comes from `certify` (the plan) rather than `verify-certificate`.
        var atCertify: Bool
        var apply: @Sendable (Workspace) throws -> Void
        var testDescription: String { name }
    }

    static func resign(_ file: URL, with key: SSHKeygen.Key, namespace: String) throws {
        let signature = URL(fileURLWithPath: file.path + ".sig")
        try? FileManager.default.removeItem(at: signature)
        try Data(try SSHKeygen().sign(Array(try Data(contentsOf: file)), with: key, namespace: namespace))
            .write(to: signature)
    }

    static func edit(_ file: URL, _ change: (inout JSONValue) -> Void) throws {
        var value = try JSONParser().parse(Array(try Data(contentsOf: file)))
        change(&value)
        try Data(value.prettyBytes()).write(to: file)
    }

    static let tamperings: [Tampering] = [
        Tampering(name: "a certificate signed in another namespace", code: "G105", atCertify: false) { space in
            try resign(space.certificate, with: space.label, namespace: "ecoprod-statement")
        },
        Tampering(name: "a certificate signed by a stranger's key", code: "G103", atCertify: false) { space in
            let stranger = try SSHKeygen().makeKey(in: space.folder, name: "stranger")
            try resign(space.certificate, with: stranger, namespace: "ecoprod-certificate")
        },
        Tampering(name: "a finding changed after certification", code: "U112", atCertify: false) { space in
            try edit(space.findings) { value in
                guard case .object(var root) = value, case .object(var findings)? = root["findings"],
                    let id = findings.keys.sorted().first
                else { return }
                findings[id] = ["outcome": "confirmed", "note": "changed afterwards"]
                root["findings"] = .object(findings)
                value = .object(root)
            }
        },
        Tampering(name: "stars raised in a re-signed certificate", code: "U109", atCertify: false) { space in
            try edit(space.certificate) { value in
                guard case .object(var root) = value, case .object(var predicate)? = root["predicate"],
                    case .object(var audited)? = predicate["audited"]
                else { return }
                audited["stars"] = 3
                predicate["audited"] = .object(audited)
                root["predicate"] = .object(predicate)
                value = .object(root)
            }
            try resign(space.certificate, with: space.label, namespace: "ecoprod-certificate")
        },
        Tampering(name: "a re-ordered sample in a re-signed plan", code: "U106", atCertify: true) { space in
            try edit(space.plan) { value in
                guard case .object(var root) = value, case .object(var predicate)? = root["predicate"],
                    case .array(var sample)? = predicate["sample"], sample.count > 1
                else { return }
                sample.swapAt(0, sample.count - 1)
                predicate["sample"] = .array(sample)
                root["predicate"] = .object(predicate)
                value = .object(root)
            }
            try resign(space.plan, with: space.auditor, namespace: "ecoprod-audit")
        },
        Tampering(name: "a plan signed by a key without ecoprod-audit", code: "G105", atCertify: true) { space in
            try resign(space.plan, with: space.scorer, namespace: "ecoprod-audit")
        },
    ]

    @Test(arguments: tamperings)
    func eachTamperingIsRefusedWithItsCode(_ tampering: Tampering) throws {
        // Two stars, so that a raised star count is a figure that does not recompute.
        let space = try Self.workspace(answers: try Self.justAbove(7500))
        #expect(try plan(space).status == 0)
        try fillFindings(space)
        if tampering.atCertify {
            try tampering.apply(space)
            let refused = try certify(space)
            #expect(refused.status == 1)
            #expect(try codes(refused).contains(tampering.code), "\(refused.stdout)")
            #expect(!FileManager.default.fileExists(atPath: space.certificate.path))
            return
        }
        #expect(try certify(space).status == 0)
        #expect(try verify(space).status == 0)
        try tampering.apply(space)
        let refused = try verify(space)
        #expect(refused.status == 1)
        #expect(try codes(refused).contains(tampering.code), "\(refused.stdout)")
    }
}
