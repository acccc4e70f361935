import EcoprodFramework
import EcoprodGrid
import Foundation

/// How the commands that read answers find their releases and read an answer set, whether it
/// comes as JSON or as a filled grid: decided here, once, by the content (never by the name).
public struct AnswerReading: Sendable {
    /// The allowed-signers file bundles must be signed against; nil for the one beside the
    /// releases folder, when present.
    public var allowedSigners: String?
    /// The bounds a workbook is read within.
    public var limits: GridLimits

    public init(allowedSigners: String? = nil, limits: GridLimits = .default) {
        self.allowedSigners = allowedSigners
        self.limits = limits
    }

    /// The releases folder used when none is given.
    public static let defaultReleases = "Framework/releases"

    /// The trust list for bundles in `folder` (a releases folder, or the folder of a single
    /// bundle): the explicit file, else `folder/../allowed_signers` when it exists, else none.
    public func signers(forBundlesIn folder: String, into diagnostics: inout DiagnosticCollector) -> SignerPolicy? {
        guard let path = allowedSigners ?? SignerPolicy.defaultFile(forReleases: folder) else { return nil }
        return SignerPolicy.load(path, into: &diagnostics)
    }

    /// The release history: one `bundle`, or the `releases` folder (default
    /// `Framework/releases`), each bundle verified, and signed when a trust list applies.
    public func history(bundle: String? = nil, releases: String? = nil, into diagnostics: inout DiagnosticCollector)
        -> ReleaseHistory
    {
        if let bundle {
            let folder = URL(fileURLWithPath: bundle).deletingLastPathComponent().path
            let signers =
                bundle == "-" && allowedSigners == nil ? nil : signers(forBundlesIn: folder, into: &diagnostics)
            return ReleaseHistory.verify(files: [bundle], complete: false, signers: signers, into: &diagnostics)
        }
        let directory = releases ?? Self.defaultReleases
        if !FileManager.default.fileExists(atPath: directory) {
            diagnostics.emit(.fileUnreadable(directory, reason: "no such folder; pass --releases DIR or --bundle FILE"))
            return .empty
        }
        let signers = signers(forBundlesIn: directory, into: &diagnostics)
        let history = ReleaseHistory.load(directory: directory, signers: signers, into: &diagnostics)
        if let signers, diagnostics.diagnostics.contains(where: { $0.code.rawValue.hasPrefix("G") }) {
            diagnostics.emit(.untrustedBundlesSkipped(releases: directory, signers: signers.file))
        }
        return history
    }

    /// The answers in `bytes`, JSON or a grid (told by content), with where each value is.
    /// `also` is one more bundle a grid may name (the one a grid is being rendered from).
    public func answers(
        _ bytes: [UInt8], file: String, history: ReleaseHistory, also: FrameworkBundle? = nil,
        into diagnostics: inout DiagnosticCollector
    ) -> AnswerDocument? {
        guard !bytes.isEmpty else {
            diagnostics.emit(.answersEmpty(file))
            return nil
        }
        if GridImporter.isWorkbook(bytes) {
            let grid = GridImporter(limits: limits).read(
                bytes, file: file,
                bundle: { id, version in
                    let candidates = (also.map { [$0] } ?? []) + (history.release(version).map { [$0.bundle] } ?? [])
                    return candidates.first {
                        $0.framework.identity.id == id && $0.framework.identity.version == version
                    }
                }, into: &diagnostics)
            return grid.map { AnswerDocument(answers: $0.answers, locate: $0.locate, grid: $0, bytes: bytes) }
        }
        guard let (answers, locator) = AnswerSetDecoder().decodeLocated(bytes, file: file, into: &diagnostics) else {
            return nil
        }
        return AnswerDocument(answers: answers, locate: locator.location(of:), grid: nil, bytes: bytes)
    }

    /// The answers in the file at `path` (or stdin for "-").
    public func answers(
        at path: String, history: ReleaseHistory, also: FrameworkBundle? = nil,
        into diagnostics: inout DiagnosticCollector
    ) -> AnswerDocument? {
        guard let bytes = InputFile.read(path, into: &diagnostics) else { return nil }
        return answers(bytes, file: path, history: history, also: also, into: &diagnostics)
    }

    /// Reads a grid, verifying only the release it names (`DIR/<id>-<version>.json`, with its
    /// signature when DIR's trust list applies; every release when no file has that name), on
    /// this thread: on another, it contended with the sheets' reading.
    public func grid(_ bytes: [UInt8], file: String, releases: String?, into diagnostics: inout DiagnosticCollector)
        -> GridImport?
    {
        let folder = URL(fileURLWithPath: releases ?? Self.defaultReleases)
        var loading = DiagnosticCollector()
        let imported = GridImporter(limits: limits).read(
            bytes, file: file,
            bundle: { id, version in
                let named = folder.appendingPathComponent("\(id)-\(version).json").path
                let history =
                    FileManager.default.fileExists(atPath: named)
                    ? self.history(bundle: named, into: &loading) : self.history(releases: folder.path, into: &loading)
                guard !loading.hasErrors, let release = history.release(version),
                    release.bundle.framework.identity.id == id
                else {
                    return nil
                }
                return release.bundle
            }, into: &diagnostics)
        diagnostics.emit(contentsOf: loading.diagnostics)
        return loading.hasErrors ? nil : imported
    }
}

/// An answer set as read, with where each of its values is.
public struct AnswerDocument {
    public var answers: AnswerSet
    /// The place of the value at a JSON path: a line and column, or a sheet and cell.
    public var locate: (String) -> SourceLocation
    /// The grid it was read from, if it was one.
    public var grid: GridImport?
    /// The bytes read.
    public var bytes: [UInt8]

    /// The answers as a statement states them: the file's own JSON, or a grid's answers in
    /// canonical JSON.
    public var statedBytes: [UInt8] {
        grid == nil ? bytes : answers.jsonValue.canonicalBytes()
    }
}
