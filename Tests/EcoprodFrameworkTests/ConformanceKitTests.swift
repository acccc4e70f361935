import Foundation
import TestSupport
import Testing

@testable import EcoprodFramework

/// The conformance kit in `Tests/Conformance/`: answer sets with the reference scorer's
/// expected output, for each release. Scorers in other languages run the same files.
///
/// The test scores every kit file and compares with its expected file, so the kit can never
/// drift from the reference scorer. `ECOPROD_RECORD_GOLDEN=1` regenerates the kit.
@Suite(.serialized) struct ConformanceKitTests {
    static let kit = packageRoot.appendingPathComponent("Tests/Conformance")

    /// The expected output of scoring `answers`: the score JSON, or the error codes with their paths.
    static func expected(_ answers: AnswerSet, bundle: FrameworkBundle) -> JSONValue {
        var diagnostics = DiagnosticCollector()
        if let report = Scorer(bundle: bundle).score(
            answers, into: &diagnostics, locate: { SourceLocation(file: "", line: 1, column: 1, path: $0) })
        {
            return report.jsonValue
        }
        return [
            "errors": .array(
                diagnostics.sorted().map {
                    ["code": .string($0.code.rawValue), "path": .string($0.location.path ?? "$")]
                })
        ]
    }

    /// The kit's cases for one release.
    static func cases(for bundle: FrameworkBundle) -> [(name: String, answers: AnswerSet)] {
        let framework = bundle.framework
        let allMet = Dictionary(uniqueKeysWithValues: framework.criteria.map { ($0.id, AnswerStatus.met) })
        var cases: [(String, AnswerSet)] = [("all-met", AnswerSets.make(bundle, title: "All met", statuses: allMet))]
        for scheme in framework.scoring.schemes {
            let threshold = scheme.threshold.basisPoints.rawValue
            // 80 applicable points: the threshold is then a whole number of points when bp × 80 / 10000 is.
            let atThreshold = threshold * 80 / 10_000
            if let statuses = AnswerSets.statuses(bundle, type: "feature-film", met: atThreshold, applicable: 80) {
                cases.append(
                    (
                        "\(scheme.id)-exactly-at-threshold",
                        AnswerSets.make(
                            bundle, scheme: scheme.id, title: "Exactly at \(scheme.id)'s threshold", statuses: statuses)
                    ))
            }
            if let statuses = AnswerSets.statuses(bundle, type: "feature-film", met: atThreshold - 1, applicable: 80) {
                cases.append(
                    (
                        "\(scheme.id)-just-below-threshold",
                        AnswerSets.make(
                            bundle, scheme: scheme.id, title: "One point below \(scheme.id)'s threshold",
                            statuses: statuses)
                    ))
            }
        }
        var missing = allMet
        if let mandatory = framework.criteria.first(where: \.mandatory) { missing[mandatory.id] = .notMet }
        cases.append(
            (
                "one-mandatory-missing",
                AnswerSets.make(bundle, title: "One mandatory criterion missing", statuses: missing)
            ))
        let everythingNA = Dictionary(
            uniqueKeysWithValues: framework.criteria.map { ($0.id, AnswerStatus.notApplicable) })
        cases.append(
            (
                "everything-not-applicable",
                AnswerSets.make(bundle, title: "Everything not applicable", statuses: everythingNA)
            ))
        let optionalNA = Dictionary(
            uniqueKeysWithValues: framework.criteria.map { ($0.id, $0.mandatory ? AnswerStatus.met : .notApplicable) })
        cases.append(
            (
                "only-mandatory-applicable",
                AnswerSets.make(
                    bundle, type: "advertising", title: "Only mandatory criteria apply", statuses: optionalNA)
            ))
        cases.append(
            (
                "unknown-production-type",
                AnswerSets.make(bundle, type: "animation", title: "Animation is out of scope", statuses: allMet)
            ))
        var sparse = allMet
        for criterion in framework.criteria.filter({ !$0.mandatory }).prefix(30) {
            sparse.removeValue(forKey: criterion.id)
        }
        cases.append(
            (
                "unanswered-criteria",
                AnswerSets.make(bundle, type: "documentary", title: "Thirty criteria unanswered", statuses: sparse)
            ))
        return cases
    }

    @Test func kitMatchesTheReferenceScorer() throws {
        let record = ProcessInfo.processInfo.environment["ECOPROD_RECORD_GOLDEN"] == "1"
        for release in shippedHistory.releases {
            let bundle = release.bundle
            let folder = Self.kit.appendingPathComponent(bundle.fileName.replacingOccurrences(of: ".json", with: ""))
            if record {
                try? FileManager.default.removeItem(at: folder)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for (name, answers) in Self.cases(for: bundle) {
                    try Data(answers.jsonValue.prettyBytes()).write(
                        to: folder.appendingPathComponent("\(name).answers.json"))
                    try Data(Self.expected(answers, bundle: bundle).prettyBytes()).write(
                        to: folder.appendingPathComponent("\(name).expected.json"))
                }
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                $0.hasSuffix(".answers.json")
            }.sorted()
            #expect(
                names.count == Self.cases(for: bundle).count,
                "kit for \(bundle.fileName) is incomplete; regenerate with ECOPROD_RECORD_GOLDEN=1")
            for name in names {
                let answersURL = folder.appendingPathComponent(name)
                var diagnostics = DiagnosticCollector()
                let answers = try #require(
                    AnswerSetDecoder().decode(Array(try Data(contentsOf: answersURL)), file: name, into: &diagnostics))
                let expectedURL = folder.appendingPathComponent(
                    name.replacingOccurrences(of: ".answers.json", with: ".expected.json"))
                let expected = try JSONParser().parse(Array(try Data(contentsOf: expectedURL)))
                #expect(
                    Self.expected(answers, bundle: bundle) == expected,
                    "\(bundle.fileName)/\(name) no longer matches the reference scorer")
            }
        }
    }

    @Test func kitCoversTheBoundaries() throws {
        let folder = Self.kit.appendingPathComponent("ecoprod-label-1.1.0")
        func expected(_ name: String) throws -> JSONValue {
            try JSONParser().parse(Array(try Data(contentsOf: folder.appendingPathComponent("\(name).expected.json"))))
        }
        #expect(try expected("performance-exactly-at-threshold")["percent"] == "65.00")
        #expect(try expected("performance-exactly-at-threshold")["eligible"] == true)
        #expect(try expected("performance-just-below-threshold")["eligible"] == false)
        #expect(try expected("commitment-phase-exactly-at-threshold")["percent"] == "70.00")
        #expect(try expected("commitment-phase-exactly-at-threshold")["eligible"] == true)
        #expect(try expected("one-mandatory-missing")["eligible"] == false)
        #expect(try expected("unknown-production-type")["errors"]?.arrayValue?.first?["code"] == "A105")
        #expect(try expected("everything-not-applicable")["errors"]?.arrayValue?.first?["code"] == "A108")
    }
}
