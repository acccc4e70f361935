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

    public init() {}

    func outcome(for file: SourceFile, locales: [String], read: () -> FrameworkCompiler.DepartmentOutcome) -> FrameworkCompiler.DepartmentOutcome {
        let key = Key(path: file.path, locales: locales)
        lock.lock()
        let cached = entries[key]
        lock.unlock()
        if let cached, cached.bytes == file.bytes { return cached.outcome }
        let fresh = read()
        lock.lock()
        entries[key] = (file.bytes, fresh)
        reads += 1
        lock.unlock()
        return fresh
    }

    /// Forgets files no longer in the folder, so the cache never outgrows the framework.
    func keep(only paths: Set<String>) {
        lock.lock()
        entries = entries.filter { paths.contains($0.key.path) }
        lock.unlock()
    }
}
