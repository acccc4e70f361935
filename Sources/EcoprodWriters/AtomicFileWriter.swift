import EcoprodFramework
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that nothing is ever lost: the bytes go to a file beside the target, flushed
/// to disk, which then takes the target's place in one step. A reader sees the old bytes or the
/// new, never half.
///
/// An existing file with different content is never replaced unless `force` is given, and
/// `force` is refused for frozen releases (any file in a `releases/` folder). Several files that
/// belong together are written with a ``Transaction``.
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

        public init(diagnostic: Diagnostic) {
            self.diagnostic = diagnostic
        }
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

    /// Checks the target and writes the bytes to a flushed file beside it, without touching the
    /// target. Returns nil when the target already holds these bytes.
    public func stage(_ bytes: [UInt8], to path: String) throws(Failure) -> StagedFile? {
        let target = URL(fileURLWithPath: path)
        // What a writer killed outright left beside this target goes first, written or not.
        TemporaryName.sweep(beside: target)
        if let existing = FileManager.default.contents(atPath: path) {
            if Array(existing) == bytes { return nil }
            try checkReplaceable(target)
        }
        let directory = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw Failure(diagnostic: .writeFailed(path, reason: "cannot create folder \(directory.path)"))
        }
        let (descriptor, storage, slot) = try open(beside: target)
        if let reason = Self.writeAll(bytes, to: descriptor) {
            StagedFile(target: target, descriptor: descriptor, storage: storage, slot: slot).discard()
            throw Failure(diagnostic: .writeFailed(path, reason: reason))
        }
        return StagedFile(target: target, descriptor: descriptor, storage: storage, slot: slot)
    }

    /// Refuses to replace a frozen release, or, without `force`, any file.
    func checkReplaceable(_ target: URL) throws(Failure) {
        if target.deletingLastPathComponent().lastPathComponent == "releases" {
            throw Failure(
                diagnostic: Diagnostic(
                    .error, .writeRefused,
                    "\(target.path) is a frozen release and holds different content; it is never overwritten",
                    at: .file(target.path), help: "release a new version instead; --force is not allowed in releases/"))
        }
        if !force {
            throw Failure(
                diagnostic: Diagnostic(
                    .error, .writeRefused, "\(target.path) exists with different content; refusing to overwrite it",
                    at: .file(target.path), help: "choose another --output, delete the file, or pass --force"))
        }
    }

    /// An unnamed file in the target's folder where the system offers one, else a hidden
    /// temporary registered for removal on interruption.
    private func open(beside target: URL) throws(Failure) -> (Int32, StagedFile.Storage, Int?) {
        #if os(Linux)
            // O_TMPFILE is __O_TMPFILE | O_DIRECTORY; Swift does not import the compound macro.
            let unnamed = Glibc.open(
                target.deletingLastPathComponent().path, 0o2000_0000 | O_DIRECTORY | O_WRONLY, 0o644)
            if unnamed >= 0 { return (unnamed, .unnamed, nil) }
        #endif
        let temporary = TemporaryName.beside(target, kind: "tmp")
        let slot = InterruptCleanup.register(temporary.path)
        let descriptor = systemOpen(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            InterruptCleanup.unregister(slot)
            throw Failure(diagnostic: .writeFailed(target.path, reason: String(cString: strerror(errno))))
        }
        return (descriptor, .named(temporary), slot)
    }

    /// Writes every byte and flushes them to disk. Returns the reason of a failure.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        if let failure = write(bytes, to: descriptor) { return failure }
        return fsync(descriptor) == 0 ? nil : String(cString: strerror(errno))
    }

    /// Writes every byte to `descriptor`, again after an interruption. Returns the reason of a
    /// failure: what ``StreamingFile`` keeps for its commit.
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }
}

extension AtomicFileWriter {
    /// Opens a file to be written in pieces (a JSONL stream) and put in place only when
    /// complete, with the same refusals as `write`.
    public func openStream(to path: String) throws(Failure) -> StreamingFile {
        let target = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: path) {
            if target.deletingLastPathComponent().lastPathComponent == "releases" || !force {
                throw Failure(
                    diagnostic: Diagnostic(
                        .error, .writeRefused, "\(path) exists; refusing to overwrite it", at: .file(path),
                        help: "choose another --output, delete the file, or pass --force"))
            }
        }
        TemporaryName.sweep(beside: target)
        let (descriptor, storage, slot) = try open(beside: target)
        return StreamingFile(
            descriptor: descriptor,
            staged: StagedFile(target: target, descriptor: descriptor, storage: storage, slot: slot))
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
    private func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 {
        Glibc.open(path, flags, mode)
    }
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
    private func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 {
        Darwin.open(path, flags, mode)
    }
#endif

extension Diagnostic {
    static func writeFailed(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(
            .error, .writeFailed, "cannot write \(path): \(reason)", at: .file(path),
            help: "nothing was written; the previous file, if any, is intact")
    }
}
