// libFuzzer entry point for the answer-set decoder and the scorer. Built by Fuzz/run.sh.
// Any bytes must decode to an answer set or to diagnostics with positions, and any answer set
// must score or be refused: never a crash, a hang, an overflow or a leak.
import EcoprodFramework
import FuzzDriver
import Foundation

/// A small bundle, built once, so that fuzzed answers meet real criteria and schemes.
private let bundle: FrameworkBundle = {
    let text = { (en: String) in LocalizedText(["fr": en, "en": en]) }
    let criteria = (1...12).map { index in
        Criterion(
            id: "A\(index)", department: index <= 6 ? "A" : "B", title: text("C\(index)"), guidance: text("G"), stages: ["shoot"],
            points: index % 4 + 1, mandatory: index <= 2, appliesTo: index % 3 == 0 ? ["series"] : ["series", "documentary"], evidence: [])
    }
    return FrameworkBundle(framework: Framework(
        identity: FrameworkIdentity(id: "fuzz", version: SemanticVersion("1.0.0")!, title: text("Fuzz"), locales: ["fr", "en"], criterionIDPattern: ".*", stages: []),
        departments: [Department(id: "A", title: text("A")), Department(id: "B", title: text("B"))], criteria: criteria,
        productionTypes: [CatalogEntry(id: "series", title: text("S")), CatalogEntry(id: "documentary", title: text("D"))],
        scoring: ScoringPolicy(
            notApplicable: NotApplicableRule(effect: .excluded, mandatoryAllowed: false),
            schemes: [Scheme(id: "performance", title: text("P"), threshold: Threshold(basisPoints: 6500, comparison: .atLeast), levels: [StarLevel(stars: 1, basisPoints: 6500)])]),
        lineage: .origin))
}()

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
