import EcoprodCompiler
import EcoprodFramework
import Foundation
import TestSupport

/// The shipped framework's files, loaded once, named `Framework/…` as the CLI names them.
public let shippedSources: FrameworkSources = {
    var diagnostics = DiagnosticCollector()
    var sources = FrameworkSources.load(
        directory: packageRoot.appendingPathComponent("Framework").path, into: &diagnostics)
    let prefix = packageRoot.path + "/"
    let frameworkPath = sources.framework!.path
    sources.framework?.path = String(frameworkPath.dropFirst(prefix.count))
    for index in sources.departments.indices {
        sources.departments[index].path = String(sources.departments[index].path.dropFirst(prefix.count))
    }
    return sources
}()

extension FrameworkSources {
    /// A copy with one file's bytes replaced.
    public func replacing(_ path: String, with bytes: [UInt8]) -> FrameworkSources {
        var copy = self
        if copy.framework?.path == path { copy.framework?.bytes = bytes }
        for index in copy.departments.indices where copy.departments[index].path == path {
            copy.departments[index].bytes = bytes
        }
        return copy
    }

    /// The text of one file.
    public func text(of path: String) -> String {
        let file = ([framework].compactMap { $0 } + departments).first { $0.path == path }!
        return String(decoding: file.bytes, as: UTF8.self)
    }
}
