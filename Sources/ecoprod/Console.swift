import EcoprodApplication
import EcoprodFramework
import EcoprodReports
import EcoprodWriters
import Foundation

/// Where the CLI prints: data to stdout; diagnostics, progress and what was done to stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func out(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// What a command did, or is doing, for people, on stderr: whatever of an input it quotes
    /// is shown through ``TerminalText`` (line breaks kept).
    static func status(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.visible(text, keepsLineBreaks: true).utf8))
    }

    /// Text already made safe for a terminal by its renderer (which may add colour), on stderr.
    static func statusRendered(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Colour only on a terminal, and only when NO_COLOR is unset (https://no-color.org).
    static var colourAllowed: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Prints diagnostics in the chosen format and says whether the run failed.
    @discardableResult
    static func report(_ diagnostics: [Diagnostic], options: DiagnosticOptions, sources: [String: [UInt8]] = [:])
        -> Bool
    {
        report(diagnostics, format: options.format, strict: options.strict, sources: sources)
    }

    /// Prints diagnostics in `format`; with `strict`, warnings count as errors. Text goes to
    /// stderr with a summary line; the machine formats go to stdout, where tools read them,
    /// unless `stdoutCarriesData` (a report on stdout): then they go to stderr too, still in
    /// their format, so that neither stream mixes two documents.
    @discardableResult
    static func report(
        _ diagnostics: [Diagnostic], format: DiagnosticFormat, strict: Bool = false, sources: [String: [UInt8]] = [:],
        stdoutCarriesData: Bool = false
    ) -> Bool {
        let shown = strict ? diagnostics.promotingWarnings() : diagnostics
        let failed = shown.contains { $0.severity == .error }
        let rendered = format.renderer(sources: sources, colour: colourAllowed).render(shown)
        switch format {
        case .text:
            statusRendered(rendered)
            if !shown.isEmpty { status("\(shown.summaryLine)\n") }
        case .json, .sarif, .github, .gitlab:
            if stdoutCarriesData { statusRendered(rendered) } else { out(rendered) }
        }
        return failed
    }

    /// Writes a command's data: to stdout when `path` is nil or "-", else atomically to the
    /// file (refusing to replace different content without `force`), saying on stderr what was
    /// written when `announce`.
    static func deliver(_ bytes: [UInt8], to path: String?, force: Bool, announce: Bool = true) throws(UseCaseFailure) {
        guard let path, path != "-" else {
            out(bytes: bytes)
            return
        }
        do {
            let outcome = try AtomicFileWriter(force: force).write(bytes, to: path)
            if announce { status("\(outcome == .unchanged ? "Unchanged" : "Wrote") \(path)\n") }
        } catch {
            throw .input(error.diagnostic)
        }
    }
}
