import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import Foundation
import StrictYAML

/// `ecoprod lsp`: the compiler inside the criteria editors' editor. A Language Server Protocol
/// 3.17 server over stdio that keeps the editor's unsaved buffers over the files on disk and
/// publishes, for every file of the framework, exactly the diagnostics `ecoprod check` gives for
/// the same contents.
///
/// One thread reads, handles and answers each message in turn; a compilation of the shipped
/// framework is quick, so every change re-checks the whole framework (the cross-file
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
    var published: [String: [LSP.Diagnostic]] = [:]
    var shutdownRequested = false
    /// Whether `initialize` was answered: until then, the protocol allows nothing else.
    var initialized = false
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
                respond(id: nil, error: (code, message))
            case .message(let body):
                if !receive(body: body) { return shutdownRequested ? 0 : 1 }
            }
        }
    }

    /// Handles one message as if it had arrived on the channel: how the benchmark and the tests
    /// drive the server in-process, without framing or pipes.
    public mutating func receive(_ message: JSONValue) {
        _ = receive(body: message.compactBytes())
    }

    /// Handles one message body, as the channel reads it. Returns false after `exit`.
    ///
    /// The body is decoded once, as the protocol's types (``LSP/IncomingMessage``): what the
    /// message is, and its method's parameters.
    @discardableResult
    public mutating func receive(body: [UInt8]) -> Bool {
        guard let message = try? Self.decoder.decode(LSP.IncomingMessage.self, from: Data(body)) else {
            refuse(body)
            return true
        }
        if message.hasInvalidID {
            respond(id: nil, error: (-32600, "the id is neither an integer nor a string"))
            return true
        }
        guard let method = message.method else {
            if message.id != nil, message.isResponse { return true }  // a response to us
            respond(id: message.id, error: (-32600, "not a JSON-RPC request or notification"))
            return true
        }
        if method == "exit" { return false }
        guard initialized || method == "initialize" else {
            // Before `initialize`, requests are refused and notifications dropped (LSP 3.17).
            if let id = message.id { respond(id: id, error: (-32002, "the server is not initialized")) }
            return true
        }
        if shutdownRequested, let id = message.id {
            respond(id: id, error: (-32600, "the server is shutting down"))
            return true
        }
        handle(method, message)
        return true
    }

    /// A body that is not a JSON-RPC message object: -32700 when it is not JSON at all (with
    /// where, from the compiler's own parser), -32600 otherwise.
    func refuse(_ body: [UInt8]) {
        do {
            _ = try JSONParser().parse(body)
            respond(id: nil, error: (-32600, "not a JSON-RPC request or notification"))
        } catch {
            log("refused a message: not JSON: \(error.message)")
            respond(
                id: nil, error: (-32700, "the message is not JSON: \(error.message) at \(error.line):\(error.column)"))
        }
    }

    mutating func handle(_ method: String, _ message: LSP.IncomingMessage) {
        let id = message.id
        switch message.params {
        case .initialize(let params):
            if let id {
                respond(id: id, result: initialize(params))
                initialized = true
            }
        case .didOpen(let params): didOpen(params)
        case .didChange(let params): didChange(params)
        case .didClose(let params): didClose(params)
        case .documentSymbol(let params): if let id { respond(id: id, result: documentSymbols(params)) }
        case .hover(let params): if let id { respond(id: id, result: hover(params)) }
        case .completion(let params): if let id { respond(id: id, result: completion(params)) }
        case .codeAction(let params): if let id { respond(id: id, result: codeActions(params)) }
        case .prepareRename(let params): if let id { respond(id: id, result: prepareRename(params)) }
        case .rename(let params):
            guard let id else { return }
            switch rename(params) {
            case .success(let edit): respond(id: id, result: edit)
            case .failure(let refused): respond(id: id, error: (-32803, refused.message))
            }
        case .definition(let params): if let id { respond(id: id, result: definition(params)) }
        case .references(let params): if let id { respond(id: id, result: references(params)) }
        case .invalid:
            // Parameters that do not fit a request are -32602; a notification's are logged and dropped.
            if let id {
                respond(id: id, error: (-32602, "invalid parameters for \(method)"))
            } else {
                log("ignored \(method): invalid parameters")
            }
        case .none:
            handleWithoutParameters(method, id: id)
        }
    }

    /// The methods whose parameters the server does not read.
    mutating func handleWithoutParameters(_ method: String, id: LSP.RequestID?) {
        switch method {
        case "initialized":
            registerWatchers()
            publishAll()
        case "shutdown":
            shutdownRequested = true
            if let id { respond(id: id, result: LSP.Null()) }
        case "textDocument/didSave", "workspace/didChangeWatchedFiles":
            reloadFromDisk(releases: method == "workspace/didChangeWatchedFiles")
        default:
            if let id { respond(id: id, error: (-32601, "\(method) is not supported")) }
        }
    }

    // MARK: Lifecycle

    mutating func initialize(_ params: LSP.InitializeParams) -> LSP.InitializeResult {
        let offered = params.capabilities?.general?.positionEncodings ?? []
        encoding = offered.contains(PositionEncoding.utf32.rawValue) ? .utf32 : .utf16
        watchesFiles = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false
        var diagnostics = DiagnosticCollector()
        history = ReleaseHistory.load(
            directory: FrameworkCompiler.releasesDirectory(of: framework.path), into: &diagnostics)
        return LSP.InitializeResult(
            capabilities: .ecoprod(positionEncoding: encoding.rawValue),
            serverInfo: .init(name: "ecoprod", version: "0.1.0"))
    }

    /// Asks the client to report changes to the framework's files on disk (the files not open:
    /// another branch checked out, a release written), when it can register watchers.
    func registerWatchers() {
        guard watchesFiles else { return }
        let folder = framework.path
        send(
            LSP.OutgoingMessage(
                id: .string("ecoprod-watch-framework"), method: "client/registerCapability",
                params: LSP.RegistrationParams.watching(
                    id: "ecoprod-framework-files", patterns: [folder + "/**/*.{yaml,yml}", folder + "/releases/*.json"])
            ))
    }

    // MARK: Documents

    mutating func didOpen(_ params: LSP.DidOpenTextDocumentParams) {
        let item = params.textDocument
        guard item.text.utf8.count <= limits.maxFileBytes else {
            log("ignored \(item.uri): \(item.text.utf8.count) bytes, over the limit of \(limits.maxFileBytes)")
            return
        }
        documents[item.uri] = OpenDocument(uri: item.uri, version: item.version ?? 0, text: item.text)
        publishAll()
    }

    mutating func didChange(_ params: LSP.DidChangeTextDocumentParams) {
        let uri = params.textDocument.uri
        guard var document = documents[uri] else { return }
        for change in params.contentChanges {
            do {
                try document.apply(change, encoding: encoding)
            } catch {
                log("ignored a change to \(uri): \(error.message)")
            }
        }
        // A document is held within the limit a file on disk is read within (--max-file-bytes).
        // One that an edit takes past it is no longer held: the file on disk stands for it, and
        // the edits that follow are ignored, rather than applied to a text the editor no longer shows.
        guard document.text.utf8.count <= limits.maxFileBytes else {
            log("closed \(uri): an edit took it to \(document.text.utf8.count) bytes, over \(limits.maxFileBytes)")
            documents[uri] = nil
            publishAll()
            return
        }
        document.version = params.textDocument.version ?? document.version
        documents[uri] = document
        publishAll()
    }

    mutating func didClose(_ params: LSP.DidCloseTextDocumentParams) {
        documents[params.textDocument.uri] = nil
        publishAll()
    }

    mutating func reloadFromDisk(releases: Bool) {
        // The editor says files changed: read them all again, whatever their modification times.
        fileCache.removeAll()
        if releases {
            var diagnostics = DiagnosticCollector()
            history = ReleaseHistory.load(
                directory: FrameworkCompiler.releasesDirectory(of: framework.path), into: &diagnostics)
        }
        publishAll()
    }

    // MARK: Output

    /// Writes one message to the client.
    func send<Message: Encodable>(_ message: Message) {
        do {
            channel.write(Array(try Self.encoder.encode(message)))
        } catch {
            log("could not encode a message: \(error)")
        }
    }

    func respond<Result: Encodable>(id: LSP.RequestID?, result: Result) {
        send(LSP.Response(id: id, result: result))
    }

    func respond(id: LSP.RequestID?, error: (code: Int, message: String)) {
        send(
            LSP.Response<LSP.Null>(id: id, outcome: .error(LSP.ResponseError(code: error.code, message: error.message)))
        )
    }

    func notify<Params: Encodable>(_ method: String, _ params: Params) {
        send(LSP.OutgoingMessage(method: method, params: params))
    }

    static let decoder = JSONDecoder()
    /// Keys sorted, so that the same message is always the same bytes.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Logs go to stderr: stdout carries protocol messages only.
    func log(_ text: String) {
        FileHandle.standardError.write(Data("ecoprod lsp: \(text)\n".utf8))
    }
}
