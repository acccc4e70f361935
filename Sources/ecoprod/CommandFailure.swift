import EcoprodApplication
import EcoprodFramework
import EcoprodReports

/// A command's failure with what it needs to be shown: the format its diagnostics are printed
/// in, and the sources they quote. The root command renders it, once (``Ecoprod/main()``).
struct CommandFailure: Error {
    var failure: UseCaseFailure
    var format: DiagnosticFormat
    var strict = false
    var sources: [String: [UInt8]] = [:]

    /// Shows the failure: its diagnostics in their format, or a usage message.
    func render() {
        switch failure {
        case .input(let diagnostics), .misuse(let diagnostics):
            Console.report(diagnostics, format: format, strict: strict, sources: sources)
        case .usage(let message): Console.status("error: \(message)\n")
        case .status: break
        }
    }
}

/// Runs a command's body, so that a failure it throws is shown in `format`.
func failing<T>(
    in format: DiagnosticFormat, strict: Bool = false, sources: [String: [UInt8]] = [:],
    _ body: () throws(UseCaseFailure) -> T
) throws(CommandFailure) -> T {
    do {
        return try body()
    } catch {
        throw CommandFailure(failure: error, format: format, strict: strict, sources: sources)
    }
}

/// The same for the commands whose diagnostics options are a group.
func failing<T>(
    in options: DiagnosticOptions, sources: [String: [UInt8]] = [:], _ body: () throws(UseCaseFailure) -> T
) throws(CommandFailure) -> T {
    try failing(in: options.format, strict: options.strict, sources: sources, body)
}

extension UseCaseFailure {
    /// A failure whose diagnostics the command has already printed, with its warnings.
    static let alreadyReported = UseCaseFailure.status(1)
}
