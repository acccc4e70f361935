import ArgumentParser
import EcoprodCompiler
import EcoprodFramework
import EcoprodReports
import Foundation

extension ScoreCommand {
    /// Writes the signed in-toto statement of `scored` to `statement` and `statement.sig`: both
    /// or neither, the signature checked natively before either is kept.
    func writeStatement(_ scored: ScoredAnswers, answers bytes: [UInt8], to path: String, key: String) throws {
        let format = reading.diagnosticsFormat
        let parsed: JSONValue
        do {
            parsed = try JSONParser().parse(bytes)
        } catch {
            Console.report([Diagnostic(.error, .answersSyntax, "the answers are not JSON: \(error.message)",
                                       at: SourceLocation(file: answers, line: error.line, column: error.column))], format: format)
            throw ExitCode(1)
        }
        let name = answers == "-" ? "stdin" : URL(fileURLWithPath: answers).lastPathComponent
        let day = try statementDate.resolve(todayByDefault: true) ?? ""
        let statement = ScoreStatement(answers: parsed, name: name, scored: scored, tool: ("ecoprod", Ecoprod.configuration.version), date: day)
        let document = statement.jsonValue.prettyBytes()
        let signer = SSHKeygenSigner(key: key)
        let armored: [UInt8]
        do {
            let expected = try signer.publicKey()
            armored = try signer.sign(document, namespace: SignerPolicy.statementNamespace)
            let signature = try SSHSignature(armored: armored)
            guard signature.publicKey == expected, signature.namespace == SignerPolicy.statementNamespace, signature.isValid(for: document) else {
                throw SSHKeygenSigner.Failure(message: "ssh-keygen returned a signature that does not verify over the statement")
            }
        } catch let failure as SSHKeygenSigner.Failure {
            Console.report([failure.diagnostic], format: format)
            throw ExitCode(1)
        }
        do {
            try Self.writeTogether([(document, path), (armored, SignerPolicy.signatureFile(of: path))], force: report.force)
        } catch {
            Console.report([error.diagnostic], format: format)
            throw ExitCode(1)
        }
        Console.error("Wrote \(path) and \(SignerPolicy.signatureFile(of: path)) (answers sha256:\(statement.answersDigest))\n")
    }

    /// Stages every file, then renames them into place with interrupting signals held back.
    private static func writeTogether(_ files: [(bytes: [UInt8], path: String)], force: Bool) throws(AtomicFileWriter.Failure) {
        var staged: [StagedFile] = []
        for file in files {
            do throws(AtomicFileWriter.Failure) {
                if let stagedFile = try AtomicFileWriter(force: force).stage(file.bytes, to: file.path) { staged.append(stagedFile) }
            } catch {
                for earlier in staged { earlier.discard() }
                throw error
            }
        }
        try InterruptCleanup.withSignalsBlocked { () throws(AtomicFileWriter.Failure) in
            for file in staged { try file.commit() }
        }
    }
}
