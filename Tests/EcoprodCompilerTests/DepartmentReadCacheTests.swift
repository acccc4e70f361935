import EcoprodFramework
import Foundation
import TestSupport
import Testing

@testable import EcoprodCompiler

/// The language server re-checks on every change but reads only the department file that
/// changed; what it reports is exactly what a fresh compilation reports.
struct DepartmentReadCacheTests {
    static func sources() -> FrameworkSources {
        var ignored = DiagnosticCollector()
        return FrameworkSources.load(directory: packageRoot.appendingPathComponent("Framework").path, into: &ignored)
    }

    static func replacing(_ sources: FrameworkSources, file index: Int, _ find: String, _ replace: String)
        -> FrameworkSources
    {
        var edited = sources
        let text = String(decoding: edited.departments[index].bytes, as: UTF8.self)
        edited.departments[index].bytes = Array(
            text.replacingOccurrences(of: find, with: replace, options: [], range: text.range(of: find)).utf8)
        return edited
    }

    @Test func onlyTheChangedFileIsReadAgainAndTheResultIsAFreshOne() {
        let cache = DepartmentReadCache()
        let cached = FrameworkCompiler(options: .init(readCache: cache))
        let original = Self.sources()
        _ = cached.compile(original)
        #expect(cache.reads == original.departments.count)
        let edited = Self.replacing(original, file: 0, "points: 4", "points: yes")
        let again = cached.compile(edited)
        #expect(cache.reads == original.departments.count + 1)
        let fresh = FrameworkCompiler().compile(edited)
        #expect(again.diagnostics == fresh.diagnostics)
        #expect(again.diagnostics.contains { $0.code == .invalidPoints })
        _ = cached.compile(edited)
        #expect(cache.reads == original.departments.count + 1, "nothing changed: nothing read")
    }

    @Test func otherDeclaredLocalesReadEveryFileAgain() {
        let cache = DepartmentReadCache()
        let cached = FrameworkCompiler(options: .init(readCache: cache))
        var sources = Self.sources()
        _ = cached.compile(sources)
        let text = String(decoding: sources.framework!.bytes, as: UTF8.self)
        sources.framework!.bytes = Array(
            text.replacingOccurrences(of: "locales: [fr, en]", with: "locales: [fr, en, de]").utf8)
        let result = cached.compile(sources)
        #expect(cache.reads == 2 * sources.departments.count)
        #expect(
            result.diagnostics.filter { $0.code == .missingTranslation }
                == FrameworkCompiler().compile(sources).diagnostics.filter { $0.code == .missingTranslation })
        #expect(result.diagnostics.contains { $0.code == .missingTranslation })
    }

    /// The ID pattern's verdicts are kept between compilations, for the pattern they were made
    /// under: changing the pattern judges every ID again.
    @Test func idPatternVerdictsFollowThePattern() throws {
        let cache = DepartmentReadCache()
        let cached = FrameworkCompiler(options: .init(readCache: cache))
        var sources = Self.sources()
        #expect(!cached.compile(sources).diagnostics.contains { $0.code == .idPattern })
        let text = String(decoding: sources.framework!.bytes, as: UTF8.self)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("criterion_id_pattern:") })
        sources.framework!.bytes = Array(
            text.replacingOccurrences(of: String(line), with: "criterion_id_pattern: '^Z[0-9]+$'").utf8)
        let again = cached.compile(sources)
        #expect(
            again.diagnostics.filter { $0.code == .idPattern }
                == FrameworkCompiler().compile(sources).diagnostics.filter { $0.code == .idPattern })
        #expect(again.diagnostics.filter { $0.code == .idPattern }.count == 80)
    }

    /// The language server reads the folder on every edit; a file whose size and modification
    /// time are unchanged keeps its bytes, any other is read again, and emptying the cache reads all.
    @Test func unchangedFilesAreNotReadAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ecoprod-file-cache-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Framework"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = SourceFileCache()
        var ignored = DiagnosticCollector()
        let first = FrameworkSources.load(directory: folder.path, cache: cache, into: &ignored)
        let department = try #require(first.departments.first)
        // Same size, other bytes, a later modification time: read again.
        var edited = department.bytes
        edited[edited.count - 2] = edited[edited.count - 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try Data(edited).write(to: URL(fileURLWithPath: department.path))
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: department.path)
        let second = FrameworkSources.load(directory: folder.path, cache: cache, into: &ignored)
        #expect(second.departments.first?.bytes == edited)
        #expect(second.departments.dropFirst().map(\.bytes) == first.departments.dropFirst().map(\.bytes))
        // Bytes changed behind an unchanged size and time are kept until the cache is emptied.
        let attributes = try FileManager.default.attributesOfItem(atPath: department.path)
        try Data(department.bytes).write(to: URL(fileURLWithPath: department.path))
        try FileManager.default.setAttributes(
            [.modificationDate: attributes[.modificationDate]!], ofItemAtPath: department.path)
        #expect(
            FrameworkSources.load(directory: folder.path, cache: cache, into: &ignored).departments.first?.bytes
                == edited)
        cache.removeAll()
        #expect(
            FrameworkSources.load(directory: folder.path, cache: cache, into: &ignored).departments.first?.bytes
                == department.bytes)
    }
}

/// A department file's `department:` key is found whatever its line breaks: "\r\n" is one Swift
/// Character, so a split on "\n" alone left a CRLF file one line long.
@Suite struct DepartmentKeyTests {
    @Test(
        arguments: [
            ("department: A\ncriteria: []\n", "A"), ("# c\r\ndepartment: B\r\ncriteria: []\r\n", "B"),
            ("# c\rdepartment: C\rcriteria: []\r", "C"), ("department: \"D\"\r\n", "D"), ("criteria: []\r\n", nil),
        ] as [(String, String?)])
    func theKeyIsReadWhateverTheLineBreaks(_ text: String, _ key: String?) {
        #expect(FrameworkCompiler.departmentKey(in: text) == key)
    }
}
