import EcoprodFramework
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that nothing is ever lost: a temporary file in the same folder, flushed to
/// disk, then renamed over the target. A reader sees the old bytes or the new, never half.
///
/// An existing file with different content is never replaced unless `force` is given, and
/// `force` is refused for frozen releases (any file in a `releases/` folder).
public struct AtomicFileWriter: Sendable {
    /// What a write did.
    public enum Outcome: Sendable, Equatable {
        /// The file was created or replaced.
        case written
        /// The file already held exactly these bytes; nothing was touched.
        case unchanged
    }

    /// Why a write was refused or failed.
    public struct Failure: Error, Sendable, Equatable {
        public var diagnostic: Diagnostic
    }

    public var force: Bool

    public init(force: Bool = false) {
        self.force = force
    }

    /// Writes `bytes` to `path` atomically.
    public func write(_ bytes: [UInt8], to path: String) throws(Failure) -> Outcome {
        guard let staged = try stage(bytes, to: path) else { return .unchanged }
        try InterruptCleanup.withSignalsBlocked { () throws(Failure) in try staged.commit() }
        return .written
    }

    /// Checks the target and writes the bytes to a flushed temporary file beside it, without
    /// touching the target. Returns nil when the target already holds these bytes.
    ///
    /// Staging several files and then committing them together, with signals blocked, is how a
    /// release writes its bundle and changelog all or nothing.
    public func stage(_ bytes: [UInt8], to path: String) throws(Failure) -> StagedFile? {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let frozen = url.deletingLastPathComponent().lastPathComponent == "releases"
        if let existing = FileManager.default.contents(atPath: path) {
            if Array(existing) == bytes { return nil }
            if frozen {
                throw Failure(diagnostic: Diagnostic(
                    .error, .writeRefused, "\(path) is a frozen release and holds different content; it is never overwritten",
                    at: .file(path), help: "release a new version instead; --force is not allowed in releases/"))
            }
            if !force {
                throw Failure(diagnostic: Diagnostic(
                    .error, .writeRefused, "\(path) exists with different content; refusing to overwrite it",
                    at: .file(path), help: "choose another --output, delete the file, or pass --force"))
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Failure(diagnostic: .writeFailed(path, reason: "cannot create folder \(directory)"))
        }
        let temporary = Self.temporaryPath(for: path)
        let slot = InterruptCleanup.register(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            InterruptCleanup.unregister(slot)
            throw Failure(diagnostic: .writeFailed(path, reason: String(cString: strerror(errno))))
        }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            InterruptCleanup.unregister(slot)
            throw Failure(diagnostic: .writeFailed(path, reason: failure))
        }
        return StagedFile(path: path, temporary: temporary, slot: slot)
    }
}

extension AtomicFileWriter {
    /// The hidden temporary file beside `path`: `.NAME.tmp-PID-RANDOM`. Readers of a releases
    /// folder skip dot-files, and `release` sweeps those of processes that no longer run.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Opens a file to be written in pieces (a JSONL stream) and renamed over `path` only when
    /// complete, with the same refusals, interrupt cleanup and temporary naming as `write`.
    public func openStream(to path: String) throws(Failure) -> StreamingFile {
        if FileManager.default.fileExists(atPath: path) {
            if URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent == "releases" || !force {
                throw Failure(diagnostic: Diagnostic(
                    .error, .writeRefused, "\(path) exists; refusing to overwrite it", at: .file(path),
                    help: "choose another --output, delete the file, or pass --force"))
            }
        }
        let temporary = Self.temporaryPath(for: path)
        let slot = InterruptCleanup.register(temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            InterruptCleanup.unregister(slot)
            throw Failure(diagnostic: .writeFailed(path, reason: "cannot create a temporary file beside it"))
        }
        return StreamingFile(handle: handle, staged: StagedFile(path: path, temporary: temporary, slot: slot))
    }
}

/// A file written in pieces, then committed whole; see ``AtomicFileWriter/openStream(to:)``.
public final class StreamingFile: @unchecked Sendable {
    private let handle: FileHandle
    private let staged: StagedFile

    init(handle: FileHandle, staged: StagedFile) {
        self.handle = handle
        self.staged = staged
    }

    /// Appends bytes to the temporary file.
    public func write(_ bytes: [UInt8]) {
        handle.write(Data(bytes))
    }

    /// Flushes, closes and renames the file into place.
    public func commit() throws(AtomicFileWriter.Failure) {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            staged.discard()
            throw AtomicFileWriter.Failure(diagnostic: .writeFailed(staged.path, reason: "\(error)"))
        }
        try InterruptCleanup.withSignalsBlocked { () throws(AtomicFileWriter.Failure) in try staged.commit() }
    }
}

/// A complete, flushed temporary file waiting to be renamed over its target.
public struct StagedFile: Sendable {
    public let path: String
    let temporary: String
    let slot: Int?

    /// Renames the temporary file over the target: readers see the old file or the new, never half.
    public func commit() throws(AtomicFileWriter.Failure) {
        defer { InterruptCleanup.unregister(slot) }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicFileWriter.Failure(diagnostic: .writeFailed(path, reason: reason))
        }
    }

    /// Removes the temporary file; the target is untouched.
    public func discard() {
        unlink(temporary)
        InterruptCleanup.unregister(slot)
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif

extension Diagnostic {
    static func writeFailed(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(.error, .writeFailed, "cannot write \(path): \(reason)", at: .file(path), help: "nothing was written; the previous file, if any, is intact")
    }
}
