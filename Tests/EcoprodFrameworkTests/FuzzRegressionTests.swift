import Foundation
import TestSupport
import Testing

@testable @_spi(Fuzzing) import EcoprodFramework

/// Replays the answers fuzzer's minimized corpus (`Fuzz/regressions/answers`) through the decoder
/// and the scorer: every input decodes or is refused with a reason, and every decoded set scores
/// or is refused, with the scorer's invariants holding. Never a crash.
@Suite struct AnswersFuzzRegressionTests {
    static let folder = packageRoot.appendingPathComponent("Fuzz/regressions/answers")

    @Test func everyInputDecodesOrIsRefusedAndScoresConsistently() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(names.count >= 100, "the fuzz regression corpus is missing")
        var decoded = 0
        var scored = 0
        for name in names {
            let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            var diagnostics = DiagnosticCollector()
            guard let (answers, locator) = AnswerSetDecoder().decodeLocated(bytes, file: name, into: &diagnostics)
            else {
                #expect(diagnostics.hasErrors, "\(name) was refused without a reason")
                continue
            }
            decoded += 1
            // The shipped release, and the fuzzer's own bundle, against which the corpus was found.
            for bundle in [latestRelease, FuzzBundle.small] {
                var pointed = answers
                pointed.framework = BundleReference(bundle)
                var scoring = diagnostics
                if let report = Scorer(bundle: bundle).score(pointed, into: &scoring, locate: locator.location(of:)) {
                    scored += 1
                    #expect(report.points <= report.applicablePoints)
                    #expect(!report.eligible || report.mandatoryMissing.isEmpty)
                } else {
                    #expect(
                        scoring.hasErrors,
                        "\(name) was not scored against \(bundle.framework.identity.id), without a reason")
                }
            }
        }
        #expect(decoded > 0 && scored > 0, "the corpus should reach the scorer: \(decoded) decoded, \(scored) scored")
    }
}
