import EcoprodFramework
import Foundation

/// Output written in large blocks: to stdout, or to a file committed whole when the stream ends.
///
/// Streams of records (`--jsonl`) write one small record per line; buffering them keeps the
/// cost of a write call off every line, and a file output is an atomic ``StreamingFile`` that
/// appears only once complete.
public final class BufferedOutput {
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) -> Void
    private let file: StreamingFile?

    /// Output to stdout.
    public convenience init() {
        self.init(sink: { FileHandle.standardOutput.write(Data($0)) })
    }

    /// Output to `sink`, for tests and other destinations.
    public init(sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        self.file = nil
    }

    /// Output to `path` (atomic: nothing appears until ``finish()``), or to stdout for nil or "-".
    public init(path: String?, force: Bool) throws(AtomicFileWriter.Failure) {
        guard let path, path != "-" else {
            file = nil
            sink = { FileHandle.standardOutput.write(Data($0)) }
            return
        }
        let file = try AtomicFileWriter(force: force).openStream(to: path)
        self.file = file
        sink = { file.write($0) }
    }

    public func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out what is buffered.
    public func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, and commits the file when the output is one.
    public func finish() throws(AtomicFileWriter.Failure) {
        flush()
        try file?.commit()
    }
}
