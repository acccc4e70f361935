import EcoprodFramework
import Foundation
import TestSupport

/// A committed release bundle, verified as a scorer reads it.
func shippedRelease(_ version: String) throws -> FrameworkBundle {
    let path = packageRoot.appendingPathComponent("Framework/releases/ecoprod-label-\(version).json").path
    var diagnostics = DiagnosticCollector()
    let history = ReleaseHistory.verify(files: [path], complete: false, into: &diagnostics)
    guard let bundle = history.latest?.bundle, !diagnostics.hasErrors else {
        throw ShippedReleaseError(message: "release \(version) does not verify: \(diagnostics.diagnostics)")
    }
    return bundle
}

struct ShippedReleaseError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
