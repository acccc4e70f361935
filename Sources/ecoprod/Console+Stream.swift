import EcoprodApplication
import EcoprodFramework
import EcoprodReports

extension Console {
    /// Runs a `--jsonl` stream: one record per line to stdout (or the stream's output), a copy
    /// of failed lines' diagnostics for people on stderr in the text and github formats, a count
    /// on stderr, and exit 1 when any line failed. Diagnostics outside the records are text on
    /// stderr, whatever the format: stdout carries records and nothing else.
    static func stream(
        _ stream: AnswerStream, format: DiagnosticFormat, verb: String,
        process: (_ line: Int, _ bytes: [UInt8], _ diagnostics: inout DiagnosticCollector) -> [String: JSONValue]?
    ) throws(CommandFailure) {
        let summary = try failing(in: .text) { () throws(UseCaseFailure) in
            try stream.run(process: process) { diagnostics in
                switch format {
                case .text, .github: statusRendered(format.renderer(colour: colourAllowed).render(diagnostics))
                case .json, .sarif, .gitlab: break
                }
            }
        }
        let done = summary.records - summary.failed
        status(
            "\(done) answer set\(done == 1 ? "" : "s") \(verb)\(summary.failed > 0 ? ", \(summary.failed) failed" : "")\n"
        )
        if summary.failed > 0 { throw CommandFailure(failure: .alreadyReported, format: .text) }
    }
}
