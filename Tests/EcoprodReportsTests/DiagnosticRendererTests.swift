import EcoprodFramework
import Foundation
import TestSupport
import Testing

@testable import EcoprodCompiler
@testable import EcoprodReports

/// The broken fixture, compiled with paths relative to the test folder so golden files are stable.
private func brokenFixture() -> (diagnostics: [Diagnostic], sources: [String: [UInt8]]) {
    let folder = packageRoot.appendingPathComponent("Tests/EcoprodCompilerTests/Fixtures/broken").path
    var collector = DiagnosticCollector()
    var sources = FrameworkSources.load(directory: folder, into: &collector)
    let prefix = packageRoot.appendingPathComponent("Tests/EcoprodCompilerTests").path + "/"
    let frameworkPath = sources.framework!.path
    sources.framework!.path = String(frameworkPath.dropFirst(prefix.count))
    for index in sources.departments.indices {
        sources.departments[index].path = String(sources.departments[index].path.dropFirst(prefix.count))
    }
    let result = FrameworkCompiler().compile(sources, diagnostics: collector)
    var table: [String: [UInt8]] = [:]
    for file in [sources.framework!] + sources.departments { table[file.path] = file.bytes }
    return (result.diagnostics, table)
}

@Suite struct DiagnosticRendererTests {
    @Test(arguments: DiagnosticFormat.allCases)
    func renderingMatchesGolden(_ format: DiagnosticFormat) throws {
        let fixture = brokenFixture()
        #expect(fixture.diagnostics.count >= 10)
        let output = format.renderer(sources: fixture.sources, colour: false).render(fixture.diagnostics)
        try assertMatchesGolden(output, named: "broken.\(format.rawValue)")
    }

    @Test func textUsesColourOnlyWhenAsked() {
        let fixture = brokenFixture()
        let plain = TextDiagnosticRenderer(sources: fixture.sources, colour: false).render(fixture.diagnostics)
        let coloured = TextDiagnosticRenderer(sources: fixture.sources, colour: true).render(fixture.diagnostics)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m"))
    }

    @Test func jsonFollowsTheContract() throws {
        let fixture = brokenFixture()
        let output = JSONDiagnosticRenderer().render(fixture.diagnostics)
        let value = try JSONParser().parse(Array(output.utf8))
        let first = try #require(value["diagnostics"]?.arrayValue?.first?.objectValue)
        for key in ["severity", "code", "message", "file", "line", "column", "notes", "help"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(value["summary"]?["errors"]?.integerValue == fixture.diagnostics.filter { $0.severity == .error }.count)
        #expect(value["summary"]?["warnings"]?.integerValue == 0)
    }

    /// GitLab's Code Quality report: one issue per diagnostic, each with the members GitLab
    /// requires, a severity of its five, and a fingerprint that names the problem alone.
    @Test func gitlabWritesACodeQualityReport() throws {
        let fixture = brokenFixture()
        let output = GitLabDiagnosticRenderer().render(fixture.diagnostics)
        let issues = try #require(try JSONParser().parse(Array(output.utf8)).arrayValue)
        #expect(issues.count == fixture.diagnostics.count)
        for (issue, diagnostic) in zip(issues, fixture.diagnostics) {
            #expect(issue["check_name"]?.stringValue == diagnostic.code.rawValue)
            #expect(issue["location"]?["path"]?.stringValue == diagnostic.location.file)
            #expect(issue["location"]?["lines"]?["begin"]?.integerValue == max(diagnostic.location.line, 1))
            #expect(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"]?.stringValue ?? ""))
            #expect(issue["description"]?.stringValue?.isEmpty == false)
        }
        let fingerprints = issues.compactMap { $0["fingerprint"]?.stringValue }
        #expect(
            Set(fingerprints).count == Set(fixture.diagnostics.map { "\($0.code)\($0.location)\($0.message)" }).count)
        #expect(GitLabDiagnosticRenderer().render(fixture.diagnostics) == output, "fingerprints are stable")
    }

    @Test(arguments: [
        ("100% done", "100%25 done"), ("a\nb", "a%0Ab"), ("a\r\nb", "a%0D%0Ab"), ("x:y,z", "x:y,z"),
    ])
    func githubEscapesMessages(_ input: String, _ expected: String) {
        #expect(GitHubDiagnosticRenderer.escapeData(input) == expected)
    }

    @Test(arguments: [("C:\\a,b", "C%3A\\a%2Cb"), ("50%", "50%25"), ("a\nb", "a%0Ab")])
    func githubEscapesProperties(_ input: String, _ expected: String) {
        #expect(GitHubDiagnosticRenderer.escapeProperty(input) == expected)
    }

    @Test func sarifIsVersion210WithRulesForEveryCode() throws {
        let fixture = brokenFixture()
        let value = try JSONParser().parse(Array(SARIFDiagnosticRenderer().render(fixture.diagnostics).utf8))
        #expect(value["version"] == "2.1.0")
        let run = try #require(value["runs"]?.arrayValue?.first)
        let rules = run["tool"]?["driver"]?["rules"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        let results = run["results"]?.arrayValue ?? []
        #expect(results.count == fixture.diagnostics.count)
        #expect(Set(rules) == Set(fixture.diagnostics.map(\.code.rawValue)))
        // Each rule's metadata is the registry's, never the first diagnostic's message.
        for rule in run["tool"]?["driver"]?["rules"]?.arrayValue ?? [] {
            let code = try #require(rule["id"]?.stringValue.flatMap(DiagnosticCode.init(rawValue:)))
            #expect(rule["shortDescription"]?["text"]?.stringValue == code.entry.title)
            #expect(rule["fullDescription"]?["text"]?.stringValue == code.entry.explanation)
            #expect(rule["helpUri"]?.stringValue == "docs/diagnostics.md#\(code.rawValue.lowercased())")
            #expect(rule["defaultConfiguration"]?["level"]?.stringValue == code.entry.severity.rawValue)
        }
    }

    @Test func strictTurnsWarningsIntoErrors() {
        var collector = DiagnosticCollector()
        collector.emit(Diagnostic(.staleReplaces, "w", at: .file("f")))
        #expect(!collector.hasErrors)
        #expect(collector.sorted(strict: true).first?.severity == .error)
    }
}
