import EcoprodFramework
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock file in the releases folder, so that two releases never run at once.
///
/// Taken with `O_CREAT | O_EXCL` (atomic on local file systems); it holds the owner's PID. A
/// lock whose owner no longer runs is stale, and is broken with a note.
public final class ReleaseLock: @unchecked Sendable {
    public let path: String
    private var held = false

    /// The lock file name inside the releases folder.
    public static let fileName = ".release.lock"

    private init(path: String) {
        self.path = path
    }

    /// Takes the lock, or returns the diagnostic that says who holds it.
    public static func acquire(in directory: String) -> Result<ReleaseLock, Failure> {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + fileName
        for _ in 0..<2 {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if descriptor >= 0 {
                let text = "\(getpid())\n"
                _ = text.withCString { write(descriptor, $0, strlen($0)) }
                close(descriptor)
                let lock = ReleaseLock(path: path)
                lock.held = true
                return .success(lock)
            }
            guard errno == EEXIST else {
                return .failure(Failure(diagnostic: Diagnostic(
                    .error, .releaseLocked, "cannot create the release lock \(path): \(String(cString: strerror(errno)))", at: .file(path))))
            }
            let owner = (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if let owner, owner > 0, kill(owner, 0) != 0, errno == ESRCH {
                unlink(path)
                continue
            }
            return .failure(Failure(diagnostic: Diagnostic(
                .error, .releaseLocked, "another release is in progress\(owner.map { " (process \($0))" } ?? "")", at: .file(path),
                help: "wait for it to finish; if no release is running, delete \(path)")))
        }
        return .failure(Failure(diagnostic: Diagnostic(.error, .releaseLocked, "cannot take the release lock \(path)", at: .file(path))))
    }

    /// Releases the lock. Safe to call twice.
    public func release() {
        guard held else { return }
        held = false
        unlink(path)
    }

    deinit {
        release()
    }

    public struct Failure: Error, Sendable {
        public var diagnostic: Diagnostic
    }
}

extension DiagnosticCode {
    /// Another release holds the lock.
    public static let releaseLocked = DiagnosticCode("L001")
}
