import EcoprodCompiler
import EcoprodFramework

/// A framework named on the command line, for the commands that render or compare it: a source
/// folder (compiled) or a bundle file (verified).
public enum FrameworkLoading {
    /// The framework's bundle: the one read, or the one its sources compile to.
    public static func bundle(_ path: String) throws(UseCaseFailure) -> FrameworkBundle {
        var collector = DiagnosticCollector()
        guard let input = FrameworkInput.load(path, into: &collector), !collector.hasErrors else {
            throw .input(collector.sorted())
        }
        return input.bundle
    }
}
