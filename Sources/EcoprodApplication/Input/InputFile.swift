import EcoprodFramework
import Foundation

/// A file named on the command line, read whole: a path, or `-` for stdin.
///
/// Every command that reads a file does it here, so that each says the same thing about a path
/// that is missing, a folder, or not a regular file.
public enum InputFile {
    /// The bytes of `path`, or stdin for "-"; nil, with a diagnostic naming the file, when it
    /// cannot be read.
    public static func read(_ path: String, into diagnostics: inout DiagnosticCollector) -> [UInt8]? {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        if let reason = unreadableReason(path) {
            diagnostics.emit(.fileUnreadable(path, reason: reason))
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd() ?? Data() else {
            diagnostics.emit(.fileUnreadable(path, reason: "cannot be read"))
            return nil
        }
        try? handle.close()
        return Array(data)
    }

    /// The size of a regular file, without reading it; nil when it is not one.
    public static func size(_ path: String) -> Int? {
        guard path != "-", unreadableReason(path) == nil, let handle = FileHandle(forReadingAtPath: path) else {
            return nil
        }
        defer { try? handle.close() }
        return (try? handle.seekToEnd()).map(Int.init)
    }

    /// A handle on `path` for reading it as a stream (JSONL), or stdin for "-".
    public static func stream(_ path: String, into diagnostics: inout DiagnosticCollector) -> FileHandle? {
        if path == "-" { return FileHandle.standardInput }
        if let reason = unreadableReason(path) {
            diagnostics.emit(.fileUnreadable(path, reason: reason))
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            diagnostics.emit(.fileUnreadable(path, reason: "cannot be read"))
            return nil
        }
        return handle
    }

    /// Why `path` is not a file to read: missing, a folder, a pipe, a device or a socket. Only
    /// regular files are read by name: opening a FIFO waits for a writer that may never come,
    /// so a stream is passed as stdin (`-`).
    private static func unreadableReason(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return errno == ENOENT ? "no such file" : String(cString: strerror(errno))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "is a folder, not a file"
        case S_IFIFO: return "is a pipe, not a file: pass a stream on stdin, as -"
        case S_IFCHR, S_IFBLK: return "is a device, not a file"
        default: return "is not a regular file"
        }
    }
}
