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
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let frozen = url.deletingLastPathComponent().lastPathComponent == "releases"
        if let existing = FileManager.default.contents(atPath: path) {
            if Array(existing) == bytes { return .unchanged }
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
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw Failure(diagnostic: .writeFailed(path, reason: String(cString: strerror(errno))))
        }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
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
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure(diagnostic: .writeFailed(path, reason: failure))
        }
        return .written
    }
}

extension DiagnosticCode {
    /// A write that would overwrite different content.
    public static let writeRefused = DiagnosticCode("W001")
    /// A write that failed (permissions, full disk, …); no partial file is left.
    public static let writeFailed = DiagnosticCode("W002")
}

extension Diagnostic {
    static func writeFailed(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(.error, .writeFailed, "cannot write \(path): \(reason)", at: .file(path), help: "nothing was written; the previous file, if any, is intact")
    }
}
