import ArgumentParser
import EcoprodCompiler
import EcoprodReports
import EcoprodFramework
import Foundation

/// The output formats of `score`.
enum ScoreFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
}

/// `ecoprod score ANSWERS`: the score, mandatory status, eligibility and stars.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Score an answer set against the bundle it was written for.",
        discussion: "The bundle is the release whose version and digest the answers name. With --jsonl, one answer set per line in, one score per line out.")

    @Argument(help: "The answer set (JSON), or a JSONL stream with --jsonl; - reads stdin.")
    var answers: String

    @Option(name: .long, help: "Score against this bundle.")
    var bundle: String?

    @Option(name: .long, help: "Pick the bundle from this releases folder (default: Framework/releases).")
    var releases: String?

    @Option(name: .long, help: "Output: text, json or html (with --jsonl: always one JSON object per line).")
    var format: ScoreFormat = .text

    @Flag(name: .long, help: "Read one answer set per line and stream one score per line.")
    var jsonl = false

    @OptionGroup var report: ReportOptions
    @OptionGroup var diagnosticFormat: DiagnosticFormatOption

    func validate() throws {
        if bundle != nil && releases != nil { throw ValidationError("give --bundle or --releases, not both") }
        if jsonl && (format == .html || report.output != nil) { throw ValidationError("--jsonl streams JSON lines to stdout: --format html and --output do not apply") }
        if let locale = report.locale, format != .html { throw ValidationError("--locale \(locale) applies to --format html only") }
    }

    func run() throws {
        var setup = DiagnosticCollector()
        let history = AnswerInput.history(bundle: bundle, releases: releases, into: &setup)
        if setup.hasErrors {
            Console.report(setup.sorted(), format: diagnosticFormat.diagnosticsFormat)
            throw ExitCode(1)
        }
        let session = ReleaseScorer(history: history, againstLatest: bundle != nil)
        if jsonl {
            guard let handle = AnswerInput.handle(answers) else {
                Console.report([.fileUnreadable(answers, reason: "no such file")], format: diagnosticFormat.diagnosticsFormat)
                throw ExitCode(1)
            }
            var failures = 0
            let output = BufferedOutput()
            JSONLinesReader(handle: handle).forEachLine { number, bytes in
                var diagnostics = DiagnosticCollector()
                if let report = session.score(bytes, file: answers, line: number, into: &diagnostics) {
                    output.write(report.jsonValue.canonicalBytes() + [0x0A])
                } else {
                    failures += 1
                    output.flush()
                    Console.report(diagnostics.sorted(), format: diagnosticFormat.diagnosticsFormat)
                }
            }
            output.flush()
            if failures > 0 {
                Console.error("\(failures) line\(failures == 1 ? "" : "s") failed\n")
                throw ExitCode(1)
            }
            return
        }
        guard let bytes = Console.read(answers) else {
            Console.report([.fileUnreadable(answers, reason: "no such file")], format: diagnosticFormat.diagnosticsFormat)
            throw ExitCode(1)
        }
        var diagnostics = DiagnosticCollector()
        guard let scored = session.scoredAnswers(bytes, file: answers, line: 1, into: &diagnostics) else {
            Console.report(diagnostics.sorted(), format: diagnosticFormat.diagnosticsFormat)
            throw ExitCode(1)
        }
        let rendered: [UInt8]
        switch format {
        case .text: rendered = Array(ScoreTextRenderer().render(scored.report).utf8)
        case .json: rendered = scored.report.jsonValue.prettyBytes()
        case .html:
            try report.checkLocale(in: scored.bundle.framework)
            rendered = Array(ScoreHTMLRenderer(locale: report.locale).render(scored).utf8)
        }
        try report.deliver(rendered, format: diagnosticFormat.diagnosticsFormat)
    }
}

/// Collects output lines and writes them in large blocks.
final class BufferedOutput {
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) -> Void

    /// Output to stdout, or to `sink`.
    init(sink: @escaping ([UInt8]) -> Void = { Console.out(bytes: $0) }) {
        self.sink = sink
    }

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
