import EcoprodCompiler
import EcoprodFramework
import Foundation
import StrictYAML

/// The strict reader's limits, as the commands that read sources take them.
public typealias SourceLimits = YAMLLimits

/// `check` and `build`: the sources compiled, every problem reported at once.
public struct FrameworkChecking: Sendable {
    /// The framework folder.
    public var directory: String
    public var limits: SourceLimits
    /// The release date to stamp into the bundle, if any.
    public var releaseDate: String?

    public init(directory: String, limits: SourceLimits = .default, releaseDate: String? = nil) {
        self.directory = directory
        self.limits = limits
        self.releaseDate = releaseDate
    }

    /// What a compilation gave: the model when there were no errors, every diagnostic, and
    /// the sources they quote.
    public struct Checked: Sendable {
        public var framework: Framework?
        public var diagnostics: [Diagnostic]
        public var sources: [String: [UInt8]]
    }

    /// Compiles the folder; with `replacingWith`, one of its files (or a new one) as given,
    /// `<stdin>` when read from standard input.
    public func run(stdinReplacing: Bool = false) -> Checked {
        let compiler = FrameworkCompiler(options: .init(limits: limits, releaseDate: releaseDate))
        let result: FrameworkCompiler.Result
        if stdinReplacing {
            let stdin = Array(FileHandle.standardInput.readDataToEndOfFile())
            result = compiler.compile(directory: directory, replacingWith: SourceFile(path: "<stdin>", bytes: stdin))
        } else {
            result = compiler.compile(directory: directory)
        }
        return Checked(framework: result.framework, diagnostics: result.diagnostics, sources: result.sources.byPath)
    }
}
