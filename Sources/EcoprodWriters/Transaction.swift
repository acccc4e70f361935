import EcoprodFramework
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Several files written all or nothing: a release's bundle, signature and changelog; a
/// statement and its signature.
///
/// Every file is staged first (written and flushed beside its target, refusals checked), so
/// that most failures happen before any target is touched. ``commit()`` then puts them in place
/// in order, with interrupting signals held back. If one cannot be placed, every file already
/// placed is undone: a file that replaced another gives way to the one it replaced, byte for
/// byte (kept as a hard-linked backup until the commit ends), and a new file is removed.
public struct Transaction: ~Copyable {
    private var staged: [StagedFile] = []

    public init() {}

    /// The files that will change, in commit order.
    public var paths: [String] { staged.map(\.path) }

    /// Stages `bytes` for `path`; a file that already holds them is left out. On a refusal or a
    /// failure, everything staged so far is dropped.
    public mutating func stage(_ bytes: [UInt8], to path: String, force: Bool = false) throws(AtomicFileWriter.Failure)
    {
        do {
            if let file = try AtomicFileWriter(force: force).stage(bytes, to: path) { staged.append(file) }
        } catch {
            discard()
            throw error
        }
    }

    /// Drops every staged file; no target is touched.
    public mutating func discard() {
        for file in staged { file.discard() }
        staged = []
    }

    /// Puts every staged file in place, or none: see the type's description.
    public consuming func commit() throws(AtomicFileWriter.Failure) {
        let files = staged
        try InterruptCleanup.withSignalsBlocked { () throws(AtomicFileWriter.Failure) in
            let backups = try Self.backUp(files)
            for (index, file) in files.enumerated() {
                do throws(AtomicFileWriter.Failure) {
                    try file.commit()
                } catch {
                    for later in files[(index + 1)...] { later.discard() }
                    let unrestored = Self.undo(files[..<index], backups: backups)
                    throw unrestored.isEmpty ? error : Self.partialFailure(error, unrestored: unrestored)
                }
            }
            for backup in backups.values { unlink(backup.path) }
        }
    }

    /// A hard link to every target that exists, so that it can be put back. Nothing is placed
    /// yet, so a failure here only drops what was staged.
    private static func backUp(_ files: [StagedFile]) throws(AtomicFileWriter.Failure) -> [String: URL] {
        var backups: [String: URL] = [:]
        for file in files where FileManager.default.fileExists(atPath: file.path) {
            let backup = TemporaryName.beside(file.target, kind: "bak")
            guard link(file.path, backup.path) == 0 else {
                let reason = String(cString: strerror(errno))
                for made in backups.values { unlink(made.path) }
                for file in files { file.discard() }
                throw AtomicFileWriter.Failure(
                    diagnostic: .writeFailed(file.path, reason: "cannot keep a copy to restore: \(reason)"))
            }
            backups[file.path] = backup
        }
        return backups
    }

    /// Undoes the files already placed, last first. Returns the paths that could not be restored.
    private static func undo(_ placed: ArraySlice<StagedFile>, backups: [String: URL]) -> [String] {
        var unrestored: [String] = []
        for file in placed.reversed() {
            let undone = backups[file.path].map { rename($0.path, file.path) == 0 } ?? (unlink(file.path) == 0)
            if !undone { unrestored.append(file.path) }
        }
        for (path, backup) in backups where !unrestored.contains(path) { unlink(backup.path) }
        return unrestored
    }

    /// A failure after which some files could not be put back: the message says which.
    private static func partialFailure(_ failure: AtomicFileWriter.Failure, unrestored: [String])
        -> AtomicFileWriter.Failure
    {
        var diagnostic = failure.diagnostic
        diagnostic.help =
            "these files could not be put back as they were: \(unrestored.joined(separator: ", ")); "
            + "their previous content is in the hidden .NAME.bak-* files beside them"
        return AtomicFileWriter.Failure(diagnostic: diagnostic)
    }
}
