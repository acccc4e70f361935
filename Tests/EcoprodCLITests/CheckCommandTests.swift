import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// One defect from the issue's "done means" list, planted in a copy of `Framework/`.
struct CLIDefect: Sendable, CustomTestStringConvertible {
    var name: String
    var file: String
    var edit: @Sendable (String) -> [UInt8]
    var code: String
    var line: Int
    var testDescription: String { name }

    static func replacing(
        _ name: String, _ file: String, _ find: String, _ replace: String, code: String, lineDelta: Int = 0
    ) -> CLIDefect {
        let text = try! String(contentsOf: packageRoot.appendingPathComponent(file), encoding: .utf8)
        let line = text[..<text.range(of: find)!.lowerBound].filter { $0 == "\n" }.count + 1 + lineDelta
        return CLIDefect(
            name: name, file: file, edit: { Array($0.replacingOccurrences(of: find, with: replace).utf8) }, code: code,
            line: line)
    }
}

private let departmentA = "Framework/departments/A-production.yaml"
private let departmentB = "Framework/departments/B-editorial.yaml"
private let frameworkFile = "Framework/framework.yaml"

@Suite(.serialized) struct CheckCommandTests {
    @Test func shippedFrameworkPasses() throws {
        let result = try runEcoprod(["check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("ecoprod-label 1.2.0: 80 criteria, 8 mandatory, 10 departments"))
    }

    static let defects: [CLIDefect] = [
        .replacing(
            "duplicate keys", departmentA, "    points: 4\n", "    points: 4\n    points: 4\n", code: "Y102",
            lineDelta: 1),
        .replacing("duplicate IDs", departmentB, "id: B1\n", "id: A1\n", code: "I302"),
        .replacing("mandatory: yes", departmentA, "mandatory: true", "mandatory: yes", code: "P402"),
        .replacing("points: -3", departmentA, "points: 4", "points: -3", code: "P401"),
        .replacing("points: 0x10", departmentA, "points: 4", "points: 0x10", code: "P401"),
        .replacing("points: three", departmentA, "points: 4", "points: three", code: "P401"),
        .replacing("a misspelt key", departmentA, "    evidence:", "    evidense:", code: "S201"),
        .replacing("a tab", departmentA, "    points: 4", "\tpoints: 4", code: "Y101"),
        .replacing(
            "an unterminated quote", departmentA, "fr: \"Note d'intention signée\"", "fr: \"Note d'intention signée",
            code: "Y101", lineDelta: 1),
        .replacing(
            "a second document", departmentA, "department: A\n", "department: A\n---\n", code: "Y106", lineDelta: 1),
        .replacing(
            "a !!python/object tag", departmentA, "points: 4", "points: !!python/object:os.system 4", code: "Y105"),
        .replacing(
            "an impossible threshold", frameworkFile, "{percent: 70, comparison: at-least}",
            "{percent: 100, comparison: more-than}", code: "C705"),
        CLIDefect(
            name: "an alias bomb", file: departmentA,
            edit: { Array(($0 + "a: &a [x, x, x, x, x, x, x, x, x]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n").utf8) },
            code: "Y103", line: 150),
        CLIDefect(
            name: "100,000 nested brackets", file: departmentA,
            edit: { Array(($0 + "deep: " + String(repeating: "[", count: 100_000) + "\n").utf8) }, code: "Y108",
            line: 150),
        CLIDefect(
            name: "invalid UTF-8", file: departmentA,
            edit: { Array($0.utf8.prefix(40)) + [0xC3, 0x28] + Array($0.utf8.dropFirst(40)) }, code: "Y112", line: 1),
    ]

    /// The releases are verified on another thread while the sources are read; what they
    /// find is reported all the same, at the release's file and line.
    static let releaseDefects: [CLIDefect] = [
        CLIDefect(
            name: "a forged earlier release", file: "Framework/releases/ecoprod-label-1.0.0.json",
            edit: {
                Array($0.replacingOccurrences(of: "\"points\": 4,", with: "\"points\": 40,").utf8)
            }, code: "B105", line: 2678),
        CLIDefect(
            name: "a release that is not JSON", file: "Framework/releases/ecoprod-label-1.1.0.json",
            edit: { _ in Array("{\n  \"format\": \n".utf8) }, code: "B101", line: 3),
    ]

    @Test(arguments: defects.map { ($0, false) } + releaseDefects.map { ($0, true) })
    func plantedDefectFailsWithJSONDiagnostic(_ defect: CLIDefect, _ keepsReleases: Bool) throws {
        let folder = try copyOfFramework(keepingReleases: keepsReleases)
        let url = folder.appendingPathComponent(defect.file)
        let original = try String(contentsOf: url, encoding: .utf8)
        try Data(defect.edit(original)).write(to: url)
        let result = try runEcoprod(["check", "--format", "json"], in: folder)
        #expect(result.status == 1)
        let report = try JSONParser().parse(result.stdoutBytes)
        let diagnostics = report["diagnostics"]?.arrayValue ?? []
        let match = diagnostics.first { $0["code"]?.stringValue == defect.code }
        #expect(match != nil, "codes: \(diagnostics.compactMap { $0["code"]?.stringValue })")
        #expect(match?["severity"] == "error")
        #expect(match?["file"]?.stringValue == defect.file)
        #expect(match?["line"]?.integerValue == defect.line)
        #expect((report["summary"]?["errors"]?.integerValue ?? 0) >= 1)
    }

    @Test func textDiagnosticsQuoteTheLineWithoutColourOffATerminal() throws {
        let folder = try copyOfFramework()
        let url = folder.appendingPathComponent(departmentA)
        try Data(
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "points: 4", with: "points: four")
                .utf8
        ).write(to: url)
        let result = try runEcoprod(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Framework/departments/A-production.yaml:12:13: error[P401]"))
        #expect(result.stderr.contains("    points: four\n"))
        #expect(!result.stderr.contains("\u{1B}["))
        #expect(result.stderr.contains("6 errors, 0 warnings"))
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ["github", "sarif"])
    func machineFormatsGoToStdout(_ format: String) throws {
        let folder = try copyOfFramework()
        let url = folder.appendingPathComponent(departmentA)
        try Data(
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
                of: "mandatory: true", with: "mandatory: no"
            ).utf8
        ).write(to: url)
        let result = try runEcoprod(["check", "--format", format], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("P402"))
    }

    @Test(arguments: [
        ["check", "--format", "xml"], ["check", "--no-such-flag"], ["frobnicate"], ["check", "--max-depth", "0"],
    ])
    func usageErrorsExit64(_ arguments: [String]) throws {
        let result = try runEcoprod(arguments)
        #expect(result.status == 64, "\(result.stderr)")
    }

    @Test func missingFolderExits1() throws {
        let result = try runEcoprod(["check", "NoSuchFolder", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("F001"))
    }

    @Test func limitsAreConfigurableByFlag() throws {
        let result = try runEcoprod(["check", "--max-file-bytes", "100", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Y109"))
    }
}
