import Foundation

/// Large values freed on another thread, once the work that replaced them is done.
///
/// Freeing a YAML tree of a megabyte, or a model of 10,000 criteria, takes time of
/// releases that an editor waiting for diagnostics should not pay: the language server hands
/// what it replaces here, and publishes first. (rust-analyzer drops its old analyses the same way.)
public enum DeferredRelease {
    private static let queue = DispatchQueue(label: "ecoprod.deferred-release", qos: .utility)

    /// Releases `value` on a serial queue of its own, after the caller has let go of it.
    public static func release<Value: Sendable>(_ value: consuming Value) {
        let held = value
        queue.async { withExtendedLifetime(held) {} }
    }
}
