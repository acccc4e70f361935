import EcoprodCompiler
import EcoprodFramework
import Foundation

/// Builds "next versions" of the shipped framework for diff and lineage tests: the shipped
/// sources are released (in memory) as the previous version, then edited.
public struct FrameworkEvolution {
    public var sources = shippedSources
    public var history: ReleaseHistory

    /// Starts from the shipped sources, released in memory as their own version.
    public init() {
        let framework = FrameworkCompiler().compile(shippedSources).framework!
        let bundle = FrameworkBundle(framework: framework)
        history = ReleaseHistory(releases: [.init(file: "Framework/releases/\(bundle.fileName)", bundle: bundle)])
    }

    public var previous: FrameworkBundle { history.latest!.bundle }

    /// Replaces the first occurrence of `find` in `file`.
    public mutating func replace(_ find: String, with replacement: String, in file: String) {
        let text = sources.text(of: file)
        guard let range = text.range(of: find) else { preconditionFailure("not found in \(file): \(find)") }
        sources = sources.replacing(file, with: Array(text.replacingCharacters(in: range, with: replacement).utf8))
    }

    /// Removes criterion `id`'s block from `file`.
    public mutating func removeCriterion(_ id: String, in file: String) {
        let lines = sources.text(of: file).components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "  - id: \(id)") else { preconditionFailure("no criterion \(id)") }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("  - id: ") } ?? lines.count - 1
        let kept = Array(lines[..<start]) + Array(lines[end...])
        sources = sources.replacing(file, with: Array(kept.joined(separator: "\n").utf8))
    }

    /// Appends a criterion to `file`.
    public mutating func appendCriterion(
        _ id: String, to file: String, title: (String, String) = ("Nouveau critère", "New criterion"), points: Int = 2,
        extra: String = ""
    ) {
        let block = """
              - id: \(id)
                title:
                  fr: "\(title.0)"
                  en: "\(title.1)"
                guidance:
                  fr: "Une action."
                  en: "An action."
                stages: [shoot]
                points: \(points)
                mandatory: false
                applies_to: all
                evidence:
                  - fr: "Preuve"
                    en: "Proof"
            \(extra)
            """
        let text = sources.text(of: file)
        sources = sources.replacing(file, with: Array((text + block).utf8))
    }

    /// Sets the version in framework.yaml.
    public mutating func setVersion(_ version: String) {
        replace(
            "version: \(previous.framework.identity.version)", with: "version: \(version)",
            in: "Framework/framework.yaml")
    }

    /// Compiles the edited sources against the in-memory history.
    public func compile() -> FrameworkCompiler.Result {
        FrameworkCompiler(options: .init(history: history)).compile(sources)
    }

    /// Compiles and diffs against the previous version.
    public func diff() throws -> FrameworkDiff {
        let result = compile()
        guard let framework = result.framework else {
            throw CompileFailure(diagnostics: result.diagnostics)
        }
        return FrameworkDiff(from: previous.framework, to: framework, oldDigest: previous.digest)
    }

    public struct CompileFailure: Error, CustomStringConvertible {
        var diagnostics: [Diagnostic]
        public var description: String {
            diagnostics.map { "\($0.location.file):\($0.location.line): \($0.code) \($0.message)" }.joined(
                separator: "\n")
        }
    }
}
