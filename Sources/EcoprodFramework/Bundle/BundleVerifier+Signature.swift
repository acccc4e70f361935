import Foundation

extension BundleVerifier {
    /// Checks a verified bundle's signature (`FILE.sig`) against the allowed signers, at the
    /// bundle's release date (today for a bundle without one), and that the signer is the one its
    /// lineage records. True when the bundle may be trusted.
    public func verifySignature(
        of entry: VerifiedBundle, signers: SignerPolicy, into diagnostics: inout DiagnosticCollector
    ) -> Bool {
        guard entry.file != "-", let bytes = entry.locator?.bytes else {
            diagnostics.emit(
                .signatureMissing(
                    file: entry.file, signatureFile: "a .sig file (a bundle read from stdin has none)",
                    signers: signers.file))
            return false
        }
        let time = entry.bundle.framework.identity.released.flatMap(SignerTime.init(releaseDate:)) ?? .now
        guard
            let key = signers.check(
                bytes, file: entry.file, namespace: SignerPolicy.bundleNamespace, at: time, into: &diagnostics)
        else {
            return false
        }
        if let recorded = entry.bundle.framework.lineage.signer, recorded != key.fingerprint {
            diagnostics.emit(
                .signerNotInLineage(
                    "the release names its signer \(recorded), but \(SignerPolicy.signatureFile(of: entry.file)) is by \(key.fingerprint)",
                    at: entry.location(of: "$.lineage.signer")))
            return false
        }
        return true
    }

    /// Once a release records its signer, every later release of the framework must: a release
    /// without one after signed releases is refused (G106). Releases made before signing existed,
    /// and only those, carry none.
    public func verifySignerContinuity(_ releases: [VerifiedBundle], into diagnostics: inout DiagnosticCollector) {
        var firstSigned: [String: VerifiedBundle] = [:]
        for entry in releases {
            let id = entry.bundle.framework.identity.id
            if entry.bundle.framework.lineage.signer != nil {
                if firstSigned[id] == nil { firstSigned[id] = entry }
            } else if let earlier = firstSigned[id] {
                diagnostics.emit(
                    .signerNotInLineage(
                        "\(id) \(entry.bundle.framework.identity.version) records no signer, but \(earlier.bundle.framework.identity.version) before it does",
                        at: entry.location(of: "$.lineage")))
            }
        }
    }
}
