import Foundation

/// File contents kept between reads of the same folder, reused while a file's size and
/// modification time are unchanged.
///
/// The language server reads the framework folder on every edit (an editor may change files it
/// does not show). At 10,000 criteria that is 9 MB read and copied per keystroke; with this cache
/// an unchanged file is a `stat`, and it keeps its buffer, which ``DepartmentReadCache`` then
/// recognises without comparing a byte. A file rewritten to the same size within the same
/// modification-time tick would be missed, so the server also empties the cache whenever the
/// editor reports changed files (`workspace/didChangeWatchedFiles`).
public final class SourceFileCache: @unchecked Sendable {
    private struct Entry {
        var size: Int
        var modified: Date
        var bytes: [UInt8]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    /// The bytes read last time from `path`, if its size and modification time are the same.
    func bytes(at path: String, size: Int, modified: Date) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[path], entry.size == size, entry.modified == modified else { return nil }
        return entry.bytes
    }

    func store(_ bytes: [UInt8], at path: String, modified: Date) {
        lock.lock()
        entries[path] = Entry(size: bytes.count, modified: modified, bytes: bytes)
        lock.unlock()
    }

    /// Forgets every file: the next read goes to the disk.
    public func removeAll() {
        lock.lock()
        entries = [:]
        lock.unlock()
    }
}
