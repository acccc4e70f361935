#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file name, interned: every node's range refers to its file by a 4-byte ID instead of a
/// string, so copying a range (and a tree copies many) never touches a reference count.
///
/// The profile of `check` showed a third of its time in `swift_retain`/`swift_release`, much
/// of it on the file-name string each range carried. Names are interned once per file read.
public struct SourceFileName: Sendable, Hashable {
    let id: Int32

    /// The interned name (the same ID for the same text, in the whole process).
    public init(_ name: String) {
        id = SourceFileNames.intern(name)
    }

    /// The name, exactly as it was given.
    public var name: String { SourceFileNames.name(of: id) }
}

/// The process's table of file names. It grows by one entry per distinct name and never
/// shrinks; a process reads few distinct files (a fuzzer reuses one name).
enum SourceFileNames {
    nonisolated(unsafe) private static let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        return mutex
    }()
    nonisolated(unsafe) private static var names: [String] = []
    nonisolated(unsafe) private static var ids: [String: Int32] = [:]

    static func intern(_ name: String) -> Int32 {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    static func name(of id: Int32) -> String {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return names[Int(id)]
    }
}
