import Foundation

/// The allowed signers that apply to a run, and the check every signed file passes: a release
/// bundle (namespace `ecoprod-bundle`) or a score statement (`ecoprod-statement`).
///
/// The order of the checks decides which single problem a file reports: the signature file must
/// read, be for this purpose, come from a listed key that may sign for it, verify over the exact
/// bytes, and date from the signer's validity period. Each failure has its own code (G101–G107).
public struct SignerPolicy: Sendable {
    /// The namespace release bundles are signed for.
    public static let bundleNamespace = "ecoprod-bundle"
    /// The namespace score statements are signed for.
    public static let statementNamespace = "ecoprod-statement"
    /// The namespace an auditor signs audit plans in.
    public static let auditNamespace = "ecoprod-audit"
    /// The namespace the label signs certificates in.
    public static let certificateNamespace = "ecoprod-certificate"
    /// The file name of a releases folder's trust list, next to the folder (`Framework/allowed_signers`).
    public static let fileName = "allowed_signers"

    public let signers: AllowedSigners
    /// Where the signers were read from, for messages.
    public let file: String

    public init(signers: AllowedSigners, file: String) {
        self.signers = signers
        self.file = file
    }

    /// Reads an allowed-signers file; each unreadable line is a G108 at its place. Nil when the
    /// file cannot be read at all (reported as F001).
    public static func load(_ path: String, into diagnostics: inout DiagnosticCollector) -> SignerPolicy? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.emit(.fileUnreadable(path, reason: "no such file or not readable"))
            return nil
        }
        guard data.count <= AllowedSigners.maximumFileBytes, let text = String(validating: Array(data), as: UTF8.self)
        else {
            diagnostics.emit(
                .allowedSignersMalformed(
                    "the file is not UTF-8 text of at most \(AllowedSigners.maximumFileBytes) bytes", at: .file(path)))
            return nil
        }
        let signers = AllowedSigners(text: text)
        for problem in signers.problems {
            diagnostics.emit(
                .allowedSignersMalformed(
                    problem.message, at: SourceLocation(file: path, line: problem.line, column: problem.column)))
        }
        return SignerPolicy(signers: signers, file: path)
    }

    /// The trust list that applies to a releases folder: `DIR/../allowed_signers`, when present.
    /// Named as the folder was (`Framework/releases` gives `Framework/allowed_signers`), so that
    /// diagnostics name it as the user wrote it, not by an absolute path.
    public static func defaultFile(forReleases directory: String) -> String? {
        let parent = (directory as NSString).deletingLastPathComponent
        let candidate = (parent as NSString).appendingPathComponent(fileName)
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// The signature file of a signed file: `FILE.sig`, as `ssh-keygen -Y sign` names it.
    public static func signatureFile(of file: String) -> String { file + ".sig" }

    /// Checks `file`'s signature (`FILE.sig`) over `bytes` for `namespace` at `time`; returns the
    /// signer's key when every check passed.
    public func check(
        _ bytes: [UInt8], file: String, namespace: String, at time: SignerTime,
        into diagnostics: inout DiagnosticCollector
    ) -> SSHPublicKey? {
        let signatureFile = Self.signatureFile(of: file)
        guard let data = FileManager.default.contents(atPath: signatureFile) else {
            diagnostics.emit(.signatureMissing(file: file, signatureFile: signatureFile, signers: self.file))
            return nil
        }
        let signature: SSHSignature
        do {
            signature = try SSHSignature(armored: Array(data))
        } catch {
            diagnostics.emit(
                .signatureMalformed(error.message, at: SourceLocation(file: signatureFile, line: error.line, column: 1))
            )
            return nil
        }
        return check(
            signature, over: bytes, signatureFile: signatureFile, namespace: namespace, at: time, into: &diagnostics)
    }

    /// Checks a parsed signature; `signatureFile` is where problems are reported.
    public func check(
        _ signature: SSHSignature, over bytes: [UInt8], signatureFile: String, namespace: String, at time: SignerTime,
        into diagnostics: inout DiagnosticCollector
    ) -> SSHPublicKey? {
        let at = SourceLocation(file: signatureFile, line: 1, column: 1)
        guard signature.namespace == namespace else {
            diagnostics.emit(
                .signatureNamespace("the signature is for '\(signature.namespace)', not '\(namespace)'", at: at))
            return nil
        }
        guard authorize(signature.publicKey, namespace: namespace, at: time, reportingAt: at, into: &diagnostics) else {
            return nil
        }
        guard signature.isValid(for: bytes) else {
            let key = signature.publicKey
            let reason =
                key.type == "ssh-ed25519"
                ? "it was not made by its key over these bytes"
                : "it is an \(key.type) signature; ecoprod verifies ssh-ed25519"
            diagnostics.emit(.signatureInvalid("the signature does not match: \(reason)", at: at))
            return nil
        }
        return signature.publicKey
    }

    /// Whether `key` is listed, may sign for `namespace`, and is within its validity dates at
    /// `time`: what `release --sign` checks before it signs anything.
    public func authorize(
        _ key: SSHPublicKey, namespace: String, at time: SignerTime, reportingAt at: SourceLocation,
        into diagnostics: inout DiagnosticCollector
    ) -> Bool {
        let listed = signers.entries(for: key)
        guard !listed.isEmpty else {
            diagnostics.emit(.signerUnknown(fingerprint: key.fingerprint, signers: file, at: at))
            return false
        }
        let allowed = listed.filter { $0.allows(namespace: namespace) }
        guard !allowed.isEmpty else {
            let lines = listed.map { "line \($0.line)" }.joined(separator: ", ")
            diagnostics.emit(
                .signatureNamespace("\(key.fingerprint) (\(file) \(lines)) may not sign for '\(namespace)'", at: at))
            return false
        }
        guard allowed.contains(where: { $0.isValid(at: time) }) else {
            let dates = allowed.map { entry in
                "line \(entry.line): "
                    + [entry.validAfter.map { "valid after \($0)" }, entry.validBefore.map { "valid before \($0)" }]
                    .compactMap { $0 }.joined(separator: ", ")
            }
            diagnostics.emit(
                .signerOutsideValidity(
                    fingerprint: key.fingerprint, time: time, dates: dates,
                    entry: SourceLocation(file: file, line: allowed[0].line, column: 1), signed: at))
            return false
        }
        return true
    }
}
