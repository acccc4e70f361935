import EcoprodFramework
import Foundation
import FrameworkFixtures
import Testing

@testable import EcoprodCompiler
@testable import EcoprodReports

let departmentB = "Framework/departments/B-editorial.yaml"

/// One defect planted in a copy of the shipped framework, and the diagnostic it must produce.
struct PlantedDefect: Sendable, CustomTestStringConvertible {
    var name: String
    var file: String
    /// The text replaced (its first occurrence), and what replaces it.
    var find: String
    var replace: String
    var code: DiagnosticCode
    /// Lines after the replaced text's first line where the diagnostic points.
    var lineOffset: Int = 0
    /// Where the diagnostic points, when not in `file`.
    var reportedFile: String?
    var testDescription: String { name }
}

@Suite struct FrameworkCompilerTests {
    /// Department files are read on every core; the outcome must be exactly that of reading
    /// them one after another, for clean sources and for sources with errors in several files.
    @Test func readingInParallelChangesNothing() throws {
        let broken =
            shippedSources
            .replacing(
                departmentA,
                with: Array(
                    shippedSources.text(of: departmentA).replacingOccurrences(of: "points: 4\n", with: "points: -3\n")
                        .utf8)
            )
            .replacing(
                departmentB,
                with: Array(
                    shippedSources.text(of: departmentB).replacingOccurrences(
                        of: "mandatory: false", with: "mandatory: yes"
                    ).utf8))
        for sources in [shippedSources, broken] {
            let parallel = FrameworkCompiler(options: .init(readsInParallel: true)).compile(sources)
            let sequential = FrameworkCompiler(options: .init(readsInParallel: false)).compile(sources)
            #expect(parallel.framework == sequential.framework)
            #expect(parallel.diagnostics == sequential.diagnostics)
        }
        let errors = FrameworkCompiler().compile(broken).diagnostics
        #expect(Set(errors.map(\.location.file)) == [departmentA, departmentB])
    }

    @Test func shippedFrameworkCompilesCleanly() throws {
        let result = FrameworkCompiler().compile(shippedSources)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let framework = try #require(result.framework)
        #expect(framework.criteria.count == 80)
        #expect(framework.mandatoryCount == 8)
        #expect(framework.departments.count == 10)
        #expect(framework.departments.map(\.id) == ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"])
        #expect(
            framework.scoring.schemes.map(\.threshold) == [
                Threshold(basisPoints: 6500, comparison: .atLeast), Threshold(basisPoints: 7000, comparison: .atLeast),
            ])
        #expect(framework.scoring.schemes.allSatisfy { $0.levels.map(\.stars) == [1, 2, 3] })
        #expect(
            framework.criteria.allSatisfy { $0.title["fr"] != nil && $0.title["en"] != nil && !$0.evidence.isEmpty })
        #expect(framework.criteria.first?.id == "A1")
        #expect(framework.criteria.last?.id == "J5")
    }

    static let defects: [PlantedDefect] = [
        .init(
            name: "duplicate key", file: departmentA, find: "    points: 4\n",
            replace: "    points: 4\n    points: 4\n", code: .yamlDuplicateKey, lineOffset: 1),
        .init(
            name: "duplicate ID across files", file: departmentB, find: "id: B1", replace: "id: A1", code: .duplicateID),
        .init(
            name: "mandatory: yes", file: departmentA, find: "mandatory: true", replace: "mandatory: yes",
            code: .invalidMandatory),
        .init(name: "points: -3", file: departmentA, find: "points: 4", replace: "points: -3", code: .invalidPoints),
        .init(name: "points: 0", file: departmentA, find: "points: 4", replace: "points: 0", code: .invalidPoints),
        .init(
            name: "points: 0x10", file: departmentA, find: "points: 4", replace: "points: 0x10", code: .invalidPoints),
        .init(
            name: "points: three", file: departmentA, find: "points: 4", replace: "points: three", code: .invalidPoints),
        .init(
            name: "points: 1_000", file: departmentA, find: "points: 4", replace: "points: 1_000", code: .invalidPoints),
        .init(name: "points: +4", file: departmentA, find: "points: 4", replace: "points: +4", code: .invalidPoints),
        .init(
            name: "points beyond the exact-arithmetic bound", file: departmentA, find: "points: 4",
            replace: "points: 999999999999999", code: .invalidPoints),
        .init(name: "points: 4.0", file: departmentA, find: "points: 4", replace: "points: 4.0", code: .invalidPoints),
        .init(
            name: "misspelt key", file: departmentA, find: "    guidance:", replace: "    guidanse:", code: .unknownKey),
        .init(
            name: "missing required key", file: departmentA, find: "    points: 4\n", replace: "", code: .missingKey,
            lineOffset: -8),
        .init(
            name: "wrong type", file: departmentA, find: "    stages: [preparation]",
            replace: "    stages: preparation", code: .wrongType),
        .init(name: "a tab", file: departmentA, find: "    points: 4", replace: "\tpoints: 4", code: .yamlSyntax),
        .init(
            name: "unterminated quote", file: departmentA, find: "fr: \"Note d'intention signée\"",
            replace: "fr: \"Note d'intention signée", code: .yamlSyntax, lineOffset: 1),
        // YAML 1.2 layout that libyaml reads through: reported where the mistake is.
        .init(
            name: "comment glued to a quote", file: departmentA, find: "fr: \"Note d'intention signée\"",
            replace: "fr: \"Note d'intention signée\"# v2", code: .yamlCommentWithoutSpace),
        .init(
            name: "flow list continued too little", file: departmentA, find: "    stages: [preparation]",
            replace: "    stages: [preparation,\n shoot]", code: .yamlFlowIndentation, lineOffset: 1),
        .init(
            name: "dash in a flow list", file: departmentA, find: "    stages: [preparation]",
            replace: "    stages: [-]", code: .yamlDashInFlow),
        .init(name: "anchor", file: departmentA, find: "points: 4", replace: "points: &p 4", code: .yamlAnchor),
        .init(
            name: "second document", file: departmentA, find: "department: A\n", replace: "department: A\n---\n",
            code: .yamlMultipleDocuments, lineOffset: 1),
        .init(
            name: "!!python/object tag", file: departmentA, find: "points: 4",
            replace: "points: !!python/object:os.system 4", code: .yamlTag),
        .init(name: "ID breaking the pattern", file: departmentA, find: "id: A1", replace: "id: A-1", code: .idPattern),
        .init(
            name: "undeclared department", file: departmentB, find: "department: B", replace: "department: Q",
            code: .unknownDepartment),
        .init(
            name: "undeclared production type", file: departmentB, find: "tv-programme, series",
            replace: "tv-programme, serie", code: .unknownProductionType),
        .init(
            name: "undeclared stage", file: departmentA, find: "stages: [preparation]", replace: "stages: [prep]",
            code: .unknownStage),
        .init(
            name: "missing translation", file: departmentA, find: "      en: \"Signed intention note\"\n", replace: "",
            code: .missingTranslation, lineOffset: -1),
        .init(
            name: "undeclared locale", file: departmentA, find: "      en: \"Signed intention note\"\n",
            replace: "      en: \"Signed intention note\"\n      de: \"Absichtserklärung\"\n", code: .undeclaredLocale,
            lineOffset: 1),
        .init(
            name: "threshold over 100", file: frameworkFile, find: "{percent: 65, comparison: at-least}",
            replace: "{percent: 120, comparison: at-least}", code: .thresholdRange),
        .init(
            name: "threshold of 0", file: frameworkFile, find: "{percent: 65, comparison: at-least}",
            replace: "{percent: 0, comparison: at-least}", code: .thresholdRange),
        .init(
            name: "threshold without comparison", file: frameworkFile, find: "{percent: 65, comparison: at-least}",
            replace: "{percent: 65}", code: .missingComparison),
        .init(
            name: "threshold of 0 without comparison", file: frameworkFile, find: "{percent: 65, comparison: at-least}",
            replace: "{percent: 0}", code: .thresholdRange),
        .init(
            name: "impossible threshold", file: frameworkFile, find: "{percent: 70, comparison: at-least}",
            replace: "{percent: 100, comparison: more-than}", code: .unreachableThreshold),
        .init(
            name: "unknown comparison", file: frameworkFile, find: "comparison: at-least}",
            replace: "comparison: over}", code: .invalidValue),
        .init(
            name: "star levels out of order", file: frameworkFile, find: "{stars: 2, percent: 75}",
            replace: "{stars: 2, percent: 90}", code: .starLevelOrder, lineOffset: 1),
        .init(
            name: "star level below threshold", file: frameworkFile, find: "{stars: 1, percent: 65}",
            replace: "{stars: 1, percent: 60}", code: .starLevelBelowThreshold),
        .init(
            name: "invalid version", file: frameworkFile, find: "version: 1.2.0", replace: "version: 1.2",
            code: .invalidVersion),
        .init(
            name: "an audit sample size that is neither", file: frameworkFile, find: "size: ceil-sqrt",
            replace: "size: square-root", code: .invalidValue),
        .init(
            name: "a negative audit minimum", file: frameworkFile, find: "minimum: 3", replace: "minimum: -3",
            code: .invalidValue),
        .init(
            name: "an unknown audit key", file: frameworkFile, find: "per_department: 1",
            replace: "per_department: 1\n  per_stage: 1", code: .unknownKey, lineOffset: 1),
        .init(
            name: "invalid ID pattern", file: frameworkFile, find: "\"^[A-J][1-9][0-9]?$\"", replace: "\"^[A-J\"",
            code: .invalidIDPattern),
        .init(
            name: "no locales", file: frameworkFile, find: "locales: [fr, en]", replace: "locales: []",
            code: .invalidValue),
        .init(
            name: "a locale twice", file: frameworkFile, find: "locales: [fr, en]", replace: "locales: [fr, en, fr]",
            code: .duplicateID),
        .init(
            name: "duplicate department", file: frameworkFile, find: "  - id: J\n", replace: "  - id: A\n",
            code: .duplicateID),
        // Model invariants (FrameworkInvariants), mapped back to the YAML range they came from.
        .init(
            name: "duplicate scheme", file: frameworkFile, find: "- id: commitment-phase", replace: "- id: performance",
            code: .duplicateID),
        .init(
            name: "duplicate stage", file: frameworkFile, find: "  - id: shoot\n", replace: "  - id: preparation\n",
            code: .duplicateID),
        .init(
            name: "duplicate production type", file: frameworkFile, find: "  - id: series\n",
            replace: "  - id: feature-film\n", code: .duplicateID),
        .init(
            name: "locale that is not a language tag", file: frameworkFile, find: "locales: [fr, en]",
            replace: "locales: [fr, \"en\\\"><x\"]", code: .invalidLocaleTag),
        .init(
            name: "star level over 100", file: frameworkFile, find: "{stars: 3, percent: 85}",
            replace: "{stars: 3, percent: 101}", code: .starLevelOrder),
    ]

    @Test(arguments: defects)
    func plantedDefectIsReportedAtItsLine(_ defect: PlantedDefect) throws {
        let original = shippedSources.text(of: defect.file)
        let range = try #require(original.range(of: defect.find), "fixture text not found: \(defect.find)")
        let line = original[..<range.lowerBound].filter { $0 == "\n" }.count + 1 + defect.lineOffset
        let mutated = original.replacingCharacters(in: range, with: defect.replace)
        let result = FrameworkCompiler().compile(shippedSources.replacing(defect.file, with: Array(mutated.utf8)))
        #expect(result.framework == nil)
        let found = result.diagnostics.first { $0.code == defect.code }
        #expect(found != nil, "expected \(defect.code), got \(result.diagnostics.map { "\($0.code) \($0.message)" })")
        #expect(found?.severity == .error)
        #expect(found?.location.file == (defect.reportedFile ?? defect.file))
        #expect(found?.location.line == line, "\(String(describing: found))")
    }

    struct RawDefect: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: @Sendable (String) -> [UInt8]
        var code: DiagnosticCode
        var line: Int
        var testDescription: String { name }
    }

    static let rawDefects: [RawDefect] = [
        .init(
            name: "invalid UTF-8",
            bytes: { text in
                var bytes = Array(text.utf8)
                bytes.insert(contentsOf: [0xFF, 0xFE], at: Array(text.utf8).firstIndex(of: UInt8(ascii: "\n"))! + 1)
                return bytes
            }, code: .yamlInvalidUTF8, line: 2),
        .init(
            name: "alias bomb",
            bytes: { text in
                Array(
                    (text
                        + "bomb: &a [x, x, x, x, x, x, x, x]\nbomb2: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nbomb3: [*b, *b, *b, *b, *b, *b, *b, *b]\n")
                        .utf8)
            }, code: .yamlAnchor, line: 150),
        .init(
            name: "100,000 nested brackets",
            bytes: { text in
                Array((text + "deep: " + String(repeating: "[", count: 100_000)).utf8)
            }, code: .yamlDepthLimit, line: 150),
        .init(name: "empty file", bytes: { _ in Array("# nothing\n".utf8) }, code: .emptyFile, line: 0),
    ]

    @Test(arguments: rawDefects)
    func rawDefectIsReportedWithoutCrashing(_ defect: RawDefect) throws {
        let mutated = defect.bytes(shippedSources.text(of: departmentA))
        let result = FrameworkCompiler().compile(shippedSources.replacing(departmentA, with: mutated))
        let found = try #require(
            result.diagnostics.first { $0.code == defect.code }, "\(result.diagnostics.map(\.code))")
        #expect(found.location.file == departmentA)
        #expect(found.location.line == defect.line)
        #expect(result.framework == nil)
    }

    @Test func departmentWithoutCriteriaIsReportedAtItsDeclaration() throws {
        var sources = shippedSources
        sources.departments.removeAll { $0.path == departmentB }
        let result = FrameworkCompiler().compile(sources)
        let found = try #require(result.diagnostics.first { $0.code == .emptyDepartment })
        #expect(found.location.file == frameworkFile)
        #expect(found.message.contains("'B'"))
    }

    @Test func secondFileForADepartmentIsReported() throws {
        var sources = shippedSources
        sources.departments.append(
            SourceFile(
                path: "Framework/departments/Z-copy.yaml", bytes: Array(shippedSources.text(of: departmentB).utf8)))
        let result = FrameworkCompiler().compile(sources)
        #expect(
            result.diagnostics.contains {
                $0.code == .departmentFileTwice && $0.location.file == "Framework/departments/Z-copy.yaml"
            })
    }

    @Test func everyProblemIsReportedInOneRunSortedByLocation() {
        var text = shippedSources.text(of: departmentA)
        text = text.replacingOccurrences(of: "mandatory: true", with: "mandatory: yes")
        let result = FrameworkCompiler().compile(shippedSources.replacing(departmentA, with: Array(text.utf8)))
        #expect(result.diagnostics.filter { $0.code == .invalidMandatory }.count == 6)
        let lines = result.diagnostics.map(\.location.line)
        #expect(lines == lines.sorted())
    }

    @Test func misspeltKeySuggestsTheRightOne() throws {
        let text = shippedSources.text(of: departmentA).replacingOccurrences(of: "    evidence:", with: "    evidense:")
        let result = FrameworkCompiler().compile(shippedSources.replacing(departmentA, with: Array(text.utf8)))
        let found = try #require(result.diagnostics.first { $0.code == .unknownKey })
        #expect(found.help == "did you mean 'evidence'?")
    }

    @Test func byteOrderMarkAndCRLFStillPassWithCorrectLines() throws {
        let text = shippedSources.text(of: departmentA)
        let crlf = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let clean = FrameworkCompiler().compile(shippedSources.replacing(departmentA, with: crlf))
        #expect(clean.diagnostics.isEmpty)
        #expect(clean.framework?.criteria.count == 80)
        let broken = text.replacingOccurrences(of: "id: A3", with: "id: A-3").replacingOccurrences(
            of: "\n", with: "\r\n")
        let result = FrameworkCompiler().compile(
            shippedSources.replacing(departmentA, with: [0xEF, 0xBB, 0xBF] + Array(broken.utf8)))
        let found = try #require(result.diagnostics.first { $0.code == .idPattern })
        let expectedLine = text.components(separatedBy: "\n").firstIndex { $0.contains("id: A3") }! + 1
        #expect(found.location.line == expectedLine)
        #expect(found.location.column == 9)
    }

    @Test func aFrameworkWithoutSchemesIsReported() throws {
        let text = shippedSources.text(of: frameworkFile)
        let start = try #require(text.range(of: "  schemes:\n"))
        let cut = String(text[..<start.upperBound]).replacingOccurrences(of: "  schemes:\n", with: "  schemes: []\n")
        let result = FrameworkCompiler().compile(shippedSources.replacing(frameworkFile, with: Array(cut.utf8)))
        #expect(result.diagnostics.contains { $0.code == .noSchemes && $0.location.file == frameworkFile })
    }

    @Test func aFolderWithoutFrameworkYAMLIsReported() throws {
        let folder = NSTemporaryDirectory() + "ecoprod-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/departments", withIntermediateDirectories: true)
        let result = FrameworkCompiler().compile(directory: folder)
        #expect(result.diagnostics.map(\.code) == [.missingFrameworkFile])
        #expect(result.framework == nil)
    }

    @Test func aStarLevelAbove100IsReported() throws {
        let text = shippedSources.text(of: frameworkFile).replacingOccurrences(
            of: "{stars: 3, percent: 85}", with: "{stars: 3, percent: 101}")
        let result = FrameworkCompiler().compile(shippedSources.replacing(frameworkFile, with: Array(text.utf8)))
        #expect(result.diagnostics.contains { $0.code == .starLevelOrder && $0.message.contains("above 100%") })
    }

    @Test func missingFrameworkFolderIsOneClearError() {
        let result = FrameworkCompiler().compile(directory: "/nonexistent/Framework")
        #expect(result.diagnostics.map(\.code) == [.fileUnreadable])
    }
}
