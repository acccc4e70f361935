import Foundation
import TestSupport
import Testing

@testable import EcoprodFramework

/// Replays the signature fuzzer's corpus (`Fuzz/regressions/signatures`: the first byte picks
/// the parser, even for SSHSIG, odd for allowed-signers) as the fuzzer runs it: every input parses
/// or is refused with a place, never a crash. The shipped signatures and list must parse whole.
@Suite struct SignatureFuzzRegressionTests {
    static let folder = packageRoot.appendingPathComponent("Fuzz/regressions/signatures")

    @Test func everyInputParsesOrIsRefusedWithAPlace() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(names.count >= 5, "the signature fuzz corpus is missing")
        var signatures = 0
        var entries = 0
        var refusals = 0
        for name in names {
            let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            guard let selector = bytes.first else { continue }
            let input = Array(bytes.dropFirst())
            if selector & 1 == 0 {
                do {
                    let signature = try SSHSignature(armored: input)
                    signatures += 1
                    #expect(!signature.isValid(for: input), "\(name): a signature over its own armour")
                } catch {
                    refusals += 1
                    #expect(error.line >= 1, "\(name)")
                }
            } else {
                let signers = AllowedSigners(text: String(decoding: input, as: UTF8.self))
                entries += signers.entries.count
                refusals += signers.problems.count
                #expect(signers.problems.allSatisfy { $0.line >= 1 && $0.column >= 1 }, "\(name)")
            }
        }
        #expect(
            signatures >= 2 && entries >= 1 && refusals >= 4,
            "\(signatures) signatures, \(entries) entries, \(refusals) refusals")
    }

    @Test func aDeclaredLengthBeyondTheBlobIsRefusedNotAllocated() throws {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent("hostile-huge-length")).dropFirst())
        #expect { _ = try SSHSignature(armored: bytes) } throws: {
            ($0 as? SSHSignature.Malformed)?.message.contains("remain") == true
        }
    }

    @Test func hostileAllowedSignersLinesAreEachRefusedAtTheirPlace() throws {
        let text = String(
            decoding: try Data(contentsOf: Self.folder.appendingPathComponent("hostile-allowed-signers")).dropFirst(),
            as: UTF8.self)
        let signers = AllowedSigners(text: text)
        #expect(signers.entries.isEmpty)
        #expect(signers.problems.map(\.line) == [1, 2, 3, 4])
        #expect(signers.problems[1].message.contains("unterminated quote"))
        #expect(signers.problems[2].message.contains("cert-authority"))
        #expect(signers.problems[3].message.contains("valid-before"))
    }
}
