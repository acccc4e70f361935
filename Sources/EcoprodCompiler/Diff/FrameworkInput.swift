import EcoprodFramework
import Foundation

/// A framework named on the command line: a source folder (compiled) or a bundle file (verified).
public struct FrameworkInput: Sendable {
    public var framework: Framework
    /// The bundle's digest, when the input was a bundle.
    public var digest: String?

    /// The input as a bundle: the one read, or the one its sources compile to.
    public var bundle: FrameworkBundle {
        digest.map { FrameworkBundle(framework: framework, digest: $0) } ?? FrameworkBundle(framework: framework)
    }

    /// Loads `path`: a folder is compiled with its own releases, a file is verified as a bundle
    /// ("-" reads a bundle from stdin). Problems go to `diagnostics`; nil when the input has errors.
    public static func load(_ path: String, compiler: FrameworkCompiler = FrameworkCompiler(), into diagnostics: inout DiagnosticCollector) -> FrameworkInput? {
        var isDirectory: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            let result = compiler.compile(directory: path)
            diagnostics.emit(contentsOf: result.diagnostics)
            return result.framework.map { FrameworkInput(framework: $0, digest: nil) }
        }
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else {
            diagnostics.emit(.fileUnreadable(path, reason: "no such file or folder"))
            return nil
        }
        var local = DiagnosticCollector()
        let bundle = BundleVerifier().verify(Array(data), file: path, into: &local)
        diagnostics.emit(contentsOf: local.diagnostics)
        guard !local.hasErrors, let bundle else { return nil }
        return FrameworkInput(framework: bundle.framework, digest: bundle.digest)
    }
}
