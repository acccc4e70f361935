@testable import EcoprodCompiler
import EcoprodFramework
import Foundation
import Testing
import TestSupport

/// The language server re-checks on every change but reads only the department file that
/// changed; what it reports is exactly what a fresh compilation reports.
struct DepartmentReadCacheTests {
    static func sources() -> FrameworkSources {
        var ignored = DiagnosticCollector()
        return FrameworkSources.load(directory: packageRoot.appendingPathComponent("Framework").path, into: &ignored)
    }

    static func replacing(_ sources: FrameworkSources, file index: Int, _ find: String, _ replace: String) -> FrameworkSources {
        var edited = sources
        let text = String(decoding: edited.departments[index].bytes, as: UTF8.self)
        edited.departments[index].bytes = Array(text.replacingOccurrences(of: find, with: replace, options: [], range: text.range(of: find)).utf8)
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
        sources.framework!.bytes = Array(text.replacingOccurrences(of: "locales: [fr, en]", with: "locales: [fr, en, de]").utf8)
        let result = cached.compile(sources)
        #expect(cache.reads == 2 * sources.departments.count)
        #expect(result.diagnostics.filter { $0.code == .missingTranslation } == FrameworkCompiler().compile(sources).diagnostics.filter { $0.code == .missingTranslation })
        #expect(result.diagnostics.contains { $0.code == .missingTranslation })
    }
}
