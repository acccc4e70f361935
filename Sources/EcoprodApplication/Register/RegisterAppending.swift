import EcoprodFramework
import EcoprodWriters
import Foundation

/// `register append`: one event on a verified certificate, appended to a verified register.
/// The new tiles, the certificate's copy and the entry's proof are written first, the signed
/// checkpoint last: a kill at any point leaves the previous checkpoint, and every file it
/// needs, as they were.
public struct RegisterAppending: Sendable {
    public var directory: String
    public var certificate: String
    public var event: RegisterEntry.Event
    public var reason: String?
    public var key: String
    public var date: String
    public var releases: String
    public var allowedSigners: String?

    public init(
        directory: String, certificate: String, event: RegisterEntry.Event, reason: String?, key: String,
        date: String, releases: String, allowedSigners: String?
    ) {
        self.directory = directory
        self.certificate = certificate
        self.event = event
        self.reason = reason
        self.key = key
        self.date = date
        self.releases = releases
        self.allowedSigners = allowedSigners
    }

    /// What was appended.
    public struct Appended: Sendable {
        public var index: Int
        public var size: Int
        public var proofPath: String
    }

    public func run() throws(UseCaseFailure) -> Appended {
        if event == .issued && reason != nil { throw .usage("--reason is for suspended, reinstated and withdrawn") }
        if event != .issued && (reason ?? "").isEmpty { throw .usage("--reason is required for \(event.rawValue)") }
        let signer = try RegisterKeys.signer(key)
        let folder = RegisterFolder(directory)
        var diagnostics = DiagnosticCollector()
        let verification = CertificateVerification(
            certificate: certificate, inputs: nil, releases: releases, allowedSigners: allowedSigners)
        guard let issued = verification.run(into: &diagnostics),
            let certificateBytes = InputFile.read(certificate, into: &diagnostics),
            let register = folder.verify(signer.verifier, into: &diagnostics)
        else { throw .input(diagnostics.sorted()) }
        let digest = HexDigest.sha256(certificateBytes)
        let previous = register.entries.last { $0.certificate == digest }?.event
        guard event.follows(previous) else {
            throw .input([
                Diagnostic(
                    .error, .eventOutOfOrder,
                    "\(event.rawValue) does not follow \(previous?.rawValue ?? "nothing") for \(certificate)",
                    at: .file(certificate),
                    help: "issued first; suspended, reinstated, withdrawn after it; nothing after withdrawn")
            ])
        }
        let entry = RegisterEntry(
            certificate: digest, event: event, production: issued.production, stars: issued.audited.stars,
            framework: (issued.framework.id, issued.framework.version.description), date: date, reason: reason)
        return try write(entry, register: register, folder: folder, signer: signer, certificate: certificateBytes)
    }

    private func write(
        _ entry: RegisterEntry, register: RegisterFolder.Verified, folder: RegisterFolder, signer: NoteSigner,
        certificate certificateBytes: [UInt8]
    ) throws(UseCaseFailure) -> Appended {
        let entries = register.entryBytes + [entry.bytes]
        let leaves = entries.map(MerkleTree.leafHash)
        let size = entries.count
        let checkpoint = Checkpoint(
            origin: register.checkpoint.origin, size: size, root: MerkleTree.rootHash(leaves[...]))
        let note: String
        do {
            note = try SignedNote.sign(checkpoint.text, by: signer)
        } catch {
            throw .input([Diagnostic(.error, .registerKeyMalformed, "private key: \(error.reason)", at: .file(key))])
        }
        let proof = InclusionProof(
            extra: entry.bytes, index: size - 1,
            hashes: MerkleTree.inclusionProof(index: size - 1, leaves: leaves[...]),
            checkpoint: note)
        let existing = Set(TileLayout.files(forSize: register.checkpoint.size).map(\.path))
        do {
            var transaction = Transaction()
            // Files for sizes above the published checkpoint only: a killed append may have left
            // them, with other contents; nothing the published checkpoint needs is touched.
            for file in TileLayout.files(forSize: size) where !existing.contains(file.path) {
                try transaction.stage(
                    TileLayout.bytes(of: file, entries: entries, leaves: leaves), to: folder.path(file.path),
                    force: true)
            }
            let copy = folder.path(RegisterFolder.certificatePath(entry.certificate))
            try transaction.stage(certificateBytes, to: copy, force: false)
            if let signature = FileManager.default.contents(atPath: SignerPolicy.signatureFile(of: certificate)) {
                try transaction.stage(Array(signature), to: SignerPolicy.signatureFile(of: copy), force: false)
            }
            try transaction.stage(
                Array(proof.text.utf8), to: folder.path(RegisterFolder.proofPath(size - 1)), force: true)
            try transaction.stage(Array(note.utf8), to: folder.checkpointPath, force: true)
            try transaction.commit()
        } catch {
            throw .input(error.diagnostic)
        }
        return Appended(index: size - 1, size: size, proofPath: folder.path(RegisterFolder.proofPath(size - 1)))
    }
}

/// `register verify`: every tile recomputed from the entries, the checkpoint's signature, and
/// consistency with an earlier checkpoint: nothing rewritten, nothing removed.
public struct RegisterVerification: Sendable {
    public var directory: String
    public var verifierKey: String
    public var previous: String?

    public init(directory: String, verifierKey: String, previous: String?) {
        self.directory = directory
        self.verifierKey = verifierKey
        self.previous = previous
    }

    public func run(into diagnostics: inout DiagnosticCollector) throws(UseCaseFailure) -> Checkpoint? {
        let verifier = try RegisterKeys.verifier(verifierKey)
        guard let register = RegisterFolder(directory).verify(verifier, into: &diagnostics) else { return nil }
        guard let previous, let bytes = InputFile.read(previous, into: &diagnostics) else {
            return diagnostics.hasErrors ? nil : register.checkpoint
        }
        let earlier: Checkpoint
        do {
            earlier = try Checkpoint(text: try SignedNote.open(bytes, by: verifier))
        } catch {
            diagnostics.emit(RegisterFolder.refusal(error, at: previous))
            return nil
        }
        let leaves = register.entryBytes.map(MerkleTree.leafHash)
        if earlier.origin != register.checkpoint.origin {
            diagnostics.emit(
                Diagnostic(
                    .error, .registerInconsistent,
                    "\(previous) is of the register '\(earlier.origin)', not '\(register.checkpoint.origin)'",
                    at: .file(previous)))
        } else if earlier.size > leaves.count {
            diagnostics.emit(
                Diagnostic(
                    .error, .registerInconsistent,
                    "\(previous) has \(earlier.size) entries, the register only \(leaves.count): entries were removed",
                    at: .file(previous)))
        } else if MerkleTree.rootHash(leaves[..<earlier.size]) != earlier.root {
            diagnostics.emit(
                Diagnostic(
                    .error, .registerInconsistent,
                    "the register's first \(earlier.size) entries do not give \(previous)'s root: its history was rewritten, or it forked",
                    at: .file(previous), help: "a transparency log never changes what it published; report it"))
        }
        return diagnostics.hasErrors ? nil : register.checkpoint
    }
}

/// `register check-proof`: offline, that a certificate is in the register, from the
/// certificate, its proof and the register's verifier key alone.
public struct RegisterProofCheck: Sendable {
    public var certificate: String
    public var proof: String
    public var verifierKey: String

    public init(certificate: String, proof: String, verifierKey: String) {
        self.certificate = certificate
        self.proof = proof
        self.verifierKey = verifierKey
    }

    public func run(into diagnostics: inout DiagnosticCollector) throws(UseCaseFailure) -> (RegisterEntry, Checkpoint)?
    {
        let verifier = try RegisterKeys.verifier(verifierKey)
        guard let certificateBytes = InputFile.read(certificate, into: &diagnostics),
            let proofBytes = InputFile.read(proof, into: &diagnostics)
        else { return nil }
        do {
            let read = try InclusionProof(text: String(decoding: proofBytes, as: UTF8.self))
            let checkpoint = try Checkpoint(text: try SignedNote.open(Array(read.checkpoint.utf8), by: verifier))
            guard let extra = read.extra else {
                diagnostics.emit(Self.invalid("the proof carries no register entry in its extra line", at: proof))
                return nil
            }
            let entry: RegisterEntry
            do {
                entry = try RegisterEntry(bytes: extra)
            } catch {
                diagnostics.emit(
                    Diagnostic(
                        .error, .entryMalformed, "\(proof): its register entry: \(error.message)", at: .file(proof)))
                return nil
            }
            guard entry.certificate == HexDigest.sha256(certificateBytes) else {
                diagnostics.emit(Self.invalid("the proof's entry is about another certificate", at: proof))
                return nil
            }
            let root = MerkleTree.root(
                fromProof: read.hashes, index: read.index, size: checkpoint.size, leaf: MerkleTree.leafHash(extra))
            guard root == checkpoint.root else {
                diagnostics.emit(Self.invalid("the inclusion proof does not lead to the checkpoint's root", at: proof))
                return nil
            }
            return (entry, checkpoint)
        } catch {
            diagnostics.emit(RegisterFolder.refusal(error, at: proof))
            return nil
        }
    }

    static func invalid(_ message: String, at file: String) -> Diagnostic {
        Diagnostic(.error, .proofInvalid, "\(file): \(message)", at: .file(file))
    }
}

/// A register folder read for its page: verified in full first, so that a page never shows
/// what the checkpoint does not prove.
public enum RegisterReading {
    /// Whether `path` is a register folder (it holds a `checkpoint`).
    public static func isRegister(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: RegisterFolder(path).checkpointPath)
    }

    public static func verified(
        _ path: String, verifierKey: String
    ) throws(UseCaseFailure) -> (checkpoint: Checkpoint, entries: [RegisterEntry]) {
        var diagnostics = DiagnosticCollector()
        let verifier = try RegisterKeys.verifier(verifierKey)
        guard let register = RegisterFolder(path).verify(verifier, into: &diagnostics) else {
            throw .input(diagnostics.sorted())
        }
        return (register.checkpoint, register.entries)
    }
}
