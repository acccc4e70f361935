import Foundation
import TestSupport
import Testing

@_spi(Fuzzing) @testable import EcoprodFramework

/// Replays the documents fuzzer's corpus (`Fuzz/regressions/documents`) as the fuzzer runs it:
/// each reader of the audit and the register accepts its input or refuses it with a reason,
/// never a crash. The documented examples, kept as seeds, are accepted.
@Suite struct DocumentsFuzzRegressionTests {
    static let folder = packageRoot.appendingPathComponent("Fuzz/regressions/documents")

    @Test func everyInputIsAcceptedOrRefusedWithAReason() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(names.count >= 10, "the documents fuzz corpus is missing")
        var readers: Set<Int> = []
        for name in names {
            let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            let outcome = TrustDocumentFuzzing.interpret(bytes)
            #expect(outcome == "accepted" || outcome.hasPrefix("refused: ") && outcome.count > 9, "\(name): \(outcome)")
            if let first = bytes.first { readers.insert(Int(first) % TrustDocumentFuzzing.Reader.allCases.count) }
            // The examples the docs walk through are genuine (the signed note only opens under
            // the register's own key, which the fuzzer does not hold).
            if name.hasPrefix("seed-") && !name.contains("not-json") && !name.contains("truncated")
                && !name.contains("huge") && !name.hasPrefix("seed-5-")
            {
                #expect(outcome == "accepted", "\(name): \(outcome)")
            }
        }
        #expect(readers.count == TrustDocumentFuzzing.Reader.allCases.count, "every reader has a seed")
    }
}
