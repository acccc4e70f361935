import Foundation
import Testing

@testable import EcoprodFramework

/// A small framework built in code, so these tests do not depend on the compiler.
func sampleFramework(version: String = "1.0.0", previous: ReleaseReference? = nil, points: Int = 3) -> Framework {
    let text = { (fr: String, en: String) in LocalizedText(["fr": fr, "en": en]) }
    return Framework(
        identity: FrameworkIdentity(
            id: "sample", version: SemanticVersion(version)!, title: text("Référentiel « test » 🎬", "Test framework"),
            locales: ["fr", "en"], criterionIDPattern: "^[A-Z][0-9]+$",
            stages: [CatalogEntry(id: "shoot", title: text("Tournage", "Shoot"))]),
        departments: [Department(id: "A", title: text("Production", "Production"))],
        criteria: [
            Criterion(
                id: "A1", department: "A", title: text("Note d'intention", "Intention note"),
                guidance: text("Signée.", "Signed."),
                stages: ["shoot"], points: 4, mandatory: true, appliesTo: ["series"], evidence: [text("Note", "Note")]),
            Criterion(
                id: "A2", department: "A", title: text("Cœur", "Heart"), guidance: text("Œuvre.", "Work."),
                stages: ["shoot"], points: points, mandatory: false, appliesTo: ["series"], evidence: []),
        ],
        productionTypes: [CatalogEntry(id: "series", title: text("Série", "Series"))],
        scoring: ScoringPolicy(
            notApplicable: NotApplicableRule(effect: .excluded, mandatoryAllowed: false),
            schemes: [
                Scheme(
                    id: "performance", title: text("Performance", "Performance"),
                    threshold: Threshold(basisPoints: 6500, comparison: .atLeast),
                    levels: [StarLevel(stars: 1, basisPoints: 6500), StarLevel(stars: 2, basisPoints: 7500)])
            ]),
        lineage: Lineage(previous: previous, rules: []))
}

private func verify(_ bytes: [UInt8], file: String = "b.json") -> (FrameworkBundle?, [Diagnostic]) {
    var collector = DiagnosticCollector()
    let bundle = BundleVerifier().verify(bytes, file: file, into: &collector)
    return (bundle, collector.sorted())
}

@Suite struct BundleTests {
    @Test func roundTripsThroughTheVerifier() throws {
        let bundle = FrameworkBundle(framework: sampleFramework())
        let (decoded, diagnostics) = verify(bundle.fileBytes())
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(decoded == bundle)
    }

    @Test func digestIsSHA256OfTheCanonicalContent() {
        let bundle = FrameworkBundle(framework: sampleFramework())
        #expect(bundle.digest.hasPrefix("sha256:"))
        #expect(bundle.digest.count == 71)
        var content = bundle.jsonValue.objectValue!
        content.removeValue(forKey: "digest")
        #expect(FrameworkBundle.digest(ofContent: .object(content)) == bundle.digest)
        #expect(FrameworkBundle(framework: sampleFramework(points: 2)).digest != bundle.digest)
    }

    @Test func bundleHasTheContractTopLevelKeys() {
        let keys = FrameworkBundle(framework: sampleFramework()).jsonValue.objectValue!.keys.sorted()
        #expect(
            keys == [
                "criteria", "departments", "digest", "format", "framework", "lineage", "production_types", "scoring",
            ])
    }

    @Test func encodingIsDeterministic() {
        #expect(
            FrameworkBundle(framework: sampleFramework()).fileBytes()
                == FrameworkBundle(framework: sampleFramework()).fileBytes())
    }

    /// Every single byte changed anywhere in the file is caught, whitespace included.
    @Test func everyFlippedByteIsCaught() {
        let bytes = FrameworkBundle(framework: sampleFramework()).fileBytes()
        var undetected: [Int] = []
        for offset in 0..<bytes.count {
            var corrupted = bytes
            corrupted[offset] ^= 0x01
            let (_, diagnostics) = verify(corrupted)
            if !diagnostics.contains(where: { $0.severity == .error }) { undetected.append(offset) }
        }
        #expect(undetected.isEmpty, "undetected flips at offsets \(undetected.prefix(10))")
    }

    @Test func editedValueIsADigestMismatchAtTheDigestLine() throws {
        let text = String(decoding: FrameworkBundle(framework: sampleFramework()).fileBytes(), as: UTF8.self)
        let edited = text.replacingOccurrences(of: "\"points\": 3", with: "\"points\": 5")
        let (_, diagnostics) = verify(Array(edited.utf8))
        let mismatch = try #require(diagnostics.first { $0.code == .bundleDigestMismatch })
        #expect(mismatch.location.path == "$.digest")
        let digestLine =
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                $0.contains("\"digest\": \"sha256")
            }! + 1
        #expect(mismatch.location.line == digestLine)
    }

    struct StructuralCase: Sendable, CustomTestStringConvertible {
        var name: String
        var edit: @Sendable (inout [String: JSONValue]) -> Void
        var code: DiagnosticCode
        var pathContains: String
        var testDescription: String { name }
    }

    static let structuralCases: [StructuralCase] = [
        .init(
            name: "criterion without points",
            edit: { bundle in
                var criteria = bundle["criteria"]!.arrayValue!
                var first = criteria[0].objectValue!
                first.removeValue(forKey: "points")
                criteria[0] = .object(first)
                bundle["criteria"] = .array(criteria)
            }, code: .bundleStructure, pathContains: "$.criteria[0]"),
        .init(
            name: "mandatory as a string",
            edit: { bundle in
                var criteria = bundle["criteria"]!.arrayValue!
                var first = criteria[0].objectValue!
                first["mandatory"] = "yes"
                criteria[0] = .object(first)
                bundle["criteria"] = .array(criteria)
            }, code: .bundleStructure, pathContains: "$.criteria[0].mandatory"),
        .init(
            name: "no scoring", edit: { $0.removeValue(forKey: "scoring") }, code: .bundleStructure, pathContains: "$"),
        .init(name: "unknown member", edit: { $0["extra"] = 1 }, code: .bundleUnknownMember, pathContains: "$.extra"),
        .init(
            name: "unknown format", edit: { $0["format"] = "ecoprod-bundle/9" }, code: .bundleFormat,
            pathContains: "$.format"),
        .init(
            name: "no digest", edit: { $0.removeValue(forKey: "digest") }, code: .bundleDigestMissing, pathContains: "$"
        ),
        .init(
            name: "malformed digest", edit: { $0["digest"] = "md5:abc" }, code: .bundleDigestMissing,
            pathContains: "$.digest"),
        .init(
            name: "points beyond the bound",
            edit: { bundle in
                var criteria = bundle["criteria"]!.arrayValue!
                var first = criteria[0].objectValue!
                first["points"] = .integer(JSONValue.maxExactInteger)
                criteria[0] = .object(first)
                bundle["criteria"] = .array(criteria)
            }, code: .bundleIntegrity, pathContains: "$.criteria[0].points"),
        .init(
            name: "threshold beyond 100%",
            edit: { bundle in
                var scoring = bundle["scoring"]!.objectValue!
                var schemes = scoring["schemes"]!.arrayValue!
                var scheme = schemes[0].objectValue!
                scheme["threshold"] = ["basis_points": .integer(JSONValue.maxExactInteger), "comparison": "at-least"]
                schemes[0] = .object(scheme)
                scoring["schemes"] = .array(schemes)
                bundle["scoring"] = .object(scoring)
            }, code: .bundleIntegrity, pathContains: "$.scoring.schemes[0].threshold"),
        .init(
            name: "unknown department",
            edit: { bundle in
                var criteria = bundle["criteria"]!.arrayValue!
                var first = criteria[0].objectValue!
                first["department"] = "Z"
                criteria[0] = .object(first)
                bundle["criteria"] = .array(criteria)
            }, code: .bundleIntegrity, pathContains: "$.criteria[0].department"),
        .init(
            name: "undeclared stage",
            edit: { bundle in
                var criteria = bundle["criteria"]!.arrayValue!
                var first = criteria[0].objectValue!
                first["stages"] = ["nowhere"]
                criteria[0] = .object(first)
                bundle["criteria"] = .array(criteria)
            }, code: .bundleIntegrity, pathContains: "$.criteria[0].stages"),
        .init(
            name: "criterion title missing a declared locale",
            edit: { bundle in
                var criteria = bundle["criteria"]!.arrayValue!
                var first = criteria[0].objectValue!
                first["title"] = ["fr": "Seulement en français"]
                criteria[0] = .object(first)
                bundle["criteria"] = .array(criteria)
            }, code: .bundleIntegrity, pathContains: "$.criteria[0].title"),
        .init(
            name: "department title missing a declared locale",
            edit: { bundle in
                var departments = bundle["departments"]!.arrayValue!
                var first = departments[0].objectValue!
                first["title"] = ["en": "Only English"]
                departments[0] = .object(first)
                bundle["departments"] = .array(departments)
            }, code: .bundleIntegrity, pathContains: "$.departments[0].title"),
    ]

    @Test(arguments: structuralCases)
    func structuralProblemsCiteTheirJSONPath(_ structural: StructuralCase) throws {
        var members = FrameworkBundle(framework: sampleFramework()).jsonValue.objectValue!
        structural.edit(&members)
        let (_, diagnostics) = verify(JSONValue.object(members).prettyBytes())
        let found = try #require(diagnostics.first { $0.code == structural.code }, "\(diagnostics.map(\.code))")
        #expect(
            found.location.path?.hasPrefix(structural.pathContains) == true,
            "\(String(describing: found.location.path))")
        #expect(found.location.line >= 1)
    }

    @Test func reindentedBundleIsANonCanonicalLayout() throws {
        let text = String(decoding: FrameworkBundle(framework: sampleFramework()).fileBytes(), as: UTF8.self)
        let reindented = text.replacingOccurrences(of: "\n  \"criteria\"", with: "\n    \"criteria\"")
        let (bundle, diagnostics) = verify(Array(reindented.utf8))
        #expect(bundle != nil)
        #expect(diagnostics.map(\.code) == [.bundleLayout], "same content, same digest: only the layout differs")
        #expect(diagnostics.first?.location.line == 2)
    }

    @Test func invalidJSONIsASyntaxDiagnosticWithPosition() throws {
        let (bundle, diagnostics) = verify(Array("{\n  \"format\": ,\n}".utf8))
        #expect(bundle == nil)
        let syntax = try #require(diagnostics.first)
        #expect(syntax.code == .bundleSyntax)
        #expect((syntax.location.line, syntax.location.column) == (2, 13))
    }
}

@Suite struct LineageTests {
    private func chain(tamper: Bool) -> [BundleVerifier.VerifiedBundle] {
        let first = FrameworkBundle(framework: sampleFramework())
        let digest = tamper ? "sha256:" + String(repeating: "0", count: 64) : first.digest
        let second = FrameworkBundle(
            framework: sampleFramework(
                version: "1.1.0", previous: ReleaseReference(version: first.framework.identity.version, digest: digest))
        )
        return [.init(file: "b/sample-1.1.0.json", bundle: second), .init(file: "b/sample-1.0.0.json", bundle: first)]
    }

    @Test func aConsistentChainVerifies() {
        var collector = DiagnosticCollector()
        BundleVerifier().verifyLineage(chain(tamper: false), complete: true, into: &collector)
        #expect(collector.diagnostics.isEmpty, "\(collector.diagnostics)")
    }

    @Test func aWrongPreviousDigestIsReported() throws {
        var collector = DiagnosticCollector()
        BundleVerifier().verifyLineage(chain(tamper: true), complete: true, into: &collector)
        let problem = try #require(collector.diagnostics.first)
        #expect(problem.code == .bundleLineage)
        #expect(problem.location.file == "b/sample-1.1.0.json")
        #expect(problem.message.contains("lineage.previous.digest"))
    }

    @Test func lineageProblemsPointAtTheLineInTheBundle() throws {
        let entries = chain(tamper: true)
        var collector = DiagnosticCollector()
        let located = entries.map { entry -> BundleVerifier.VerifiedBundle in
            BundleVerifier().verifyFile(entry.bundle.fileBytes(), file: entry.file, into: &collector)!
        }
        #expect(collector.diagnostics.isEmpty)
        BundleVerifier().verifyLineage(located, complete: true, into: &collector)
        let problem = try #require(collector.diagnostics.first)
        let text = String(decoding: entries[0].bundle.fileBytes(), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let previous = lines.firstIndex { $0.contains("\"previous\"") }!
        let digestLine = lines[previous...].firstIndex { $0.contains("\"digest\"") }! + 1
        #expect(problem.location.line == digestLine)
        #expect(problem.location.path == "$.lineage.previous.digest")
    }

    @Test func aMissingPreviousReleaseIsReportedOnlyForACompleteHistory() {
        let lone = [chain(tamper: false)[0]]
        var complete = DiagnosticCollector()
        BundleVerifier().verifyLineage(lone, complete: true, into: &complete)
        #expect(complete.diagnostics.map(\.code) == [.bundleLineage])
        var partial = DiagnosticCollector()
        BundleVerifier().verifyLineage(lone, complete: false, into: &partial)
        #expect(partial.diagnostics.isEmpty)
    }

    @Test func aLaterReleaseWithoutPreviousIsReported() {
        let first = FrameworkBundle(framework: sampleFramework())
        let second = FrameworkBundle(framework: sampleFramework(version: "2.0.0"))
        var collector = DiagnosticCollector()
        BundleVerifier().verifyLineage(
            [.init(file: "a", bundle: first), .init(file: "b", bundle: second)], complete: false, into: &collector)
        #expect(collector.diagnostics.map(\.code) == [.bundleLineage])
    }
}

@Suite struct DirectEncodingTests {
    /// The direct encoder must produce exactly what the Codable wire form produces.
    @Test(arguments: [0, 1])
    func directEncodingEqualsTheCodableForm(_ which: Int) {
        let framework =
            which == 0
            ? sampleFramework(
                previous: ReleaseReference(
                    version: SemanticVersion("0.9.0")!, digest: "sha256:" + String(repeating: "a", count: 64)))
            : latestRelease.framework
        var withRules = framework
        withRules.lineage.rules = [
            MigrationRule(kind: .merge, from: ["A1", "A2"], to: ["A3"], combine: .anyMet),
            MigrationRule(kind: .retire, from: ["A4"], to: [], reason: LocalizedText(["fr": "x", "en": "y"])),
        ]
        for candidate in [framework, withRules] {
            #expect(
                FrameworkBundle.directContentValue(of: candidate) == FrameworkBundle.codableContentValue(of: candidate))
        }
    }
}
