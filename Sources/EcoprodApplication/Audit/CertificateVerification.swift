import EcoprodFramework
import Foundation

/// `verify-certificate`: the label's signature on a certificate, in `ecoprod-certificate`; and,
/// given the inputs it names, every digest, the sample and the audited score recomputed.
public struct CertificateVerification: Sendable {
    public var certificate: String
    /// The statement, answers, plan and findings: all four, or none.
    public var inputs: (statement: String, answers: String, plan: String, findings: String)?
    public var releases: String
    public var allowedSigners: String?

    public init(
        certificate: String, inputs: (statement: String, answers: String, plan: String, findings: String)?,
        releases: String, allowedSigners: String?
    ) {
        self.certificate = certificate
        self.inputs = inputs
        self.releases = releases
        self.allowedSigners = allowedSigners
    }

    /// Verifies; every problem goes to `diagnostics`, and nil means refused.
    public func run(into diagnostics: inout DiagnosticCollector) -> Certificate? {
        let listFile = allowedSigners ?? SignerPolicy.defaultFile(forReleases: releases)
        guard let listFile else {
            diagnostics.emit(
                Diagnostic(
                    .error, .signatureMissing, "no allowed_signers to check the certificate's signature against",
                    at: .file(certificate), help: "pass --allowed-signers FILE with the label's key"))
            return nil
        }
        let policy = SignerPolicy.load(listFile, into: &diagnostics)
        guard let policy, let bytes = InputFile.read(certificate, into: &diagnostics),
            let read = read(bytes, into: &diagnostics)
        else { return nil }
        _ = policy.check(
            bytes, file: certificate, namespace: SignerPolicy.certificateNamespace,
            at: SignerTime(releaseDate: read.issuedOn) ?? .now, into: &diagnostics)
        if let inputs, !diagnostics.hasErrors { recompute(read, bytes: bytes, inputs: inputs, into: &diagnostics) }
        return diagnostics.hasErrors ? nil : read
    }

    private func read(_ bytes: [UInt8], into diagnostics: inout DiagnosticCollector) -> Certificate? {
        JSONDocumentReading.read(
            bytes, file: certificate, into: &diagnostics, malformed: Diagnostic.certificateMalformed
        ) { (field) throws(JSONField.ShapeError) in try Certificate(json: field) }
    }

    /// The inputs checked as `certify` checks them, then the certificate they give compared
    /// member by member: a changed input is U112's, a changed figure U109's.
    private func recompute(
        _ read: Certificate, bytes: [UInt8],
        inputs: (statement: String, answers: String, plan: String, findings: String),
        into diagnostics: inout DiagnosticCollector
    ) {
        let check = AuditCheck(
            statement: inputs.statement, answers: inputs.answers, plan: inputs.plan, findings: inputs.findings,
            releases: releases, allowedSigners: allowedSigners)
        guard let outcome = check.run(into: &diagnostics) else { return }
        let locator = JSONLocator(bytes: bytes, file: certificate)
        guard outcome.audited.report.eligible else {
            diagnostics.emit(
                Diagnostic(
                    .error, .certificateDiffers,
                    "these inputs leave the production not eligible: no certificate follows from them",
                    at: locator.location(of: "$.predicate.audited.eligible"),
                    notes: outcome.refutations.map {
                        Diagnostic.Note($0.message)
                    }))
            return
        }
        let expected = Certifying.certificate(
            outcome, statement: inputs.statement, issuedOn: read.issuedOn, validUntil: read.validUntil,
            tool: read.tool)
        let inputPaths: Set<String> = [
            "$.subject", "$.predicate.inputs", "$.predicate.framework", "$.predicate.production",
        ]
        for (path, stated, recomputed) in Self.differences(read.jsonValue, expected.jsonValue, path: "$") {
            let isInput = inputPaths.contains { path.hasPrefix($0) }
            diagnostics.emit(
                Diagnostic(
                    .error, isInput ? .certificateInputsDiffer : .certificateDiffers,
                    "\(path): the certificate states \(stated), the inputs give \(recomputed)",
                    at: locator.location(of: path),
                    help: isInput
                        ? "these are not the inputs the certificate was issued for"
                        : "the certificate's figures were changed after it was computed; trust only one that recomputes"
                ))
        }
    }

    /// Each leaf that differs between two JSON trees: its path and both values.
    static func differences(_ stated: JSONValue, _ expected: JSONValue, path: String) -> [(String, String, String)] {
        if case .object(let left) = stated, case .object(let right) = expected {
            return Set(left.keys).union(right.keys).sorted().flatMap { key in
                differences(left[key] ?? .null, right[key] ?? .null, path: JSONPath.member(key, of: path))
            }
        }
        if case .array(let left) = stated, case .array(let right) = expected, left.count == right.count {
            return zip(left, right).enumerated().flatMap {
                differences($0.element.0, $0.element.1, path: JSONPath.item($0.offset, of: path))
            }
        }
        guard stated != expected else { return [] }
        let text = { (value: JSONValue) in String(decoding: value.compactBytes(), as: UTF8.self) }
        return [(path, text(stated), text(expected))]
    }
}

extension Diagnostic {
    static func certificateMalformed(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .certificateMalformed, "the certificate: \(message)", at: location,
            help: "use the certificate `ecoprod certify` wrote, unchanged")
    }
}

/// A certificate to render: read when the file is one (its predicate type says so), with the
/// release it names when the releases folder holds it, for titles and locales.
public enum CertificateReading {
    /// Nil when `path` is not a certificate (render then reads it as a bundle); refused when it
    /// claims to be one and is malformed.
    public static func certificate(
        at path: String, releases: String
    ) throws(UseCaseFailure) -> (certificate: Certificate, framework: Framework?)? {
        // A bundle, which render reads next, is not parsed twice: only a file whose first bytes
        // name an in-toto `_type` is read whole here (a bundle's first member is `criteria`).
        guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return nil }
        let head = (try? handle.read(upToCount: 512)) ?? nil
        try? handle.close()
        guard let head, head.range(of: Data("\"_type\"".utf8)) != nil else { return nil }
        var diagnostics = DiagnosticCollector()
        guard let bytes = InputFile.read(path, into: &diagnostics),
            let value = try? JSONParser().parse(bytes),
            value["predicateType"]?.stringValue == Certificate.predicateType
        else { return nil }
        let certificate: Certificate
        do {
            certificate = try Certificate(json: JSONField(value))
        } catch {
            throw .input([
                .certificateMalformed(error.message, at: JSONLocator(bytes: bytes, file: path).location(of: error.path))
            ])
        }
        var ignored = DiagnosticCollector()
        let release = ReleaseHistory.load(directory: releases, into: &ignored).release(certificate.framework.version)
        let framework = release.flatMap { $0.bundle.digest == certificate.framework.digest ? $0.bundle.framework : nil }
        return (certificate, framework)
    }
}
