import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The names of the hidden files a write leaves beside its target while it runs, and the sweep
/// that removes those of processes that no longer run.
///
/// A temporary is `.NAME.tmp-PID-RANDOM`, a backup of a replaced file `.NAME.bak-PID-RANDOM`.
/// Readers of a releases folder skip dot-files. Where the file system offers `O_TMPFILE`, a
/// staged file has no name at all until it is committed (see ``StagedFile``); only a process
/// killed with SIGKILL between the two steps of a replacement leaves a name, and the next write
/// of the same target removes it, since the PID in the name tells whether its writer still runs.
enum TemporaryName {
    /// A fresh hidden name beside `target`, of `kind` (`tmp` or `bak`).
    static func beside(_ target: URL, kind: String) -> URL {
        let name = ".\(target.lastPathComponent).\(kind)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return target.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Removes the temporaries and backups that dead processes left beside `target`.
    static func sweep(beside target: URL) {
        sweep(in: target.deletingLastPathComponent(), prefix: ".\(target.lastPathComponent).")
    }

    /// Removes every temporary and backup in `directory` whose writer no longer runs; with
    /// `prefix`, only those whose name starts with it.
    static func sweep(in directory: URL, prefix: String = ".") {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = writer(of: name), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(directory.appendingPathComponent(name).path)
            }
        }
    }

    /// The PID in a temporary's or backup's name; nil for any other name.
    static func writer(of name: String) -> Int32? {
        guard name.hasPrefix(".") else { return nil }
        for marker in [".tmp-", ".bak-"] {
            guard let range = name.range(of: marker, options: .backwards) else { continue }
            let parts = name[range.upperBound...].split(separator: "-")
            guard parts.count == 2, UInt32(parts[1]) != nil, let pid = Int32(parts[0]), pid > 0 else { return nil }
            return pid
        }
        return nil
    }
}
