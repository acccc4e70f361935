import EcoprodFramework
import EcoprodReports
import Foundation

/// The batch-stream contract (`--jsonl`), shared by `score` and `migrate`.
///
/// - stdout carries exactly one record per non-blank input line, in input order, and nothing else;
/// - every record has `"line": N`, the 1-based input line (blank lines are skipped but counted);
/// - a result record is what the single-file command gives, plus `line`;
/// - a failed line gives `{"line": N, "diagnostics": [...]}`, entries in the diagnostics contract's shape;
/// - a line longer than ``maxLineBytes`` is an error record (J101), never an unbounded allocation.
///
/// `Schemas/record.schema.json` describes the records.
public struct RecordStream: Sendable {
    /// The longest input line read, in bytes: 64 MiB, far above any real answer set.
    public static let defaultMaxLineBytes = 64 << 20

    /// The input's name, as diagnostics give it.
    public var file: String
    public var maxLineBytes: Int

    /// What a run did.
    public struct Summary: Sendable, Equatable {
        /// Records written, results and errors.
        public var records = 0
        /// Lines that gave an error record.
        public var failed = 0
    }

    public init(file: String, maxLineBytes: Int = RecordStream.defaultMaxLineBytes) {
        self.file = file
        self.maxLineBytes = maxLineBytes
    }

    /// Reads `handle` line by line and writes one record per line to `records`.
    ///
    /// `process` turns a line into its result (the members of an object, so every record is one),
    /// or reports into its collector and returns nil; `failed` receives a failed line's diagnostics as well, for a human-readable
    /// copy on stderr.
    public func run(
        _ handle: FileHandle, into records: BufferedOutput,
        process: (_ line: Int, _ bytes: [UInt8], _ diagnostics: inout DiagnosticCollector) -> [String: JSONValue]?,
        failed: ([Diagnostic]) -> Void = { _ in }
    ) -> Summary {
        var summary = Summary()
        JSONLinesReader(handle: handle, maxLineBytes: maxLineBytes).forEachRecord { number, line in
            var diagnostics = DiagnosticCollector()
            let result: [String: JSONValue]?
            switch line {
            case .blank: return
            case .text(let bytes): result = process(number, bytes, &diagnostics)
            case .tooLong(let length):
                diagnostics.emit(.lineTooLong(file: file, line: number, length: length, limit: maxLineBytes))
                result = nil
            }
            summary.records += 1
            if let record = result.flatMap({ Self.record($0, line: number, file: file, into: &diagnostics) }) {
                records.write(record.compactBytes() + [0x0A])
                return
            }
            summary.failed += 1
            let sorted = diagnostics.sorted()
            records.write(Self.errorRecord(sorted, line: number).compactBytes() + [0x0A])
            failed(sorted)
        }
        return summary
    }

    /// A result with its line number. A result that has a top-level `line` member of its own
    /// (an unknown member an answer set carried) is refused rather than overwritten.
    static func record(
        _ result: [String: JSONValue], line: Int, file: String, into diagnostics: inout DiagnosticCollector
    ) -> JSONValue? {
        var members = result
        if members["line"] != nil {
            diagnostics.emit(.lineMemberReserved(file: file, line: line))
            return nil
        }
        members["line"] = .integer(line)
        return .object(members)
    }

    /// The record of a failed line.
    public static func errorRecord(_ diagnostics: [Diagnostic], line: Int) -> JSONValue {
        ["line": .integer(line), "diagnostics": .array(diagnostics.map(JSONDiagnosticRenderer.entry))]
    }
}

extension Diagnostic {
    static func lineTooLong(file: String, line: Int, length: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            .lineTooLong, "line \(line) is \(length) bytes long; lines are read up to \(limit) bytes",
            at: SourceLocation(file: file, line: line, column: 1),
            help: "each line of a JSONL stream is one answer set; split the stream, or check that it has line breaks")
    }

    static func lineMemberReserved(file: String, line: Int) -> Diagnostic {
        Diagnostic(
            .lineMemberReserved,
            "the result has a top-level member \"line\", which JSONL records reserve for the input line",
            at: SourceLocation(file: file, line: line, column: 1, path: "$.line"),
            help: "rename the member, or process this answer set without --jsonl")
    }
}
