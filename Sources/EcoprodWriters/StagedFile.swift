import EcoprodFramework
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A complete, flushed file waiting to take its target's place.
///
/// Where the file system allows it (Linux's `O_TMPFILE`), the file has no name until
/// ``commit()``: a process killed before then leaves nothing that a directory listing shows.
/// Elsewhere it is a hidden temporary beside the target, removed on interruption and swept by
/// the next write of the same target if the process was killed outright.
public final class StagedFile: @unchecked Sendable {
    /// Where the file goes.
    public let target: URL
    public var path: String { target.path }
    private var storage: Storage
    /// The file's open descriptor, closed once the file is committed or discarded.
    private let descriptor: Int32
    private var slot: Int?

    enum Storage {
        /// An unnamed file, reached through its descriptor.
        case unnamed
        /// A named hidden temporary.
        case named(URL)
        /// Committed or discarded.
        case done
    }

    init(target: URL, descriptor: Int32, storage: Storage, slot: Int?) {
        self.target = target
        self.descriptor = descriptor
        self.storage = storage
        self.slot = slot
    }

    /// Puts the file in place: readers see the old file or the new, never half.
    public func commit() throws(AtomicFileWriter.Failure) {
        defer { finish() }
        switch storage {
        case .done:
            return
        case .named(let temporary):
            try place(temporary)
        case .unnamed:
            let source = "/proc/self/fd/\(descriptor)"
            // A new file is linked straight to its name; an existing one is replaced through a
            // name of a moment, since a link never replaces.
            if linkat(AT_FDCWD, source, AT_FDCWD, target.path, AT_SYMLINK_FOLLOW) == 0 { return }
            guard errno == EEXIST else { throw failure(errno) }
            let temporary = TemporaryName.beside(target, kind: "tmp")
            guard linkat(AT_FDCWD, source, AT_FDCWD, temporary.path, AT_SYMLINK_FOLLOW) == 0 else {
                throw failure(errno)
            }
            try place(temporary)
        }
    }

    /// Drops the file; the target is untouched.
    public func discard() {
        if case .named(let temporary) = storage { unlink(temporary.path) }
        finish()
    }

    private func place(_ temporary: URL) throws(AtomicFileWriter.Failure) {
        guard rename(temporary.path, target.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw failure(code)
        }
    }

    private func finish() {
        if case .done = storage { return }
        close(descriptor)
        storage = .done
        InterruptCleanup.unregister(slot)
        slot = nil
    }

    private func failure(_ code: Int32) -> AtomicFileWriter.Failure {
        AtomicFileWriter.Failure(diagnostic: .writeFailed(target.path, reason: String(cString: strerror(code))))
    }

    deinit {
        discard()
    }
}
