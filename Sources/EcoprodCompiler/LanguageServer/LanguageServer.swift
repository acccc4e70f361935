import EcoprodFramework
import Foundation
import LanguageServerProtocol
import StrictYAML

/// `ecoprod lsp`: the compiler inside the criteria editors' editor. A Language Server Protocol
/// 3.17 server over stdio that keeps the editor's unsaved buffers over the files on disk and
/// publishes, for every file of the framework, exactly the diagnostics `ecoprod check` gives for
/// the same contents.
///
/// One thread reads, handles and answers each message in turn; a compilation of the shipped
/// framework takes milliseconds, so every change re-checks the whole framework (the cross-file
/// rules need it) and no work is queued.
public struct LanguageServer {
    /// The framework folder (holds `framework.yaml`, `departments/`, `releases/`).
    public var framework: URL
    var channel: JSONRPCChannel
    var documents: [String: OpenDocument] = [:]
    var encoding: PositionEncoding = .utf16
    var history: ReleaseHistory = .empty
    /// The diagnostics last published per file URI (files with none are absent), so that only
    /// changes are sent and a file whose problems are gone is cleared.
    var published: [String: JSONValue] = [:]
    var shutdownRequested = false
    /// Whether the client registers file watchers on request (`client/registerCapability`).
    var watchesFiles = false
    /// The framework as last compiled without errors: what hover describes while a file is broken.
    var lastFramework: Framework?
    /// The diagnostics of the last check, and the lines of the files they point into: what code
    /// actions are offered from.
    var lastDiagnostics: [Diagnostic] = []
    var lastLines: [String: [Substring]] = [:]
    /// The sources of the last check, as the editor sees them: what requests are answered from.
    var lastSources = FrameworkSources(framework: nil, departments: [])
    /// The strict reader's limits: those of `check`, from the same flags.
    let limits: YAMLLimits
    let readCache = DepartmentReadCache()
    /// The folder's files as last read, reused while their size and modification time hold.
    let fileCache = SourceFileCache()

    public init(framework: URL, channel: JSONRPCChannel = JSONRPCChannel(), limits: YAMLLimits = .default) {
        self.framework = framework.standardizedFileURL
        self.channel = channel
        self.limits = limits
    }

    /// Serves until `exit` or the end of input; returns the process's exit status (0 after a
    /// `shutdown`, 1 otherwise, as the protocol says).
    public mutating func run() -> Int32 {
        while true {
            switch channel.read() {
            case .end:
                return shutdownRequested ? 0 : 1
            case .malformed(let code, let message):
                log("refused a message: \(message)")
                respond(id: .null, error: (code, message))
            case .message(let body):
                let message: JSONValue
                do {
                    message = try JSONParser().parse(body)
                } catch {
                    log("refused a message: not JSON: \(error.message)")
                    respond(id: .null, error: (-32700, "the message is not JSON: \(error.message) at \(error.line):\(error.column)"))
                    continue
                }
                if message["method"]?.stringValue == "exit" { return shutdownRequested ? 0 : 1 }
                handle(message)
            }
        }
    }

    /// Handles one message as if it had arrived on the channel: how the benchmark drives the
    /// server in-process, without framing or pipes in the measurement.
    public mutating func receive(_ message: JSONValue) {
        handle(message)
    }

    mutating func handle(_ message: JSONValue) {
        guard case .object = message, let method = message["method"]?.stringValue else {
            if message["id"] != nil, message["result"] != nil || message["error"] != nil { return }  // a response to us
            respond(id: message["id"] ?? .null, error: (-32600, "not a JSON-RPC request or notification"))
            return
        }
        let id = message["id"]
        let params = message["params"] ?? .object([:])
        if shutdownRequested, let id {
            respond(id: id, error: (-32600, "the server is shutting down"))
            return
        }
        switch method {
        case "initialize": if let id { respond(id: id, result: initialize(params)) }
        case "initialized":
            registerWatchers()
            publishAll()
        case "shutdown":
            shutdownRequested = true
            if let id { respond(id: id, result: .null) }
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "textDocument/didSave", "workspace/didChangeWatchedFiles": reloadFromDisk(releases: method == "workspace/didChangeWatchedFiles")
        case "textDocument/documentSymbol": if let id { respond(id: id, result: documentSymbols(params)) }
        case "textDocument/hover": if let id { respond(id: id, result: hover(params)) }
        case "textDocument/completion": if let id { respond(id: id, result: completion(params)) }
        case "textDocument/codeAction": if let id { respond(id: id, result: codeActions(params)) }
        case "textDocument/prepareRename": if let id { respond(id: id, result: prepareRename(params)) }
        case "textDocument/rename":
            guard let id else { return }
            switch rename(params) {
            case .success(let edit): respond(id: id, result: edit)
            case .failure(let refused): respond(id: id, error: (-32803, refused.message))
            }
        case "textDocument/definition": if let id { respond(id: id, result: definition(params)) }
        case "textDocument/references": if let id { respond(id: id, result: references(params)) }
        default:
            if let id { respond(id: id, error: (-32601, "\(method) is not supported")) }
        }
    }

    // MARK: Lifecycle

    mutating func initialize(_ params: JSONValue) -> JSONValue {
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        encoding = offered.contains(PositionEncoding.utf32.rawValue) ? .utf32 : .utf16
        watchesFiles = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
        var diagnostics = DiagnosticCollector()
        history = ReleaseHistory.load(directory: FrameworkCompiler.releasesDirectory(of: framework.path), into: &diagnostics)
        return [
            "capabilities": [
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "documentSymbolProvider": true,
                "hoverProvider": true,
                "completionProvider": ["triggerCharacters": [":", " ", "[", ","]],
                "definitionProvider": true,
                "referencesProvider": true,
                "renameProvider": ["prepareProvider": true],
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
            ],
            "serverInfo": ["name": "ecoprod", "version": "0.1.0"],
        ]
    }

    /// Asks the client to report changes to the framework's files on disk (the files not open:
    /// another branch checked out, a release written), when it can register watchers.
    func registerWatchers() {
        guard watchesFiles else { return }
        let folder = framework.path
        send([
            "jsonrpc": "2.0", "id": "ecoprod-watch-framework", "method": "client/registerCapability",
            "params": ["registrations": [[
                "id": "ecoprod-framework-files", "method": "workspace/didChangeWatchedFiles",
                "registerOptions": ["watchers": [
                    ["globPattern": .string(folder + "/**/*.{yaml,yml}")], ["globPattern": .string(folder + "/releases/*.json")],
                ]],
            ]]],
        ])
    }

    // MARK: Documents

    mutating func didOpen(_ params: JSONValue) {
        guard let item = params["textDocument"], let uri = item["uri"]?.stringValue, let text = item["text"]?.stringValue else { return }
        documents[uri] = OpenDocument(uri: uri, version: item["version"]?.integerValue ?? 0, text: text)
        publishAll()
    }

    mutating func didChange(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, var document = documents[uri] else { return }
        for change in params["contentChanges"]?.arrayValue ?? [] {
            do {
                try document.apply(change, encoding: encoding)
            } catch {
                log("ignored a change to \(uri): \(error.message)")
            }
        }
        document.version = params["textDocument"]?["version"]?.integerValue ?? document.version
        documents[uri] = document
        publishAll()
    }

    mutating func didClose(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else { return }
        documents[uri] = nil
        publishAll()
    }

    mutating func reloadFromDisk(releases: Bool) {
        // The editor says files changed: read them all again, whatever their modification times.
        fileCache.removeAll()
        if releases {
            var diagnostics = DiagnosticCollector()
            history = ReleaseHistory.load(directory: FrameworkCompiler.releasesDirectory(of: framework.path), into: &diagnostics)
        }
        publishAll()
    }

    // MARK: Output

    /// Writes one message to the client.
    func send(_ message: JSONValue) {
        channel.write(message.compactBytes())
    }

    func respond(id: JSONValue, result: JSONValue) {
        send(["jsonrpc": "2.0", "id": id, "result": result])
    }

    func respond(id: JSONValue, error: (code: Int, message: String)) {
        send(["jsonrpc": "2.0", "id": id, "error": ["code": .integer(error.code), "message": .string(error.message)]])
    }

    func notify(_ method: String, _ params: JSONValue) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Logs go to stderr: stdout carries protocol messages only.
    func log(_ text: String) {
        FileHandle.standardError.write(Data("ecoprod lsp: \(text)\n".utf8))
    }
}
