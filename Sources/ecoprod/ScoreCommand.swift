import ArgumentParser
import EcoprodCompiler
import EcoprodReports
import EcoprodFramework
import Foundation

/// The output formats of `score`.
enum ScoreFormat: String, NamedValueArgument {
    case text, json, html
}

/// `ecoprod score ANSWERS`: the score, mandatory status, eligibility and stars.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Score an answer set against the bundle it was written for.",
        discussion: "The bundle is the release whose version and digest the answers name. With --jsonl, one answer set per line in, one score per line out.")

    @Argument(help: "The answer set (JSON) or a filled grid (xlsx), or a JSONL stream with --jsonl; - reads stdin.")
    var answers: String

    @Option(name: .long, help: "Score against this bundle.")
    var bundle: String?

    @Option(name: .long, help: "Pick the bundle from this releases folder (default: Framework/releases).")
    var releases: String?

    @Option(name: .long, help: "Output: text, json or html (with --jsonl: always one JSON object per line).")
    var format: ScoreFormat = .text

    @Flag(name: .long, help: "Read one answer set per line and stream one score per line.")
    var jsonl = false

    @Option(name: .long, help: "With --jsonl: the longest line read, in bytes; a longer line gets an error record (J101).")
    var maxLineBytes = RecordStream.defaultMaxLineBytes

    @OptionGroup var report: ReportOptions
    @OptionGroup var reading: AnswerReadingOptions

    @Option(name: .long, help: "Also write a signed in-toto statement of the score to this file (with --sign; FILE.sig is its signature).")
    var statement: String?

    @Option(name: .long, help: "With --statement: the key that signs it, as ssh-keygen -f takes it.")
    var sign: String?

    @OptionGroup var statementDate: ReleaseDateOptions

    func validate() throws {
        if maxLineBytes < 1 { throw ValidationError("--max-line-bytes must be at least 1") }
        if bundle != nil && releases != nil { throw ValidationError("give --bundle or --releases, not both") }
        if jsonl && (format == .html || report.output != nil) { throw ValidationError("--jsonl streams JSON lines to stdout: --format html and --output do not apply") }
        if let locale = report.locale, format != .html { throw ValidationError("--locale \(locale) applies to --format html only") }
        if (statement == nil) != (sign == nil) { throw ValidationError("--statement and --sign go together: a statement is always signed") }
        if statement != nil && jsonl { throw ValidationError("--statement states one answer set; it does not apply to --jsonl") }
    }

    func run() throws {
        var setup = DiagnosticCollector()
        let history = AnswerInput.history(bundle: bundle, releases: releases, trust: reading.trust, into: &setup)
        if setup.hasErrors {
            if jsonl { Console.reportOnStderr(setup.sorted()) } else { Console.report(setup.sorted(), format: reading.diagnosticsFormat) }
            throw ExitCode(1)
        }
        let session = ReleaseScorer(history: history, againstLatest: bundle != nil)
        if jsonl {
            try Console.stream(answers, format: reading.diagnosticsFormat, maxLineBytes: maxLineBytes) { number, bytes, diagnostics in
                session.score(bytes, file: answers, line: number, into: &diagnostics)?.members
            }
            return
        }
        guard let bytes = Console.read(answers) else {
            Console.report([.fileUnreadable(answers, reason: "no such file")], format: reading.diagnosticsFormat)
            throw ExitCode(1)
        }
        var diagnostics = DiagnosticCollector()
        // A grid is recognised by its content: its answers are scored with problems at cells.
        var statementBytes = bytes
        let scored: ScoredAnswers?
        if GridImporter.isWorkbook(bytes) {
            let grid = GridInput.read(bytes, file: answers, history: history, limits: reading.limits, into: &diagnostics)
            scored = grid.flatMap { session.scoredAnswers($0.answers, into: &diagnostics, locate: $0.locate) }
            statementBytes = scored?.answers.jsonValue.canonicalBytes() ?? []
        } else {
            scored = session.scoredAnswers(bytes, file: answers, line: 1, into: &diagnostics)
        }
        guard let scored else {
            Console.report(diagnostics.sorted(), format: reading.diagnosticsFormat)
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
        try report.deliver(rendered, format: reading.diagnosticsFormat)
        if let statement, let sign {
            try writeStatement(scored, answers: statementBytes, to: statement, key: sign)
        }
    }
}
