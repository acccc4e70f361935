import Foundation

/// Checks bundles: their structure, digest, layout and lineage. Every problem is reported,
/// with the JSON path and the line and column where it sits.
public struct BundleVerifier: Sendable {
    /// A bundle file that decoded, with where it came from.
    public struct VerifiedBundle: Sendable {
        public var file: String
        public var bundle: FrameworkBundle
        /// Finds positions in the file's bytes, for problems found later (lineage).
        public var locator: JSONLocator?

        public init(file: String, bundle: FrameworkBundle, locator: JSONLocator? = nil) {
            self.file = file
            self.bundle = bundle
            self.locator = locator
        }

        /// The exact bytes the bundle was read from: what a signature covers.
        public var locatorBytes: [UInt8] { locator?.bytes ?? [] }

        /// The position of `path` in this bundle's file.
        public func location(of path: String) -> SourceLocation {
            locator?.location(of: path) ?? SourceLocation(file: file, line: 1, column: 1, path: path)
        }
    }

    public init() {}

    /// Verifies one bundle file's bytes. Returns the bundle when it decoded, even if other checks failed.
    public func verify(_ bytes: [UInt8], file: String, into diagnostics: inout DiagnosticCollector) -> FrameworkBundle?
    {
        verifyFile(bytes, file: file, into: &diagnostics)?.bundle
    }

    /// Verifies one bundle file's bytes, keeping the file's locator for the lineage check.
    public func verifyFile(_ bytes: [UInt8], file: String, into diagnostics: inout DiagnosticCollector)
        -> VerifiedBundle?
    {
        let parsed: JSONValue
        do {
            parsed = try JSONParser().parse(bytes)
        } catch {
            diagnostics.emit(.bundleSyntax(error, file: file))
            return nil
        }
        let locator = JSONLocator(bytes: bytes, file: file)
        guard var members = parsed.objectValue else {
            diagnostics.emit(
                .bundleStructure(
                    "bundle must be a JSON object, found \(parsed.typeDescription)", at: locator.location(of: "$")))
            return nil
        }
        var recordedDigest: String?
        switch members.removeValue(forKey: "digest") {
        case .string(let text) where Self.isWellFormedDigest(text):
            recordedDigest = text
        case .some(let other):
            diagnostics.emit(
                .bundleDigestMissing(
                    "$.digest must be \"sha256:\" and 64 lowercase hex digits, found \(other.typeDescription == "a string" ? "\"\(other.stringValue ?? "")\"" : other.typeDescription)",
                    at: locator.location(of: "$.digest")))
        case nil:
            diagnostics.emit(.bundleDigestMissing("bundle has no \"digest\" member", at: locator.location(of: "$")))
        }
        let content = JSONValue.object(members)
        if let recordedDigest {
            let computed = FrameworkBundle.digest(ofContent: content, sizeHint: bytes.count)
            if computed != recordedDigest {
                diagnostics.emit(
                    .bundleDigestMismatch(
                        recorded: recordedDigest, computed: computed, at: locator.location(of: "$.digest")))
            }
        }
        if members["format"] != .string(FrameworkBundle.format) {
            let found =
                members["format"].map { $0.stringValue.map { "\"\($0)\"" } ?? $0.typeDescription } ?? "(missing)"
            diagnostics.emit(
                .bundleFormat(found: found, at: locator.location(of: members["format"] == nil ? "$" : "$.format")))
            return nil
        }
        let framework: Framework
        do {
            // The tree already parsed is typed in place: the bytes are read once.
            framework = try FrameworkBundle.decodeFramework(from: JSONField(parsed))
        } catch {
            diagnostics.emit(.bundleStructure(error.message, at: locator.location(of: error.path)))
            return nil
        }
        let reencoded = FrameworkBundle.contentValue(of: framework)
        // Equal trees (every valid bundle) skip the walk that names each differing path.
        for path in content == reencoded ? [] : Self.differences(between: content, and: reencoded, path: "$").prefix(20)
        {
            diagnostics.emit(.bundleUnknownMember(path, at: locator.location(of: path)))
        }
        let expected = parsed.prettyBytes(sizeHint: bytes.count + 1)
        if bytes != expected {
            var line = 1
            for (a, b) in zip(bytes, expected) {
                if a != b { break }
                if a == 0x0A { line += 1 }
            }
            diagnostics.emit(.bundleLayout(line: line, file: file))
        }
        checkIntegrity(of: framework, locator: locator, into: &diagnostics)
        let bundle = FrameworkBundle(framework: framework, digest: recordedDigest ?? "", content: reencoded)
        return VerifiedBundle(file: file, bundle: bundle, locator: locator)
    }

    /// Checks that each bundle's `lineage.previous` names the previous version's bundle by its digest.
    ///
    /// With `complete`, the bundles are a whole release history (`--releases DIR`): a previous
    /// version that is missing is an error, and only the first release may have no previous one.
    public func verifyLineage(_ bundles: [VerifiedBundle], complete: Bool, into diagnostics: inout DiagnosticCollector)
    {
        let byFramework = Dictionary(grouping: bundles, by: { $0.bundle.framework.identity.id })
        for id in byFramework.keys.sorted() {
            let chain = byFramework[id]!.sorted {
                $0.bundle.framework.identity.version < $1.bundle.framework.identity.version
            }
            var byVersion: [SemanticVersion: VerifiedBundle] = [:]
            for entry in chain {
                let version = entry.bundle.framework.identity.version
                if let other = byVersion[version] {
                    diagnostics.emit(
                        .bundleLineage(
                            "two bundles claim \(id) \(version): \(other.file) and \(entry.file)",
                            at: entry.location(of: "$.framework.version"),
                            help: "a version is released once; keep one of them"))
                }
                byVersion[version] = entry
            }
            for (offset, entry) in chain.enumerated() {
                let previous = offset > 0 ? chain[offset - 1] : nil
                let declared = entry.bundle.framework.lineage.previous
                // Found only for a problem: locating re-reads the file.
                var location: SourceLocation { entry.location(of: "$.lineage.previous") }
                switch (declared, previous) {
                case (nil, nil):
                    continue
                case (nil, let earlier?):
                    diagnostics.emit(
                        .bundleLineage(
                            "\(id) \(entry.bundle.framework.identity.version) has no lineage.previous, but \(earlier.bundle.framework.identity.version) precedes it",
                            at: location, help: "each release after the first names the previous release and its digest"
                        ))
                case (let declared?, nil):
                    if complete {
                        diagnostics.emit(
                            .bundleLineage(
                                "lineage.previous names \(id) \(declared.version), which is not among the releases",
                                at: location, help: "the release history must hold every version it refers to"))
                    }
                case (let declared?, let earlier?):
                    let earlierVersion = earlier.bundle.framework.identity.version
                    if declared.version != earlierVersion {
                        if complete || byVersion[declared.version] != nil || declared.version > earlierVersion {
                            diagnostics.emit(
                                .bundleLineage(
                                    "lineage.previous names \(declared.version), but the previous release here is \(earlierVersion)",
                                    at: location, help: "a release's previous version is the latest release before it"))
                        }
                    } else if declared.digest != earlier.bundle.digest {
                        diagnostics.emit(
                            .bundleLineage(
                                "lineage.previous.digest is \(declared.digest), but \(earlier.file) has digest \(earlier.bundle.digest)",
                                at: entry.location(of: "$.lineage.previous.digest"),
                                help:
                                    "the previous bundle was changed after this release was made, or this lineage points at another bundle"
                            ))
                    }
                }
            }
        }
    }

    static func isWellFormedDigest(_ text: String) -> Bool {
        HexDigest.isPrefixedSHA256(text)
    }

    /// The model's invariants (``FrameworkInvariants``), each reported at its JSON path.
    private func checkIntegrity(
        of framework: Framework, locator: JSONLocator, into diagnostics: inout DiagnosticCollector
    ) {
        for violation in FrameworkInvariants.violations(in: framework) {
            diagnostics.emit(.bundleIntegrity(violation.message, at: locator.location(of: violation.place.jsonPath)))
        }
    }

    /// Paths present in `actual` but not produced by re-encoding (unknown members, or values in another form).
    static func differences(between actual: JSONValue, and expected: JSONValue, path: String) -> [String] {
        switch (actual, expected) {
        case (.object(let a), .object(let e)):
            var paths: [String] = []
            for key in a.keys.sorted() {
                let child = JSONPath.member(key, of: path)
                if let expectedValue = e[key] {
                    paths += differences(between: a[key]!, and: expectedValue, path: child)
                } else {
                    paths.append(child)
                }
            }
            return paths
        case (.array(let a), .array(let e)) where a.count == e.count:
            return zip(a, e).enumerated().flatMap {
                differences(between: $1.0, and: $1.1, path: JSONPath.item($0, of: path))
            }
        case (.null, _), (.bool, _), (.integer, _), (.number, _), (.string, _), (.array, _), (.object, _):
            return actual == expected ? [] : [path]
        }
    }
}

/// Finds the line and column of a JSON path, by re-reading the document only when a problem
/// needs it, so the happy path pays nothing. A missing path falls back to its nearest parent.
public struct JSONLocator: Sendable {
    let bytes: [UInt8]
    let file: String
    /// Added to every line: a JSONL stream's line number minus one.
    let lineOffset: Int
    private let positions: Lazy

    /// The positions, parsed once by whichever caller first needs them. Locators are shared
    /// between tasks (a stream's records are scored concurrently), so the table is filled under
    /// a lock: unchecked Sendable is true only with it.
    final class Lazy: @unchecked Sendable {
        private let lock = NSLock()
        private var table: [String: SourceLocation]?

        func table(_ make: () -> [String: SourceLocation]) -> [String: SourceLocation] {
            lock.lock()
            defer { lock.unlock() }
            if let table { return table }
            let made = make()
            table = made
            return made
        }
    }

    public init(bytes: [UInt8], file: String, lineOffset: Int = 0) {
        self.bytes = bytes
        self.file = file
        self.lineOffset = lineOffset
        self.positions = Lazy()
    }

    /// The position of the value at `path` (`$.answers.A1.status`).
    public func location(of path: String) -> SourceLocation {
        let table = positions.table { JSONParser().positions(in: bytes, file: file) }
        var probe = path
        while true {
            if let found = table[probe] {
                return SourceLocation(file: file, line: found.line + lineOffset, column: found.column, path: path)
            }
            guard let cut = probe.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            probe = String(probe[..<cut])
        }
        return SourceLocation(file: file, line: 1 + lineOffset, column: 1, path: path)
    }
}
