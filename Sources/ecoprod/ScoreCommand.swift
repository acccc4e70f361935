import ArgumentParser
import EcoprodApplication
import EcoprodFramework
import EcoprodReports
import EcoprodWriters

/// The output formats of `score`.
enum ScoreFormat: String, NamedValueArgument {
    case text, json, html
}

/// `ecoprod score ANSWERS`: the score, mandatory status, eligibility and stars.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Score an answer set against the bundle it was written for.",
        discussion: """
            The bundle is the release whose version and digest the answers name. With --jsonl, one answer set per \
            line in, one score per line out.
            """)

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

    @Option(
        name: .long, help: "With --jsonl: the longest line read, in bytes; a longer line gets an error record (J101).")
    var maxLineBytes = RecordStream.defaultMaxLineBytes
    @OptionGroup var report: ReportOptions
    @OptionGroup var reading: AnswerReadingOptions

    @Option(
        name: .long,
        help:
            "Also write a signed in-toto statement of the score to this file (with --sign; FILE.sig is its signature).")
    var statement: String?

    @Option(name: .long, help: "With --statement: the key that signs it, as ssh-keygen -f takes it.")
    var sign: String?

    @OptionGroup var statementDate: ReleaseDateOptions

    func validate() throws {
        if maxLineBytes < 1 { throw ValidationError("--max-line-bytes must be at least 1") }
        if bundle != nil && releases != nil { throw ValidationError("give --bundle or --releases, not both") }
        if jsonl && (format == .html || report.output != nil) {
            throw ValidationError("--jsonl streams JSON lines to stdout: --format html and --output do not apply")
        }
        if let locale = report.locale, format == .json {
            throw ValidationError("--locale \(locale) applies to text and html; JSON has no words to translate")
        }
        if (statement == nil) != (sign == nil) {
            throw ValidationError("--statement and --sign go together: a statement is always signed")
        }
        if statement != nil && jsonl {
            throw ValidationError("--statement states one answer set; it does not apply to --jsonl")
        }
    }

    func run() throws {
        let format = jsonl ? .text : reading.diagnosticsFormat
        let scoring = try failing(in: format) { () throws(UseCaseFailure) in
            try AnswerScoring(reading: reading.reading, bundle: bundle, releases: releases)
        }
        if jsonl {
            let stream = AnswerStream(input: answers, maxLineBytes: maxLineBytes)
            try Console.stream(stream, format: reading.diagnosticsFormat, verb: "scored") {
                number, bytes, diagnostics in
                scoring.scorer.score(bytes, file: answers, line: number, into: &diagnostics)?.members
            }
            return
        }
        let day = statement == nil ? nil : try statementDate.resolve(todayByDefault: true)
        try failing(in: format) { () throws(UseCaseFailure) in
            let result = try scoring.score(at: answers)
            try report.deliver(try rendered(result.scored))
            if let statement, let sign {
                let signing = StatementSigning(
                    path: statement, key: sign, date: day ?? "", tool: ("ecoprod", Ecoprod.version), force: report.force
                )
                let written = try signing.write(result.scored, answers: result.statedBytes, answersFile: answers)
                Console.status(
                    "Wrote \(written.statement) and \(written.signature) (answers sha256:\(written.answersDigest))\n")
            }
        }
    }

    private func rendered(_ scored: ScoredAnswers) throws(UseCaseFailure) -> [UInt8] {
        switch format {
        case .text:
            try report.checkLocale(in: scored.bundle.framework)
            return Array(ScoreTextRenderer(locale: report.locale).render(scored).utf8)
        case .json: return scored.report.jsonValue.prettyBytes()
        case .html:
            try report.checkLocale(in: scored.bundle.framework)
            let day = try? statementDate.resolve(todayByDefault: true)
            let stamp = day.flatMap { $0 }.map { (on: $0, by: "ecoprod \(Ecoprod.version)") }
            return Array(ScoreHTMLRenderer(locale: report.locale, scored: stamp).render(scored).utf8)
        }
    }
}
