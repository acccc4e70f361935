import EcoprodFramework
import Foundation
import FrameworkFixtures
import TestSupport
import Testing

@testable import EcoprodCompiler
@testable import EcoprodReports

@Suite struct BundleDeterminismTests {
    private func bundleBytes(_ sources: FrameworkSources, date: String? = nil) throws -> [UInt8] {
        let result = FrameworkCompiler(options: .init(releaseDate: date)).compile(sources)
        let framework = try #require(result.framework)
        return FrameworkBundle(framework: framework).fileBytes()
    }

    @Test func buildingTwiceGivesIdenticalBytes() throws {
        #expect(try bundleBytes(shippedSources) == bundleBytes(shippedSources))
    }

    @Test(arguments: [1, 2, 3, 42, 1234])
    func shuffledFileOrderGivesIdenticalBytes(_ seed: UInt64) throws {
        var generator = SplitMix(seed: seed)
        var shuffled = shippedSources
        shuffled.departments.shuffle(using: &generator)
        #expect(shuffled.departments.map(\.path) != shippedSources.departments.map(\.path) || seed == 1)
        #expect(try bundleBytes(shuffled) == bundleBytes(shippedSources))
    }

    @Test func criteriaFollowDepartmentThenFileOrder() throws {
        let framework = try #require(FrameworkCompiler().compile(shippedSources).framework)
        let departmentOrder = framework.departments.map(\.id)
        let positions = framework.criteria.map { departmentOrder.firstIndex(of: $0.department)! }
        #expect(positions == positions.sorted())
        let numbersInA = framework.criteria.filter { $0.department == "A" }.map { Int($0.id.dropFirst())! }
        #expect(numbersInA == Array(1...numbersInA.count))
    }

    @Test func releaseDateIsInsideTheDigestAndOnlyWhenGiven() throws {
        let undated = try bundleBytes(shippedSources)
        let dated = try bundleBytes(shippedSources, date: "2023-06-01")
        #expect(!String(decoding: undated, as: UTF8.self).contains("released"))
        #expect(String(decoding: dated, as: UTF8.self).contains("\"released\": \"2023-06-01\""))
        var collector = DiagnosticCollector()
        let bundle = BundleVerifier().verify(dated, file: "b.json", into: &collector)
        #expect(collector.diagnostics.isEmpty)
        #expect(
            bundle?.digest != FrameworkBundle(framework: FrameworkCompiler().compile(shippedSources).framework!).digest)
    }

    @Test func shippedBundleHasTheContractShape() throws {
        let value = try JSONParser().parse(try bundleBytes(shippedSources))
        #expect(value["format"] == "ecoprod-bundle/1")
        let criterion = try #require(value["criteria"]?.arrayValue?.first?.objectValue)
        #expect(
            criterion.keys.sorted() == [
                "applies_to", "department", "evidence", "guidance", "id", "mandatory", "points", "stages", "title",
            ])
        let schemes = value["scoring"]?["schemes"]?.arrayValue ?? []
        #expect(schemes.map { $0["threshold"]?["comparison"] } == ["at-least", "at-least"])
        #expect(schemes.map { $0["threshold"]?["basis_points"] } == [6500, 7000])
    }
}
