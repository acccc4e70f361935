import EcoprodFramework
import EcoprodReports
import Foundation
import StrictYAML

/// What a release will write: the frozen bundle and the changelog, worked out before anything is written.
public struct ReleasePlan: Sendable {
    public var bundle: FrameworkBundle
    /// `<releases>/<id>-<version>.json`.
    public var bundlePath: String
    /// The diff against the latest release; nil for a first release.
    public var diff: FrameworkDiff?
    public var changelogPath: String
    /// The new section alone.
    public var changelogEntry: String
    /// The whole changelog after the release.
    public var changelogText: String
    /// The trust list the release is signed against, when the folder has one.
    public var signers: SignerPolicy?
    /// The key that will sign, once authorized; its fingerprint is the bundle's `lineage.signer`.
    public var signerKey: SSHPublicKey?
    /// `BUNDLE.sig`, once `ReleasePlanner.sign` made and checked it.
    public var signature: [UInt8]?

    /// Where the signature goes: next to the bundle.
    public var signaturePath: String { SignerPolicy.signatureFile(of: bundlePath) }
}

/// Works out a release: compile against the release history, diff against the latest release,
/// enforce the version, and prepare the bundle and changelog. Writing is a separate step, so
/// `--dry-run` shares every check.
public struct ReleasePlanner: Sendable {
    public var directory: String
    public var changelogPath: String
    /// The release date, `YYYY-MM-DD`.
    public var date: String
    public var limits: YAMLLimits
    /// The locale of the notes on an understated version; nil for the framework's first locale.
    /// The changelog itself is always in the locale `framework.yaml` names for it.
    public var locale: String?
    /// Who signs the release (`--sign KEY`); nil for an unsigned release.
    public var signer: SSHKeygenSigner?
    /// A dry run signs nothing, so it needs no key: a folder that requires signed releases
    /// gets a note saying the real release will, instead of an error.
    public var dryRun = false

    public init(
        directory: String, changelogPath: String, date: String, limits: YAMLLimits = .default, locale: String? = nil,
        signer: SSHKeygenSigner? = nil
    ) {
        self.directory = directory
        self.changelogPath = changelogPath
        self.date = date
        self.limits = limits
        self.locale = locale
        self.signer = signer
    }

    public var releasesDirectory: String { FrameworkCompiler.releasesDirectory(of: directory) }

    /// Plans the release; every problem found goes to `diagnostics`, and nil means refuse.
    public func plan(into diagnostics: inout DiagnosticCollector) -> (plan: ReleasePlan?, sources: FrameworkSources) {
        let history = ReleaseHistory.load(directory: releasesDirectory, into: &diagnostics)
        let compiler = FrameworkCompiler(options: .init(limits: limits, releaseDate: date, history: history))
        let result = compiler.compile(directory: directory)
        // The planner states V804 itself, as an error; the compiler's early warning would repeat it.
        diagnostics.emit(contentsOf: result.diagnostics.filter { $0.code != .versionUnderstated })
        guard !diagnostics.hasErrors, let framework = result.framework else { return (nil, result.sources) }
        let version = framework.identity.version
        let versionLocation = Self.versionLocation(result.sources)
        if let existing = history.release(version) {
            diagnostics.emit(
                Diagnostic(
                    .error, .versionAlreadyReleased, "version \(version) is already released as \(existing.file)",
                    at: versionLocation,
                    help: "a release is frozen; raise 'version:' in framework.yaml to release these changes"))
            return (nil, result.sources)
        }
        var diff: FrameworkDiff?
        if let latest = history.latest {
            let latestVersion = latest.bundle.framework.identity.version
            if version <= latestVersion {
                diagnostics.emit(
                    Diagnostic(
                        .error, .versionNotIncreasing,
                        "version \(version) is not greater than the latest release \(latestVersion)",
                        at: versionLocation,
                        help: "releases only move forward; set 'version:' above \(latestVersion)"))
                return (nil, result.sources)
            }
            let computed = FrameworkDiff(from: latest.bundle.framework, to: framework, oldDigest: latest.bundle.digest)
            diff = computed
            if let bump = computed.requiredBump {
                let minimum = bump.minimumVersion(after: latestVersion)
                if version < minimum {
                    let scoring = computed.changes.filter { $0.bump == bump }.prefix(5)
                    diagnostics.emit(
                        Diagnostic(
                            .error, .versionUnderstated,
                            "version \(version) understates the change: the diff from \(latestVersion) requires a \(bump.rawValue) bump, so at least \(minimum)",
                            at: versionLocation,
                            notes: scoring.map {
                                Diagnostic.Note(
                                    "\($0.bump.rawValue): \($0.summary(in: computed.descriptionLocale(locale), titles: computed.titles))"
                                )
                            },
                            help: "set 'version: \(minimum)' in framework.yaml"))
                    return (nil, result.sources)
                }
            } else {
                diagnostics.emit(
                    Diagnostic(
                        .warning, .versionUnderstated,
                        "nothing changed since \(latestVersion); this release only renumbers it", at: versionLocation))
            }
        }
        guard let (signers, key) = authorizeSigner(into: &diagnostics) else { return (nil, result.sources) }
        var signed = framework
        signed.lineage.signer = key?.fingerprint
        let bundle = FrameworkBundle(framework: signed)
        let existing = FileManager.default.contents(atPath: changelogPath).map { String(decoding: $0, as: UTF8.self) }
        let entry = Changelog.entry(for: framework, date: date, diff: diff, locale: result.changelogLocale)
        let plan = ReleasePlan(
            bundle: bundle, bundlePath: releasesDirectory + "/" + bundle.fileName, diff: diff,
            changelogPath: changelogPath,
            changelogEntry: entry, changelogText: Changelog.inserting(entry, into: existing), signers: signers,
            signerKey: key)
        return (plan, result.sources)
    }

    /// The folder's trust list and the signing key, checked before anything is built: a folder
    /// with `allowed_signers` releases only signed, and only by a key the list allows at the
    /// release date. Nil when the release must be refused (the reasons are in `diagnostics`).
    private func authorizeSigner(into diagnostics: inout DiagnosticCollector) -> (SignerPolicy?, SSHPublicKey?)? {
        let listFile = SignerPolicy.defaultFile(forReleases: releasesDirectory)
        guard let signer else {
            guard let listFile else { return (nil, nil) }
            if dryRun {
                diagnostics.emit(
                    Diagnostic(
                        .note, .signatureMissing,
                        "\(listFile) lists who signs releases: the release itself will need --sign KEY, a key it allows",
                        at: .file(listFile)))
                return (nil, nil)
            }
            diagnostics.emit(
                Diagnostic(
                    .error, .signatureMissing, "\(listFile) lists who signs releases, and this release is not signed",
                    at: .file(listFile), help: "release with --sign KEY, a key that file allows"))
            return nil
        }
        guard let listFile else {
            diagnostics.emit(
                .fileUnreadable(
                    URL(fileURLWithPath: releasesDirectory).deletingLastPathComponent().appendingPathComponent(
                        SignerPolicy.fileName
                    ).path,
                    reason: "no allowed-signers file: --sign signs only with a key it lists"))
            return nil
        }
        guard let policy = SignerPolicy.load(listFile, into: &diagnostics), !diagnostics.hasErrors else { return nil }
        let key: SSHPublicKey
        do {
            key = try signer.publicKey()
        } catch {
            diagnostics.emit(error.diagnostic)
            return nil
        }
        guard let time = SignerTime(releaseDate: date),
            policy.authorize(
                key, namespace: SignerPolicy.bundleNamespace, at: time,
                reportingAt: .file(listFile), into: &diagnostics)
        else { return nil }
        return (policy, key)
    }

    /// Signs the planned bundle with `ssh-keygen`, then checks the signature natively, exactly as
    /// `verify` will, before anything is written.
    public func sign(_ plan: inout ReleasePlan, into diagnostics: inout DiagnosticCollector) -> Bool {
        guard let signer, let policy = plan.signers else { return true }
        let bytes = plan.bundle.fileBytes()
        let armored: [UInt8]
        do {
            armored = try signer.sign(bytes, namespace: SignerPolicy.bundleNamespace)
        } catch {
            diagnostics.emit(error.diagnostic)
            return false
        }
        do {
            let signature = try SSHSignature(armored: armored)
            guard
                let key = policy.check(
                    signature, over: bytes, signatureFile: plan.signaturePath, namespace: SignerPolicy.bundleNamespace,
                    at: SignerTime(releaseDate: date) ?? .now, into: &diagnostics)
            else { return false }
            guard key == plan.signerKey else {
                diagnostics.emit(
                    Diagnostic(
                        .error, .signerNotInLineage,
                        "ssh-keygen signed with \(key.fingerprint), not the key the release records",
                        at: SourceLocation(file: plan.signaturePath, line: 1, column: 1),
                        help: "give --sign the key file of the key you mean"))
                return false
            }
        } catch {
            diagnostics.emit(
                Diagnostic(
                    .error, .signatureMalformed, "ssh-keygen wrote no readable signature: \(error.message)",
                    at: SourceLocation(file: plan.signaturePath, line: error.line, column: 1)))
            return false
        }
        plan.signature = armored
        return true
    }

    private static func versionLocation(_ sources: FrameworkSources) -> SourceLocation {
        guard let file = sources.framework else { return .file("framework.yaml") }
        let lines = String(decoding: file.bytes, as: UTF8.self).split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard let index = lines.firstIndex(where: { $0.hasPrefix("version:") }) else {
            return SourceLocation(file: file.path, line: 1, column: 1)
        }
        let line = lines[index]
        let valueStart = line.dropFirst("version:".count).prefix { $0 == " " }.count + "version:".count + 1
        return SourceLocation(
            file: file.path, line: index + 1, column: valueStart, endLine: index + 1,
            endColumn: line.trimmingCharacters(in: .whitespaces).count + 1)
    }
}
