import EcoprodFramework
import Foundation

/// A committed release bundle, verified as a scorer reads it.
public func shippedRelease(_ version: String) throws -> FrameworkBundle {
    let path = packageRoot.appendingPathComponent("Framework/releases/ecoprod-label-\(version).json").path
    var diagnostics = DiagnosticCollector()
    let history = ReleaseHistory.verify(files: [path], complete: false, into: &diagnostics)
    guard let bundle = history.latest?.bundle, !diagnostics.hasErrors else {
        throw ShippedReleaseError(message: "release \(version) does not verify: \(diagnostics.diagnostics)")
    }
    return bundle
}

public struct ShippedReleaseError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
