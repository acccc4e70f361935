import EcoprodFramework

extension Diagnostic {
    static func untrustedBundlesSkipped(releases directory: String, signers file: String) -> Diagnostic {
        Diagnostic(
            .note, .signatureMissing,
            "untrusted bundles are not scored or migrated; see which and why with: ecoprod verify --releases \(directory)",
            at: .file(file),
            help:
                "or, for one bundle: ssh-keygen -Y verify -n ecoprod-bundle -f \(file) -I SIGNER -s BUNDLE.sig < BUNDLE"
        )
    }

    static func gridTooLarge(_ file: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            .gridLimit, "the workbook is \(size) bytes, over the limit of \(limit)", at: .file(file),
            help: "raise --max-grid-bytes for a genuine grid this large")
    }

    static func migratedGridNeedsOutput(_ file: String) -> Diagnostic {
        Diagnostic(
            .error, .writeRefused, "a migrated grid is a workbook: give --output FILE (or --output - for stdout)",
            at: .file(file))
    }

    static func answersEmpty(_ file: String) -> Diagnostic {
        Diagnostic(
            .error, .answersSyntax, "\(file) is empty: an answer set is JSON, or a filled grid (xlsx)",
            at: SourceLocation(file: file, line: 1, column: 1))
    }
}
