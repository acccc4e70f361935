extension Diagnostic {
    static func bundleSyntax(_ error: JSONParser.SyntaxError, file: String) -> Diagnostic {
        Diagnostic(
            .error, .bundleSyntax, "bundle is not valid JSON: \(error.message)",
            at: SourceLocation(file: file, line: error.line, column: error.column),
            help: "a bundle is written by `ecoprod build` or `ecoprod release`; rebuild it rather than editing it")
    }

    static func bundleDigestMissing(_ detail: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .bundleDigestMissing, detail, at: location,
            help: "expected a member \"digest\": \"sha256:<64 lowercase hex digits>\"")
    }

    static func bundleFormat(found: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .bundleFormat, "unknown bundle format \(found)", at: location,
            help: "this verifier reads \"\(FrameworkBundle.format)\"")
    }

    static func bundleStructure(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .bundleStructure, message, at: location,
            help: "see Schemas/bundle.schema.json for the bundle's members and types")
    }

    static func bundleDigestMismatch(recorded: String, computed: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .bundleDigestMismatch,
            "digest does not match the content: recorded \(recorded), content hashes to \(computed)",
            at: location,
            notes: [
                Diagnostic.Note(
                    "the digest is SHA-256 over the RFC 8785 canonical form of the bundle without \"digest\"")
            ],
            help: "the bundle was changed after it was frozen; restore it from version control or rebuild it")
    }

    static func bundleUnknownMember(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .bundleUnknownMember, "\(path) is not part of format \(FrameworkBundle.format)", at: location,
            help: "remove the member; a bundle holds exactly the members of its format")
    }

    static func bundleLayout(line: Int, file: String) -> Diagnostic {
        Diagnostic(
            .error, .bundleLayout, "bundle bytes differ from its canonical layout from this line on",
            at: SourceLocation(file: file, line: line, column: 1),
            help: "bundles are byte-for-byte reproducible; a hand edit, even of white space, breaks that")
    }

    static func bundleIntegrity(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .bundleIntegrity, message, at: location)
    }

    static func bundleLineage(_ message: String, at location: SourceLocation, help: String) -> Diagnostic {
        Diagnostic(.error, .bundleLineage, message, at: location, help: help)
    }

    /// A file that could not be read at all.
    public static func fileUnreadable(_ file: String, reason: String) -> Diagnostic {
        Diagnostic(.error, .fileUnreadable, "cannot read \(file): \(reason)", at: .file(file))
    }
}
