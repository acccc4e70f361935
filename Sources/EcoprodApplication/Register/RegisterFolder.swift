import EcoprodFramework
import Foundation

/// A register on disk: `checkpoint`, `tile/…`, `tile/entries/…`, and beside them the
/// certificates it lists and each entry's proof, so that the folder is the public site.
struct RegisterFolder: Sendable {
    var directory: URL

    init(_ path: String) {
        directory = URL(fileURLWithPath: path, isDirectory: true)
    }

    var checkpointPath: String { directory.appendingPathComponent("checkpoint").path }

    func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// Where a listed certificate is kept, by its digest.
    static func certificatePath(_ digest: String) -> String { "certificates/\(digest).json" }

    /// Where an entry's proof is kept, by its index.
    static func proofPath(_ index: Int) -> String { "proofs/\(index).tlog-proof" }

    /// A verified register: its checkpoint and entries, every tile recomputed.
    struct Verified: Sendable {
        var checkpoint: Checkpoint
        var note: String
        var entries: [RegisterEntry]
        var entryBytes: [[UInt8]]
    }

    /// Reads and verifies the register against `verifier`; every problem goes to `diagnostics`
    /// (each naming its entry or tile), nil when any is an error.
    func verify(_ verifier: NoteVerifier, into diagnostics: inout DiagnosticCollector) -> Verified? {
        guard let noteBytes = InputFile.read(checkpointPath, into: &diagnostics) else { return nil }
        let note = String(decoding: noteBytes, as: UTF8.self)
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint(text: try SignedNote.open(noteBytes, by: verifier))
        } catch {
            diagnostics.emit(Self.refusal(error, at: checkpointPath))
            return nil
        }
        let files = TileLayout.files(forSize: checkpoint.size)
        var entryBytes: [[UInt8]] = []
        for file in files where file.level == nil {
            guard let bytes = read(file, into: &diagnostics) else { return nil }
            guard let bundle = TileLayout.entries(inBundle: bytes), bundle.count == file.count else {
                diagnostics.emit(
                    Diagnostic(
                        .error, .tileDiffers,
                        "\(file.path) does not hold \(file.count) length-prefixed entries: it is truncated or padded",
                        at: .file(path(file.path))))
                return nil
            }
            entryBytes += bundle
        }
        let entries = readEntries(entryBytes, into: &diagnostics)
        let leaves = entryBytes.map(MerkleTree.leafHash)
        for file in files where file.level != nil {
            guard let bytes = read(file, into: &diagnostics) else { continue }
            if bytes != TileLayout.bytes(of: file, entries: entryBytes, leaves: leaves) {
                diagnostics.emit(
                    Diagnostic(
                        .error, .tileDiffers, "\(file.path) is not the tile its entries give (\(bytes.count) bytes)",
                        at: .file(path(file.path)), help: "restore the register from a copy that verifies"))
            }
        }
        if MerkleTree.rootHash(leaves[...]) != checkpoint.root {
            diagnostics.emit(
                Diagnostic(
                    .error, .rootDiffers,
                    "the \(checkpoint.size) entries do not hash to the checkpoint's root: one was changed, removed or moved",
                    at: .file(checkpointPath)))
        }
        checkProofs(leaves: leaves, verifier: verifier, into: &diagnostics)
        guard let entries, !diagnostics.hasErrors else { return nil }
        return Verified(checkpoint: checkpoint, note: note, entries: entries, entryBytes: entryBytes)
    }

    /// Every proof of a published entry leads to a checkpoint this register is consistent
    /// with. A proof of an index at or past the size was left by an append killed before its
    /// checkpoint: nothing published it, and the next append replaces it.
    private func checkProofs(leaves: [[UInt8]], verifier: NoteVerifier, into diagnostics: inout DiagnosticCollector) {
        let folder = directory.appendingPathComponent("proofs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.hasSuffix(".tlog-proof")
        }.sorted()
        for name in names {
            let file = folder.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            do {
                let proof = try InclusionProof(text: String(decoding: data, as: UTF8.self))
                guard proof.index < leaves.count else { continue }
                let checkpoint = try Checkpoint(text: try SignedNote.open(Array(proof.checkpoint.utf8), by: verifier))
                let leaf = leaves[proof.index]
                let root = MerkleTree.root(
                    fromProof: proof.hashes, index: proof.index, size: checkpoint.size, leaf: leaf)
                let consistent =
                    checkpoint.size <= leaves.count
                    && MerkleTree.rootHash(leaves[..<checkpoint.size]) == checkpoint.root
                if root != checkpoint.root || !consistent || proof.extra.map(MerkleTree.leafHash) != leaf {
                    diagnostics.emit(
                        Diagnostic(
                            .error, .proofInvalid,
                            "proofs/\(name) does not prove entry \(proof.index) in a checkpoint of this register",
                            at: .file(file)))
                }
            } catch {
                diagnostics.emit(Self.refusal(error, at: file))
            }
        }
    }

    private func read(_ file: TileLayout.File, into diagnostics: inout DiagnosticCollector) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path(file.path)) else {
            diagnostics.emit(
                Diagnostic(
                    .error, .registerFileMissing, "\(file.path) is missing: the checkpoint's size needs it",
                    at: .file(path(file.path))))
            return nil
        }
        return Array(data)
    }

    /// Each entry read, and each certificate's events in an order that follows.
    private func readEntries(_ all: [[UInt8]], into diagnostics: inout DiagnosticCollector) -> [RegisterEntry]? {
        var entries: [RegisterEntry] = []
        var last: [String: RegisterEntry.Event] = [:]
        for (index, bytes) in all.enumerated() {
            let at = SourceLocation(file: path("tile/entries"), line: 0, column: 0, path: "entry \(index)")
            do {
                let entry = try RegisterEntry(bytes: bytes)
                if !entry.event.follows(last[entry.certificate]) {
                    diagnostics.emit(
                        Diagnostic(
                            .error, .eventOutOfOrder,
                            "entry \(index): \(entry.event.rawValue) does not follow \(last[entry.certificate]?.rawValue ?? "nothing") for certificate sha256:\(entry.certificate)",
                            at: at))
                }
                last[entry.certificate] = entry.event
                entries.append(entry)
            } catch {
                diagnostics.emit(Diagnostic(.error, .entryMalformed, "entry \(index): \(error.message)", at: at))
            }
        }
        return entries.count == all.count ? entries : nil
    }

    static func refusal(_ error: SignedNote.Refusal, at file: String) -> Diagnostic {
        switch error {
        case .malformed(let reason):
            return Diagnostic(.error, .registerMalformed, "\(file): \(reason)", at: .file(file))
        case .notSignedBy:
            return Diagnostic(
                .error, .checkpointNotSigned, "\(file): \(error.message)", at: .file(file),
                help: "check the verifier key; a checkpoint signed by another key proves nothing about this register")
        }
    }
}
