import ArgumentParser
import EcoprodCompiler
import EcoprodReports
import EcoprodFramework
import Foundation

/// Where the CLI prints: data to stdout, diagnostics and progress to stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func out(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// Progress and messages for people, on stderr: whatever of an input they quote is shown
    /// through ``TerminalText`` (line breaks kept).
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.visible(text, keepsLineBreaks: true).utf8))
    }

    /// Text already made safe for a terminal by its renderer (which may add colour) , on stderr.
    static func errorRendered(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Colour only on a terminal, and only when NO_COLOR is unset (https://no-color.org).
    static var colourAllowed: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Prints diagnostics in the chosen format and says whether the run failed.
    ///
    /// Text goes to stderr with a summary line; the machine formats go to stdout, where
    /// tools read them.
    @discardableResult
    static func report(_ diagnostics: [Diagnostic], options: DiagnosticOptions, sources: [String: [UInt8]] = [:]) -> Bool {
        report(diagnostics, format: options.format, strict: options.strict, sources: sources)
    }

    /// Prints diagnostics in `format`; with `strict`, warnings count as errors.
    @discardableResult
    static func report(_ diagnostics: [Diagnostic], format: DiagnosticFormat, strict: Bool = false, sources: [String: [UInt8]] = [:]) -> Bool {
        let shown = strict ? diagnostics.promotingWarnings() : diagnostics
        let failed = shown.contains { $0.severity == .error }
        let rendered = format.renderer(sources: sources, colour: colourAllowed).render(shown)
        switch format {
        case .text:
            errorRendered(rendered)
            if !shown.isEmpty { error("\(shown.summaryLine)\n") }
        case .json, .sarif, .github:
            out(rendered)
        }
        return failed
    }

    /// Runs a `--jsonl` stream through ``RecordStream``: one record per line to stdout (or
    /// `output`), a human-readable copy of failed lines' diagnostics on stderr in the text and
    /// github formats, a count on stderr, and exit 1 when any line failed.
    static func stream(
        _ input: String, to output: String? = nil, force: Bool = false, format: DiagnosticFormat, maxLineBytes: Int,
        noun: String = "answer set",
        verb: String = "scored",
        process: (_ line: Int, _ bytes: [UInt8], _ diagnostics: inout DiagnosticCollector) -> [String: JSONValue]?
    ) throws {
        guard let handle = input == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: input) else {
            reportOnStderr([.fileUnreadable(input, reason: "no such file")])
            throw ExitCode(1)
        }
        let records: BufferedOutput
        do {
            records = try BufferedOutput(path: output, force: force)
        } catch {
            reportOnStderr([error.diagnostic])
            throw ExitCode(1)
        }
        let summary = RecordStream(file: input, maxLineBytes: maxLineBytes).run(handle, into: records, process: process) { diagnostics in
            switch format {
            case .text, .github: Self.errorRendered(format.renderer(colour: colourAllowed).render(diagnostics))
            case .json, .sarif: break
            }
        }
        do {
            try records.finish()
        } catch {
            reportOnStderr([error.diagnostic])
            throw ExitCode(1)
        }
        let done = summary.records - summary.failed
        Self.error("\(done) \(noun)\(done == 1 ? "" : "s") \(verb)\(summary.failed > 0 ? ", \(summary.failed) failed" : "")\n")
        if summary.failed > 0 { throw ExitCode(1) }
    }

    /// Diagnostics as text on stderr, whatever the format asked: what a `--jsonl` run reports
    /// outside its records, since its stdout carries records and nothing else.
    static func reportOnStderr(_ diagnostics: [Diagnostic]) {
        report(diagnostics, format: .text)
    }

    /// Writes a command's data: to stdout when `path` is nil or "-", else atomically to the
    /// file (refusing to replace different content without `force`), saying on stderr what was
    /// written when `announce`. A failed write is reported in `format`, and exits 1.
    static func deliver(_ bytes: [UInt8], to path: String?, force: Bool, format: DiagnosticFormat, announce: Bool = true) throws {
        guard let path, path != "-" else {
            out(bytes: bytes)
            return
        }
        do {
            let outcome = try AtomicFileWriter(force: force).write(bytes, to: path)
            if announce { error("\(outcome == .unchanged ? "Unchanged" : "Wrote") \(path)\n") }
        } catch {
            report([error.diagnostic], format: format)
            throw ExitCode(1)
        }
    }

    /// The size of a regular file, without reading it; nil when it cannot be opened. (Foundation's
    /// attribute dictionary costs more than the read it guards.)
    static func fileSize(_ path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.seekToEnd()).map(Int.init)
    }

    /// Reads a file's bytes, or stdin for "-".
    static func read(_ path: String) -> [UInt8]? {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        return FileManager.default.contents(atPath: path).map(Array.init)
    }
}
