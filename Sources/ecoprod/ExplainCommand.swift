import ArgumentParser
import EcoprodFramework

/// `ecoprod explain CODE`: the registry's long explanation of a diagnostic code, as `rustc --explain` gives.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a diagnostic code: why it is a problem, an example, and the fix.")

    @Argument(help: "A diagnostic code, such as P401.")
    var code: String

    func validate() throws {
        guard DiagnosticCode(named: code) != nil else {
            let nearest = DiagnosticCode.nearest(to: code).map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown diagnostic code '\(code)'; the nearest codes are \(nearest)")
        }
    }

    func run() throws {
        guard let code = DiagnosticCode(named: code) else { return }
        print(code.explanationText, terminator: "")
    }
}
