import EcoprodFramework
import Foundation

/// A framework named on the command line: a source folder (compiled) or a bundle file (verified).
public struct FrameworkInput: Sendable {
    public var framework: Framework
    /// The bundle's digest, when the input was a bundle.
    public var digest: String? { verified?.digest }
    /// The verified bundle, when the input was one.
    private var verified: FrameworkBundle?

    /// The input as a bundle: the one read, or the one its sources compile to (built on demand:
    /// a plain diff of source folders needs no digest).
    public var bundle: FrameworkBundle {
        verified ?? FrameworkBundle(framework: framework)
    }

    /// Loads `path`: a folder is compiled with its own releases, a file is verified as a bundle
    /// ("-" reads a bundle from stdin). Problems go to `diagnostics`; nil when the input has errors.
    public static func load(
        _ path: String, compiler: FrameworkCompiler = FrameworkCompiler(), into diagnostics: inout DiagnosticCollector
    ) -> FrameworkInput? {
        var isDirectory: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            let result = compiler.compile(directory: path)
            diagnostics.emit(contentsOf: result.diagnostics)
            return result.framework.map { FrameworkInput(framework: $0, verified: nil) }
        }
        var local = DiagnosticCollector()
        let history = ReleaseHistory.verify(files: [path], complete: false, into: &local)
        diagnostics.emit(contentsOf: local.diagnostics)
        guard !local.hasErrors, let bundle = history.latest?.bundle else { return nil }
        return FrameworkInput(framework: bundle.framework, verified: bundle)
    }
}
