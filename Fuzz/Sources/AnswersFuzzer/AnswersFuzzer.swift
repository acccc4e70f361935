// libFuzzer entry point for the answer-set decoder and the scorer. Built by Fuzz/run.sh.
// Any bytes must decode to an answer set or to diagnostics with positions, and any answer set
// must score or be refused: never a crash, a hang, an overflow or a leak.
@_spi(Fuzzing) import EcoprodFramework
import Foundation
import FuzzDriver

/// The fuzz targets' small bundle, so that fuzzed answers meet real criteria and schemes.
private let bundle = FuzzBundle.small

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var diagnostics = DiagnosticCollector()
    guard let (decoded, locator) = AnswerSetDecoder().decodeLocated(bytes, file: "fuzz.json", into: &diagnostics) else {
        precondition(diagnostics.hasErrors, "a refused answer set must say why")
        return 0
    }
    var answers = decoded
    // Point half the inputs at the fuzz bundle so that scoring runs past the version check.
    if size % 2 == 0 { answers.framework = BundleReference(bundle) }
    if let report = Scorer(bundle: bundle).score(answers, into: &diagnostics, locate: locator.location(of:)) {
        precondition(report.points <= report.applicablePoints, "more points met than applicable")
        precondition(!report.eligible || report.mandatoryMissing.isEmpty, "eligible with a mandatory criterion missing")
        _ = report.jsonValue.canonicalBytes()
    }
    _ = answers.jsonValue.prettyBytes()
    return 0
}

@_cdecl("AnswersFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzAnswers(data, size) }
}
