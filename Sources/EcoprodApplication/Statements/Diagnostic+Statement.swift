import EcoprodFramework

extension Diagnostic {
    static func noStatementSigners() -> Diagnostic {
        .fileUnreadable("allowed_signers", reason: "no allowed-signers file: pass --allowed-signers FILE")
    }

    static func statementMalformed(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .statementMalformed, message, at: location)
    }

    static func answersNotValidJSON(_ file: String) -> Diagnostic {
        Diagnostic(
            .error, .answersSyntax, "\(file) is not valid JSON", at: SourceLocation(file: file, line: 1, column: 1))
    }

    static func statementAnswersDiffer(_ file: String, digest: String, stated: String, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(
            .error, .statementMismatch,
            "\(file) is not the answer set stated: its sha256 is \(digest), the statement's subject is \(stated)",
            at: location,
            help: "the answers were edited after the statement was signed; score them again and sign a new statement")
    }

    static func statementBundleNotReleased(releases: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .statementMismatch, "the bundle the statement names is not among the releases in \(releases)",
            at: location)
    }

    static func statementBundleDiffers(
        _ named: (id: String, version: String, digest: String), released: String, at location: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .statementMismatch,
            "the statement names \(named.id) \(named.version) with digest \(named.digest), the release has \(released)",
            at: location)
    }

    static func statementFiguresDiffer(_ differences: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .statementMismatch, "scoring the answers again does not give the stated figures", at: location,
            notes: differences.map { Diagnostic.Note($0) },
            help: "the statement was not made by this scorer from these answers and this bundle")
    }
}
