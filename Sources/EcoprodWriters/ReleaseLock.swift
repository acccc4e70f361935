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
    private var slot: Int?

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
            let slot = InterruptCleanup.register(path)
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if descriptor >= 0 {
                let text = "\(getpid())\n"
                _ = text.withCString { write(descriptor, $0, strlen($0)) }
                close(descriptor)
                let lock = ReleaseLock(path: path)
                lock.held = true
                lock.slot = slot
                sweepStaleTemporaries(in: directory)
                return .success(lock)
            }
            InterruptCleanup.unregister(slot)
            guard errno == EEXIST else {
                return .failure(
                    Failure(
                        diagnostic: Diagnostic(
                            .error, .releaseLocked,
                            "cannot create the release lock \(path): \(String(cString: strerror(errno)))",
                            at: .file(path))))
            }
            let owner = (try? String(contentsOfFile: path, encoding: .utf8)).flatMap {
                Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if let owner, owner > 0, kill(owner, 0) != 0, errno == ESRCH {
                unlink(path)
                continue
            }
            return .failure(
                Failure(
                    diagnostic: Diagnostic(
                        .error, .releaseLocked,
                        "another release is in progress\(owner.map { " (process \($0))" } ?? "")", at: .file(path),
                        help: "wait for it to finish; if no release is running, delete \(path)")))
        }
        return .failure(
            Failure(
                diagnostic: Diagnostic(.error, .releaseLocked, "cannot take the release lock \(path)", at: .file(path)))
        )
    }

    /// Releases the lock. Safe to call twice.
    public func release() {
        guard held else { return }
        held = false
        unlink(path)
        InterruptCleanup.unregister(slot)
    }

    /// Removes temporary files left in `directory` by writers killed with SIGKILL (their PID no
    /// longer runs). Holding the lock, no live release is writing there.
    private static func sweepStaleTemporaries(in directory: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
            let parts = name.components(separatedBy: ".tmp-").last?.split(separator: "-")
            guard let pidText = parts?.first, let pid = Int32(pidText), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(directory + "/" + name) }
        }
    }

    deinit {
        release()
    }

    public struct Failure: Error, Sendable {
        public var diagnostic: Diagnostic
    }
}
