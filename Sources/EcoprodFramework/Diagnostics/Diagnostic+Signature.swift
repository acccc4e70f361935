extension Diagnostic {
    static func signatureMissing(file: String, signatureFile: String, signers: String) -> Diagnostic {
        Diagnostic(
            .error, .signatureMissing, "\(file) is not signed: there is no \(signatureFile)",
            at: SourceLocation(file: file, line: 1, column: 1),
            notes: [Note("\(signers) applies, so every bundle must be signed by a signer it names")],
            help: "sign it with `ecoprod sign \(file) --sign KEY`, or fetch the signature published with it")
    }

    static func signatureMalformed(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .signatureMalformed, "malformed signature: \(message)", at: location,
            help: "fetch the signature again, or sign again with `ecoprod sign`")
    }

    static func signatureNamespace(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .signatureNamespace, message, at: location,
            help:
                "release bundles are signed with `-n \(SignerPolicy.bundleNamespace)`, statements with `-n \(SignerPolicy.statementNamespace)`"
        )
    }

    static func signerUnknown(fingerprint: String, signers: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .signerUnknown, "signed by \(fingerprint), a key \(signers) does not list", at: location,
            help: "only the signers in \(signers) may publish; a new signer is added there by review")
    }

    static func signatureInvalid(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .signatureInvalid, message, at: location,
            help:
                "the file was changed after it was signed, or the signature belongs to another file; restore the published file"
        )
    }

    /// At the allowed-signers entry whose dates refuse the key: that line is what to read or
    /// change; the signed file is a note.
    static func signerOutsideValidity(
        fingerprint: String, time: SignerTime, dates: [String], entry: SourceLocation, signed: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .signerOutsideValidity, "\(fingerprint) was not a valid signer at \(time)", at: entry,
            notes: dates.map { Note($0) } + [Note("the signature checked", at: signed)],
            help: "sign with the key that was current at the release date")
    }

    static func signerNotInLineage(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .signerNotInLineage, message, at: location,
            help: "sign with the key the release names in lineage.signer")
    }

    static func allowedSignersMalformed(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .allowedSignersMalformed, message, at: location,
            help: "each line is `principals [options] keytype base64-key`, as ssh-keygen -Y verify reads it")
    }
}
