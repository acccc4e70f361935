import EcoprodCompiler
import EcoprodFramework
import EcoprodWriters
import Foundation

/// `score --statement FILE --sign KEY`: the signed in-toto statement of a score, written with
/// its signature as one transaction, after the signature was checked natively.
public struct StatementSigning: Sendable {
    /// Where the statement goes; its signature goes to `path.sig`.
    public var path: String
    /// The key that signs, as `ssh-keygen -f` takes it.
    public var key: String
    /// The day it was scored, `YYYY-MM-DD`.
    public var date: String
    /// The tool that scored, and its version.
    public var tool: (name: String, version: String)
    public var force: Bool

    public init(path: String, key: String, date: String, tool: (name: String, version: String), force: Bool) {
        self.path = path
        self.key = key
        self.date = date
        self.tool = tool
        self.force = force
    }

    /// What was written.
    public struct Written: Sendable {
        public var statement: String
        public var signature: String
        public var answersDigest: String
    }

    /// Writes the statement of `scored`, made from `answers` (the bytes stated, from the file
    /// named `answersFile`), and its signature: both or neither.
    public func write(_ scored: ScoredAnswers, answers: [UInt8], answersFile: String) throws(UseCaseFailure) -> Written
    {
        let parsed: JSONValue
        do {
            parsed = try JSONParser().parse(answers)
        } catch {
            throw .input(.answersNotJSON(error, file: answersFile))
        }
        let name = answersFile == "-" ? "stdin" : URL(fileURLWithPath: answersFile).lastPathComponent
        let statement = ScoreStatement(answers: parsed, name: name, scored: scored, tool: tool, date: date)
        let document = statement.jsonValue.prettyBytes()
        let armored = try DetachedSignature.sign(document, key: key, namespace: SignerPolicy.statementNamespace)
        let signaturePath = SignerPolicy.signatureFile(of: path)
        do {
            var transaction = Transaction()
            try transaction.stage(document, to: path, force: force)
            try transaction.stage(armored, to: signaturePath, force: force)
            try transaction.commit()
        } catch {
            throw .input(error.diagnostic)
        }
        return Written(statement: path, signature: signaturePath, answersDigest: statement.answersDigest)
    }
}

extension Diagnostic {
    static func answersNotJSON(_ error: JSONParser.SyntaxError, file: String) -> Diagnostic {
        Diagnostic(
            .error, .answersSyntax, "the answers are not JSON: \(error.message)",
            at: SourceLocation(file: file, line: error.line, column: error.column))
    }
}
