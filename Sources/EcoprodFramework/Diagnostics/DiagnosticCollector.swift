/// Gathers diagnostics from every stage of a run. Nothing stops at the first error: stages
/// append here, and the renderers print the sorted result once.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    /// A collector that starts with these diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Adds one diagnostic.
    public mutating func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Adds several diagnostics.
    public mutating func emit<S: Sequence>(contentsOf more: S) where S.Element == Diagnostic {
        diagnostics.append(contentsOf: more)
    }

    /// True when at least one error was emitted.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }

    /// The diagnostics sorted by file, line, column, then severity and code, so output is stable.
    /// With `strict`, warnings become errors.
    public func sorted(strict: Bool = false) -> [Diagnostic] {
        let promoted = strict ? diagnostics.promotingWarnings() : diagnostics
        return promoted.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element, rhs.element)
            if l.location.file != r.location.file { return l.location.file < r.location.file }
            if l.location.line != r.location.line { return l.location.line < r.location.line }
            if l.location.column != r.location.column { return l.location.column < r.location.column }
            if l.severity != r.severity { return l.severity < r.severity }
            if l.code != r.code { return l.code < r.code }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

extension Array where Element == Diagnostic {
    /// The same diagnostics with warnings made errors: what `--strict` means.
    public func promotingWarnings() -> [Diagnostic] {
        map { $0.severity == .warning ? $0.with(severity: .error) : $0 }
    }
}
