import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import Foundation

extension LanguageServer {
    /// The sources as the editor sees them: the files on disk, each open one replaced by its buffer,
    /// and open department files not yet saved added.
    func currentSources(into diagnostics: inout DiagnosticCollector) -> FrameworkSources {
        var sources = FrameworkSources.load(
            directory: framework.path, maxFileBytes: limits.maxFileBytes, cache: fileCache, into: &diagnostics)
        var buffers: [String: [UInt8]] = [:]
        for document in documents.values {
            guard let url = URL(string: document.uri), url.isFileURL else { continue }
            buffers[url.standardizedFileURL.path] = Array(document.text.utf8)
        }
        func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        if let file = sources.framework, let buffer = buffers.removeValue(forKey: standardized(file.path)) {
            sources.framework = SourceFile(path: file.path, bytes: buffer)
        }
        sources.departments = sources.departments.map { file in
            buffers.removeValue(forKey: standardized(file.path)).map { SourceFile(path: file.path, bytes: $0) } ?? file
        }
        let departments = framework.appendingPathComponent("departments").standardizedFileURL.path + "/"
        for (path, buffer) in buffers.sorted(by: { $0.key < $1.key })
        where path.hasPrefix(departments) && (path.hasSuffix(".yaml") || path.hasSuffix(".yml")) {
            sources.departments.append(SourceFile(path: path, bytes: buffer))
        }
        return sources
    }

    /// Compiles the framework as the editor sees it and publishes every file's diagnostics,
    /// including an empty list for a file whose problems are gone.
    mutating func publishAll() {
        var setup = DiagnosticCollector()
        let sources = currentSources(into: &setup)
        // Unchanged department files are not read again; the cross-file rules run on all of them.
        let result = FrameworkCompiler(options: .init(limits: limits, history: history, readCache: readCache)).compile(
            sources, diagnostics: setup)
        // The state this check replaces is freed on another thread, after the publication.
        let replaced = (lastFramework, lastDiagnostics, lastSources, lastLines)
        defer { DeferredRelease.release(replaced) }
        if let framework = result.framework { lastFramework = framework }
        lastDiagnostics = result.diagnostics
        // Each file's lines, split again only when its bytes changed: an edit changes one file,
        // and splitting every file on every edit would cost the large frameworks dearly.
        var previous: [String: [UInt8]] = [:]
        for file in [lastSources.framework].compactMap({ $0 }) + lastSources.departments {
            previous[file.path] = file.bytes
        }
        var texts: [String: [Substring]] = [:]
        for file in [sources.framework].compactMap({ $0 }) + sources.departments {
            if let lines = lastLines[file.path], let before = previous[file.path], file.hasSameBytes(as: before) {
                texts[file.path] = lines
            } else {
                texts[file.path] = Self.lines(file.bytes)
            }
        }
        lastSources = sources
        lastLines = texts
        var byFile: [String: [LSP.Diagnostic]] = [:]
        for path in texts.keys { byFile[path] = [] }
        let explanations = codeExplanations
        for diagnostic in result.diagnostics {
            byFile[diagnostic.location.file, default: []].append(
                lspDiagnostic(diagnostic, lines: texts, explanations: explanations))
        }
        // Only what changed is sent: a file's list when it differs from the last one published,
        // an empty list for a file whose problems are gone.
        var now: [String: [LSP.Diagnostic]] = [:]
        for (path, list) in byFile { now[URL(fileURLWithPath: path).absoluteString] = list }
        for uri in published.keys where now[uri] == nil { now[uri] = [] }
        for (uri, list) in now.sorted(by: { $0.key < $1.key }) where (published[uri] ?? []) != list {
            notify("textDocument/publishDiagnostics", LSP.PublishDiagnosticsParams(uri: uri, diagnostics: list))
        }
        published = now.filter { !$0.value.isEmpty }
    }

    /// A file's lines (split at LF; a CR before it stays with the line, as positions count it),
    /// split on bytes rather than characters.
    static func lines(_ bytes: [UInt8]) -> [Substring] {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// One diagnostic in the protocol's shape: code, severity, range, related information (the
    /// notes that have a place), and a link to the code's explanation.
    /// The page of diagnostic codes beside the framework folder (``DiagnosticCode/documentation``),
    /// whose anchors explain each code, when it exists: looked up once per check, not once per
    /// diagnostic.
    var codeExplanations: String? {
        let page = framework.deletingLastPathComponent().appendingPathComponent(DiagnosticCode.documentation)
        return FileManager.default.fileExists(atPath: page.path) ? page.absoluteString : nil
    }

    func lspDiagnostic(_ diagnostic: Diagnostic, lines: [String: [Substring]], explanations: String?) -> LSP.Diagnostic
    {
        var message = diagnostic.message
        var related: [LSP.Diagnostic.RelatedInformation] = []
        for note in diagnostic.notes {
            if let location = note.location {
                related.append(
                    .init(
                        location: LSP.Location(
                            uri: URL(fileURLWithPath: location.file).absoluteString,
                            range: range(of: location, lines: lines)), message: note.message))
            } else {
                message += "\nnote: \(note.message)"
            }
        }
        if let help = diagnostic.help { message += "\nhelp: \(help)" }
        let link = explanations.map { LSP.Diagnostic.CodeDescription(href: $0 + "#" + diagnostic.code.anchor) }
        return LSP.Diagnostic(
            range: range(of: diagnostic.location, lines: lines),
            severity: diagnostic.severity == .error ? 1 : diagnostic.severity == .warning ? 2 : 3,
            code: diagnostic.code.rawValue, source: "ecoprod", message: message,
            relatedInformation: related.isEmpty ? nil : related, codeDescription: link)
    }

    /// A location's range in the negotiated encoding; an open end is the start's line, to its end.
    func range(of location: SourceLocation, lines: [String: [Substring]]) -> LSP.Range {
        let text = lines[location.file] ?? []
        func position(_ line: Int, _ column: Int) -> LSP.Position {
            let index = max(0, line - 1)
            let content = index < text.count ? text[index] : ""
            return LSP.Position(line: index, character: encoding.character(ofColumn: column, inLine: content))
        }
        let start = position(location.line, location.column)
        let end =
            location.endLine.map { position($0, location.endColumn ?? location.column) }
            ?? position(location.line, location.column + 1)
        return LSP.Range(start: start, end: end)
    }
}
