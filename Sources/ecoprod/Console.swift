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

    static func error(_ text: String) {
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
            error(rendered)
            if !shown.isEmpty { error("\(shown.summaryLine)\n") }
        case .json, .sarif, .github:
            out(rendered)
        }
        return failed
    }

    /// Reads a file's bytes, or stdin for "-".
    static func read(_ path: String) -> [UInt8]? {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        return FileManager.default.contents(atPath: path).map(Array.init)
    }
}
