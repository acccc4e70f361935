import Foundation
import Testing

@testable import EcoprodFramework

/// The register's building blocks: RFC 6962 hashing and proofs, C2SP tile paths and layout,
/// Go's note keys and signed notes. (Go's own tools check what they produce together in
/// Tests/Register.)
@Suite struct RegisterLogTests {
    static let leaves = (0..<40).map { MerkleTree.leafHash(Array("entry \($0)".utf8)) }

    @Test func theEmptyTreeAndOneLeafHashAsRFC6962Says() {
        #expect(
            Data(MerkleTree.rootHash([])).base64EncodedString() == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        #expect(MerkleTree.rootHash(Self.leaves[0..<1]) == Self.leaves[0])
        #expect(MerkleTree.rootHash(Self.leaves[0..<2]) == MerkleTree.nodeHash(Self.leaves[0], Self.leaves[1]))
        // Three leaves split at two: ((0, 1), 2).
        #expect(
            MerkleTree.rootHash(Self.leaves[0..<3])
                == MerkleTree.nodeHash(MerkleTree.nodeHash(Self.leaves[0], Self.leaves[1]), Self.leaves[2]))
    }

    @Test(arguments: 1...40)
    func everyInclusionProofLeadsToTheRootAndNoOtherLeafDoes(_ size: Int) {
        let tree = Self.leaves[0..<size]
        let root = MerkleTree.rootHash(tree)
        for index in 0..<size {
            let proof = MerkleTree.inclusionProof(index: index, leaves: tree)
            #expect(MerkleTree.root(fromProof: proof, index: index, size: size, leaf: Self.leaves[index]) == root)
            let other = Self.leaves[(index + 1) % 40]
            #expect(MerkleTree.root(fromProof: proof, index: index, size: size, leaf: other) != root)
        }
    }

    @Test(arguments: [
        (0, "000"), (1, "001"), (999, "999"), (1000, "x001/000"), (1_234_067, "x001/x234/067"),
    ])
    func tileIndexesAreWrittenInThreeDigitGroups(_ index: Int, _ encoded: String) {
        #expect(TileLayout.File(level: 2, index: index, count: 256).path == "tile/2/\(encoded)")
        #expect(TileLayout.File(level: nil, index: index, count: 7).path == "tile/entries/\(encoded).p/7")
    }

    /// tlog-tiles' own example: a tree of 70,000 entries.
    @Test func aTreeOfSeventyThousandHasTheTilesTheSpecificationLists() {
        let tiles = TileLayout.files(forSize: 70_000).filter { $0.level != nil }
        #expect(tiles.filter { $0.level == 0 && $0.count == 256 }.count == 273)
        #expect(tiles.contains(TileLayout.File(level: 0, index: 273, count: 112)))
        #expect(tiles.contains(TileLayout.File(level: 1, index: 0, count: 256)))
        #expect(tiles.contains(TileLayout.File(level: 1, index: 1, count: 17)))
        #expect(tiles.contains(TileLayout.File(level: 2, index: 0, count: 1)))
        #expect(tiles.count == 273 + 1 + 1 + 1 + 1)
    }

    @Test func noteKeysRoundTripEvenWithAPlusInTheirBase64() throws {
        for _ in 0..<20 {
            let signer = try NoteSigner(generatingFor: "example.org/log")
            let read = try NoteSigner(text: signer.text)
            #expect(read.verifier == signer.verifier)
            #expect(try NoteVerifier(text: signer.verifier.text) == signer.verifier)
            let note = try SignedNote.sign("example.org/log\n1\nAAAA\n", by: read)
            #expect(try SignedNote.open(Array(note.utf8), by: signer.verifier) == "example.org/log\n1\nAAAA\n")
        }
        #expect(throws: NoteVerifier.Malformed.self) { try NoteVerifier(text: "name+00000000+AQID") }
        #expect(throws: NoteVerifier.Malformed.self) { try NoteSigner(generatingFor: "has space") }
    }

    @Test func aNoteOpensOnlyUnderItsKeyAndOnlyUnchanged() throws {
        let signer = try NoteSigner(generatingFor: "example.org/log")
        let other = try NoteSigner(generatingFor: "example.org/log")
        let note = try SignedNote.sign("example.org/log\n2\nAAAA\n", by: signer)
        #expect(throws: SignedNote.Refusal.notSignedBy("example.org/log")) {
            try SignedNote.open(Array(note.utf8), by: other.verifier)
        }
        let changed = note.replacingOccurrences(of: "\n2\n", with: "\n3\n")
        #expect(throws: SignedNote.Refusal.notSignedBy("example.org/log")) {
            try SignedNote.open(Array(changed.utf8), by: signer.verifier)
        }
    }

    @Test(arguments: RegisterEntry.Event.allCases)
    func eachEventFollowsOnlyWhatItMay(_ event: RegisterEntry.Event) {
        let allowed: [RegisterEntry.Event?] = {
            switch event {
            case .issued: return [nil]
            case .suspended: return [.issued, .reinstated]
            case .reinstated: return [.suspended]
            case .withdrawn: return [.issued, .suspended, .reinstated]
            }
        }()
        for previous in [nil] + RegisterEntry.Event.allCases.map(Optional.some) {
            #expect(
                event.follows(previous) == allowed.contains(previous), "\(event) after \(String(describing: previous))")
        }
    }
}
