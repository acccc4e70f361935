import EcoprodFramework
import EcoprodWriters

/// A `--jsonl` run: one answer set per input line in, one record per line out, through
/// ``RecordStream`` (the batch-stream contract), to stdout or atomically to a file.
public struct AnswerStream: Sendable {
    /// The input stream; "-" reads stdin.
    public var input: String
    /// Where the records go: a file, or stdout for nil or "-".
    public var output: String?
    public var force: Bool
    public var maxLineBytes: Int

    public init(
        input: String, output: String? = nil, force: Bool = false, maxLineBytes: Int = RecordStream.defaultMaxLineBytes
    ) {
        self.input = input
        self.output = output
        self.force = force
        self.maxLineBytes = maxLineBytes
    }

    /// Runs `process` on every line. `failed` receives each failed line's diagnostics as they
    /// come, for a copy for people. A failure to open the input or to write the output stops
    /// the run; failed lines do not: they are records.
    public func run(
        process: (_ line: Int, _ bytes: [UInt8], _ diagnostics: inout DiagnosticCollector) -> [String: JSONValue]?,
        failed: ([Diagnostic]) -> Void
    ) throws(UseCaseFailure) -> RecordStream.Summary {
        var opening = DiagnosticCollector()
        guard let handle = InputFile.stream(input, into: &opening) else { throw .input(opening.sorted()) }
        let records: BufferedOutput
        do {
            records = try BufferedOutput(path: output, force: force)
        } catch {
            throw .input(error.diagnostic)
        }
        let summary = RecordStream(file: input, maxLineBytes: maxLineBytes).run(
            handle, into: records, process: process, failed: failed)
        do {
            try records.finish()
        } catch {
            throw .input(error.diagnostic)
        }
        return summary
    }
}
