@_spi(Fuzzing) import EcoprodLSP
import Foundation
import Testing

/// Replays the framing fuzzer's corpus (`Fuzz/regressions/framing`) as the fuzzer runs it: each
/// input is read to its end with one read per byte at most, every body within the limit.
struct FramingFuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "../../Fuzz/regressions/framing"
    ).standardizedFileURL

    static let inputs: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
        .sorted()

    @Test func theCorpusIsThere() {
        #expect(Self.inputs.count >= 10, "Fuzz/regressions/framing holds \(Self.inputs.count) inputs")
    }

    @Test(arguments: inputs)
    func eachInputIsReadToItsEnd(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        #expect(JSONRPCChannel.readToEnd(fuzzing: bytes) >= 1)
    }
}
