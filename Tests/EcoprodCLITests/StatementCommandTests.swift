import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// Signed score statements through the real binary and the real `ssh-keygen`: a statement made by
/// `score --statement` verifies with `verify-statement` and with OpenSSH alone, one signed by
/// OpenSSH verifies with `ecoprod`, and a statement that no longer matches its answers is refused
/// saying what differs.
@Suite(.serialized) struct StatementCommandTests {
    static let answers = packageRoot.appendingPathComponent("docs/examples/les-jours-verts.answers.json").path

    struct Setup {
        var folder: URL
        var key: SSHKeygen.Key
        var signers: URL
        var statement: URL
    }

    func stated() throws -> Setup {
        let folder = try temporaryFolder("ecoprod-statement")
        let key = try SSHKeygen().makeKey(in: folder, name: "scorer")
        let signers = folder.appendingPathComponent("statement_signers")
        try "scorer@example namespaces=\"ecoprod-statement\" \(key.publicLine)\n".write(
            to: signers, atomically: true, encoding: .utf8)
        let statement = folder.appendingPathComponent("statement.json")
        let result = try runEcoprod([
            "score", Self.answers, "--statement", statement.path, "--sign", key.privateKey.path, "--date", "2026-11-29",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        return Setup(folder: folder, key: key, signers: signers, statement: statement)
    }

    func verify(_ setup: Setup, statement: URL? = nil, answers: String = answers) throws -> ProcessResult {
        try runEcoprod([
            "verify-statement", (statement ?? setup.statement).path, "--answers", answers, "--allowed-signers",
            setup.signers.path, "--format", "json",
        ])
    }

    func codes(_ result: ProcessResult) throws -> [String] {
        (try JSONParser().parse(result.stdoutBytes)["diagnostics"]?.arrayValue ?? []).compactMap {
            $0["code"]?.stringValue
        }
    }

    @Test func aStatementStatesTheScoreAndVerifiesWithBothTools() throws {
        let setup = try stated()
        let statement = try JSONParser().parse(Array(try Data(contentsOf: setup.statement)))
        #expect(statement["_type"] == "https://in-toto.io/Statement/v1")
        #expect(statement["predicate"]?["percent"] == "86.18")
        #expect(statement["predicate"]?["eligible"] == false)
        #expect(statement["predicate"]?["mandatory_missing"] == ["A5"])
        #expect(statement["predicate"]?["bundle"]?["digest"]?.stringValue == latestShippedDigest())
        let answers = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: Self.answers))))
        #expect(
            statement["subject"]?.arrayValue?.first?["digest"]?["sha256"]?.stringValue
                == ScoreStatement.digest(ofAnswers: answers))
        let ours = try verify(setup)
        #expect(ours.status == 0, "\(ours.stdout)")
        let openssh = try SSHKeygen().verify(
            Array(try Data(contentsOf: setup.statement)),
            signature: URL(fileURLWithPath: setup.statement.path + ".sig"),
            allowedSigners: setup.signers, identity: "scorer@example", namespace: "ecoprod-statement")
        #expect(openssh.status == 0, "\(String(decoding: openssh.stderr, as: UTF8.self))")
    }

    @Test func aStatementSignedByOpenSSHVerifiesWithEcoprod() throws {
        let setup = try stated()
        let bytes = Array(try Data(contentsOf: setup.statement))
        try Data(try SSHKeygen().sign(bytes, with: setup.key, namespace: "ecoprod-statement")).write(
            to: URL(fileURLWithPath: setup.statement.path + ".sig"))
        let result = try verify(setup)
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test func editedAnswersAreRefused() throws {
        let setup = try stated()
        var answers = try #require(
            try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: Self.answers)))).objectValue)
        var entries = try #require(answers["answers"]?.objectValue)
        var a5 = try #require(entries["A5"]?.objectValue)
        a5["status"] = "met"
        entries["A5"] = .object(a5)
        answers["answers"] = .object(entries)
        let edited = setup.folder.appendingPathComponent("edited.json")
        try Data(JSONValue.object(answers).prettyBytes()).write(to: edited)
        let result = try verify(setup, answers: edited.path)
        #expect(result.status == 1)
        #expect(try codes(result) == ["G109"])
        #expect(result.stdout.contains("is not the answer set stated"))
    }

    /// A statement whose figure was changed and signed again by an allowed key: the signature is
    /// good, the re-scoring is not, and the note says which figure.
    @Test func aFigureThatScoringDoesNotGiveIsRefusedByName() throws {
        let setup = try stated()
        let text = try String(contentsOf: setup.statement, encoding: .utf8).replacingOccurrences(
            of: "\"stars\": 0", with: "\"stars\": 3")
        let forged = setup.folder.appendingPathComponent("forged.json")
        try text.write(to: forged, atomically: true, encoding: .utf8)
        try Data(try SSHKeygen().sign(Array(text.utf8), with: setup.key, namespace: "ecoprod-statement")).write(
            to: URL(fileURLWithPath: forged.path + ".sig"))
        let result = try verify(setup, statement: forged)
        #expect(result.status == 1)
        #expect(try codes(result) == ["G109"])
        #expect(result.stdout.contains("stars: stated 3, recomputed 0"))
    }

    @Test func aReleaseSignatureIsNotAStatementSignature() throws {
        let setup = try stated()
        let bytes = Array(try Data(contentsOf: setup.statement))
        try Data(try SSHKeygen().sign(bytes, with: setup.key, namespace: "ecoprod-bundle")).write(
            to: URL(fileURLWithPath: setup.statement.path + ".sig"))
        let result = try verify(setup)
        #expect(result.status == 1)
        #expect(try codes(result) == ["G105"])
    }

    @Test func aStatementOfAnotherToolIsMalformed() throws {
        let setup = try stated()
        let text = try String(contentsOf: setup.statement, encoding: .utf8)
            .replacingOccurrences(
                of: "https://ecoprod.example/attestations/score/v1", with: "https://slsa.dev/provenance/v1")
        try text.write(to: setup.statement, atomically: true, encoding: .utf8)
        let result = try verify(setup)
        #expect(result.status == 1)
        #expect(try codes(result).contains("G110"))
    }

    @Test(arguments: [["--statement", "s.json"], ["--sign", "key"]])
    func aStatementIsAlwaysSigned(_ half: [String]) throws {
        let result = try runEcoprod(["score", Self.answers] + half)
        #expect(result.status == 64)
    }

    func latestShippedDigest() -> String? {
        let url = packageRoot.appendingPathComponent("Framework/releases/ecoprod-label-1.1.0.json")
        return (try? JSONParser().parse(Array(try Data(contentsOf: url))))?["digest"]?.stringValue
    }
}
