import EcoprodFramework

/// Why a use case stopped. A use case collects every problem it can find and then fails once;
/// its caller renders the failure once, and ``exitStatus`` is the one mapping to the process's
/// exit status (the diagnostics contract: 1 for input with errors, 64 for a usage error).
public enum UseCaseFailure: Error, Sendable {
    /// The input has errors; the diagnostics say which and where.
    case input([Diagnostic])
    /// The command was used wrongly; the message says how.
    case usage(String)
    /// The command was used wrongly for this input (a grid migrated without an output file);
    /// the diagnostics say how.
    case misuse([Diagnostic])
    /// The process ends with this status and nothing more to say: the language server's own,
    /// as the protocol defines it.
    case status(Int32)

    /// The process's exit status for this failure.
    public var exitStatus: Int32 {
        switch self {
        case .input: 1
        case .usage, .misuse: 64
        case .status(let status): status
        }
    }

    /// A failure of the input, from one diagnostic.
    public static func input(_ diagnostic: Diagnostic) -> UseCaseFailure {
        .input([diagnostic])
    }
}

extension DiagnosticCollector {
    /// Stops with every diagnostic collected, sorted, when any is an error.
    public func failOnErrors() throws(UseCaseFailure) {
        if hasErrors { throw .input(sorted()) }
    }
}
