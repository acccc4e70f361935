import EcoprodFramework
import Foundation

/// Department files already read and typed, kept between compilations of the same folder: the
/// language server re-checks the framework on every keystroke, and only the file that changed is
/// read again. An entry is reused only for the same path, the same bytes and the same declared
/// locales (which typing a department depends on), so a reused outcome is exactly a fresh one.
public final class DepartmentReadCache: @unchecked Sendable {
    struct Key: Hashable {
        var path: String
        var locales: [String]
    }

    private let lock = NSLock()
    private var entries: [Key: (bytes: [UInt8], outcome: FrameworkCompiler.DepartmentOutcome)] = [:]
    /// How many files were read (not reused) since the cache was made: what tests observe.
    public private(set) var reads = 0
    /// Whether each criterion ID seen matches the framework's ID pattern, for the pattern last
    /// used: a regular expression matched against every ID on every keystroke cost more than
    /// re-reading the edited file.
    private var patternVerdicts: (pattern: String, matches: [String: Bool]) = ("", [:])

    public init() {}

    func outcome(for file: SourceFile, locales: [String], read: () -> FrameworkCompiler.DepartmentOutcome)
        -> FrameworkCompiler.DepartmentOutcome
    {
        let key = Key(path: file.path, locales: locales)
        lock.lock()
        let cached = entries[key]
        lock.unlock()
        if let cached, file.hasSameBytes(as: cached.bytes) { return cached.outcome }
        let fresh = read()
        lock.lock()
        let replaced = entries.updateValue((file.bytes, fresh), forKey: key)
        reads += 1
        lock.unlock()
        DeferredRelease.release(replaced)
        return fresh
    }

    /// Whether `id` matches `pattern` (whose source is `source`), from the last verdict on the
    /// same ID under the same pattern when there is one.
    func matches(_ id: String, pattern: Regex<AnyRegexOutput>, source: String) -> Bool {
        lock.lock()
        if patternVerdicts.pattern != source { patternVerdicts = (source, [:]) }
        let known = patternVerdicts.matches[id]
        lock.unlock()
        if let known { return known }
        let verdict = (try? pattern.wholeMatch(in: id)) != nil
        lock.lock()
        // IDs typed one character at a time leave verdicts behind: start afresh past a bound.
        if patternVerdicts.matches.count > 100_000 { patternVerdicts.matches = [:] }
        patternVerdicts.matches[id] = verdict
        lock.unlock()
        return verdict
    }

    /// Forgets files no longer in the folder, so the cache never outgrows the framework.
    func keep(only paths: Set<String>) {
        lock.lock()
        entries = entries.filter { paths.contains($0.key.path) }
        lock.unlock()
    }
}
