@_spi(Fuzzing) import EcoprodGrid
import Foundation
import TestSupport
import Testing

/// Replays the grid fuzzer's kept corpus (`Fuzz/regressions/grid`) through the same harness the
/// fuzzer runs (`GridFuzzing.run`): every input imports (and round-trips) or is refused with
/// an error. `ECOPROD_RECORD_GOLDEN=1` rewrites the seed inputs.
@Suite struct GridFuzzRegressionTests {
    static let folder = packageRoot.appendingPathComponent("Fuzz/regressions/grid")

    @Test func everyKeptInputImportsOrIsRefused() throws {
        if ProcessInfo.processInfo.environment["ECOPROD_RECORD_GOLDEN"] == "1" {
            for (index, seed) in GridFuzzing.seeds.enumerated() {
                try Data(seed).write(to: Self.folder.appendingPathComponent("seed-\(index)"))
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(names.count >= 10, "the grid fuzz corpus is missing")
        for name in names {
            let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            if let broken = GridFuzzing.run(bytes) { Issue.record("\(name): \(broken)") }
        }
    }

    @Test func theSeedGridImportsAndRoundTrips() {
        #expect(GridFuzzing.run([0] + GridFuzzing.seed) == nil)
        #expect(GridFuzzing.seeds.count == 11)
    }
}
