import Foundation
import Testing

@testable import StrictYAML

/// Replays the fuzzer's minimized corpus (`Fuzz/regressions/yaml`): every input must come back
/// as a tree or as problems with 1-based positions, never a crash.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fuzz/regressions/yaml")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func corpusIsPresent() {
        #expect(Self.inputs.count >= 100, "the fuzz regression corpus is missing")
    }

    @Test func everyInputIsReadWithoutCrashing() throws {
        var problems = 0
        var trees = 0
        for name in Self.inputs {
            let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            let result = YAMLReader().read(bytes, file: name)
            for problem in result.problems {
                #expect(problem.range.start.line >= 1 && problem.range.start.column >= 1, "\(name): \(problem)")
                #expect(problem.range.file == name)
            }
            if let root = result.root {
                #expect(root.range.start.line >= 1)
                trees += 1
            }
            problems += result.problems.isEmpty ? 0 : 1
        }
        #expect(problems > 0 && trees > 0, "the corpus should hold both accepted and refused inputs")
    }
}
