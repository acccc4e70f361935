import EcoprodFramework
import Foundation

/// Note keys read from their files (or, for a verifier key, given inline), as
/// `golang.org/x/mod/sumdb/note` writes them.
enum RegisterKeys {
    /// A verifier key given inline always holds a `+` (`<name>+<hash>+<key>`); anything else is
    /// a file, so that a mistyped path is "cannot read it", not a complaint about key syntax.
    static func verifier(_ text: String) throws(UseCaseFailure) -> NoteVerifier {
        var diagnostics = DiagnosticCollector()
        let content =
            FileManager.default.fileExists(atPath: text) || !text.contains("+")
            ? InputFile.read(text, into: &diagnostics).map { String(decoding: $0, as: UTF8.self) } : text
        guard let content else { throw .input(diagnostics.sorted()) }
        do {
            return try NoteVerifier(text: content)
        } catch {
            throw .input([Diagnostic(.error, .registerKeyMalformed, "verifier key: \(error.reason)", at: .file(text))])
        }
    }

    static func signer(_ path: String) throws(UseCaseFailure) -> NoteSigner {
        var diagnostics = DiagnosticCollector()
        guard let bytes = InputFile.read(path, into: &diagnostics) else { throw .input(diagnostics.sorted()) }
        do {
            return try NoteSigner(text: String(decoding: bytes, as: UTF8.self))
        } catch {
            throw .input([Diagnostic(.error, .registerKeyMalformed, "private key: \(error.reason)", at: .file(path))])
        }
    }
}

/// `register init`: an empty register, its checkpoint of size 0 signed, and its key pair,
/// the private key outside the register folder.
public struct RegisterCreation: Sendable {
    public var directory: String
    public var origin: String
    public var keyOutput: String

    public init(directory: String, origin: String, keyOutput: String) {
        self.directory = directory
        self.origin = origin
        self.keyOutput = keyOutput
    }

    /// The verifier key, for the public.
    public func run() throws(UseCaseFailure) -> NoteVerifier {
        let folder = RegisterFolder(directory)
        let keyURL = URL(fileURLWithPath: keyOutput).standardizedFileURL.resolvingSymlinksInPath()
        let folderURL = folder.directory.standardizedFileURL.resolvingSymlinksInPath()
        if keyURL.path.hasPrefix(folderURL.path + "/") {
            throw .usage("--key-output must be outside \(directory): the register folder is published, its key never")
        }
        if FileManager.default.fileExists(atPath: folder.checkpointPath) {
            throw .usage("\(directory) already holds a register (its checkpoint exists)")
        }
        let signer: NoteSigner
        do {
            signer = try NoteSigner(generatingFor: origin)
        } catch {
            throw .usage("--origin: \(error.reason)")
        }
        let empty = Checkpoint(origin: origin, size: 0, root: MerkleTree.rootHash([]))
        let note: String
        do {
            note = try SignedNote.sign(empty.text, by: signer)
        } catch {
            throw .input([Diagnostic(.error, .registerKeyMalformed, "new key: \(error.reason)", at: .file(keyOutput))])
        }
        // The private key is never readable by others, not even for a moment: files are
        // created owner-only, and the public ones opened up once written.
        let mask = umask(0o077)
        defer { umask(mask) }
        try DetachedSignature.write(
            [
                (Array((signer.text + "\n").utf8), keyOutput),
                (Array((signer.verifier.text + "\n").utf8), keyOutput + ".pub"),
                (Array(note.utf8), folder.checkpointPath),
            ], force: false)
        for published in [keyOutput + ".pub", folder.checkpointPath] { chmod(published, 0o644) }
        chmod(folder.directory.path, 0o755)
        return signer.verifier
    }
}
