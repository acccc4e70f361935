/// What the documents fuzz target makes of its bytes (`@_spi(Fuzzing)`), shared by the libFuzzer
/// entry and the `swift test` replay of its kept inputs: the first byte picks the reader, the
/// rest is the document. Every reader must accept or refuse with a reason and a path; never
/// crash, hang, or allocate from a declared length.
@_spi(Fuzzing) public enum TrustDocumentFuzzing {
    /// The readers, by selector (the first byte, modulo their count).
    public enum Reader: Int, CaseIterable, Sendable {
        case auditPlan, certificate, findings, registerEntry, checkpoint, signedNote, inclusionProof, entryBundle
    }

    /// What happened: "accepted" or "refused: <reason>"; the reason is never empty.
    public static func interpret(_ bytes: [UInt8]) -> String {
        guard let first = bytes.first else { return "empty" }
        let reader = Reader(rawValue: Int(first) % Reader.allCases.count)!
        let input = Array(bytes.dropFirst())
        let text = String(decoding: input, as: UTF8.self)
        do {
            switch reader {
            case .auditPlan: _ = try AuditPlan(json: JSONField(try JSONParser().parse(input)))
            case .certificate: _ = try Certificate(json: JSONField(try JSONParser().parse(input)))
            case .findings: _ = try AuditFindings(json: JSONField(try JSONParser().parse(input)))
            case .registerEntry: _ = try RegisterEntry(bytes: input)
            case .checkpoint: _ = try Checkpoint(text: text)
            case .signedNote: _ = try SignedNote.open(input, by: verifier)
            case .inclusionProof:
                let proof = try InclusionProof(text: text)
                _ = MerkleTree.root(fromProof: proof.hashes, index: proof.index, size: Int.max, leaf: [])
            case .entryBundle:
                guard TileLayout.entries(inBundle: input) != nil else { return "refused: a truncated bundle" }
            }
            return "accepted"
        } catch let error as JSONField.ShapeError {
            precondition(!error.message.isEmpty && error.path.hasPrefix("$"), "a shape refusal has a path")
            return "refused: \(error.message)"
        } catch let error as JSONParser.SyntaxError {
            precondition(error.line >= 1 && error.column >= 1, "a syntax refusal has a place")
            return "refused: \(error.message)"
        } catch let error as SignedNote.Refusal {
            precondition(!error.message.isEmpty, "a note refusal has a reason")
            return "refused: \(error.message)"
        } catch {
            return "refused: \(error)"
        }
    }

    /// A fixed key the signed-note reader checks against.
    static let verifier = NoteVerifier(name: "example.org/log", publicKey: Array(repeating: 7, count: 32))
}
