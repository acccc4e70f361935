extension LSP {
    /// What the server reads of `initialize`: the position encodings the client offers, and
    /// whether it registers file watchers on request.
    public struct InitializeParams: Codable, Sendable {
        public struct ClientCapabilities: Codable, Sendable {
            public struct General: Codable, Sendable {
                public var positionEncodings: [String]?
            }

            public struct Workspace: Codable, Sendable {
                public struct DidChangeWatchedFiles: Codable, Sendable {
                    public var dynamicRegistration: Bool?
                }

                public var didChangeWatchedFiles: DidChangeWatchedFiles?
            }

            public var general: General?
            public var workspace: Workspace?
        }

        public var capabilities: ClientCapabilities?

        public init(capabilities: ClientCapabilities?) {
            self.capabilities = capabilities
        }
    }

    public struct InitializeResult: Codable, Sendable {
        public struct ServerInfo: Codable, Sendable {
            public var name: String
            public var version: String

            public init(name: String, version: String) {
                self.name = name
                self.version = version
            }
        }

        public var capabilities: ServerCapabilities
        public var serverInfo: ServerInfo

        public init(capabilities: ServerCapabilities, serverInfo: ServerInfo) {
            self.capabilities = capabilities
            self.serverInfo = serverInfo
        }
    }

    /// The features this server offers (LSP 3.17 `ServerCapabilities`).
    public struct ServerCapabilities: Codable, Sendable {
        public struct TextDocumentSync: Codable, Sendable {
            public struct Save: Codable, Sendable {
                public var includeText: Bool
            }

            public var openClose: Bool
            /// 2: incremental.
            public var change: Int
            public var save: Save
        }

        public struct CompletionOptions: Codable, Sendable {
            public var triggerCharacters: [String]
        }

        public struct RenameOptions: Codable, Sendable {
            public var prepareProvider: Bool
        }

        public struct CodeActionOptions: Codable, Sendable {
            public var codeActionKinds: [String]
        }

        public var positionEncoding: String
        public var textDocumentSync: TextDocumentSync
        public var documentSymbolProvider: Bool
        public var hoverProvider: Bool
        public var completionProvider: CompletionOptions
        public var definitionProvider: Bool
        public var referencesProvider: Bool
        public var renameProvider: RenameOptions
        public var codeActionProvider: CodeActionOptions

        /// The capabilities of `ecoprod lsp`, in the negotiated position encoding.
        public static func ecoprod(positionEncoding: String) -> ServerCapabilities {
            ServerCapabilities(
                positionEncoding: positionEncoding,
                textDocumentSync: TextDocumentSync(openClose: true, change: 2, save: .init(includeText: false)),
                documentSymbolProvider: true, hoverProvider: true,
                completionProvider: CompletionOptions(triggerCharacters: [":", " ", "[", ","]),
                definitionProvider: true, referencesProvider: true,
                renameProvider: RenameOptions(prepareProvider: true),
                codeActionProvider: CodeActionOptions(codeActionKinds: ["quickfix"]))
        }
    }

    /// `client/registerCapability`'s parameters.
    public struct RegistrationParams: Codable, Sendable {
        public struct Registration: Codable, Sendable {
            public var id: String
            public var method: String
            public var registerOptions: DidChangeWatchedFilesRegistrationOptions
        }

        public struct DidChangeWatchedFilesRegistrationOptions: Codable, Sendable {
            public struct FileSystemWatcher: Codable, Sendable {
                public var globPattern: String
            }

            public var watchers: [FileSystemWatcher]
        }

        public var registrations: [Registration]

        /// One registration: watch these glob patterns.
        public static func watching(id: String, patterns: [String]) -> RegistrationParams {
            RegistrationParams(registrations: [
                Registration(
                    id: id, method: "workspace/didChangeWatchedFiles",
                    registerOptions: DidChangeWatchedFilesRegistrationOptions(
                        watchers: patterns.map(DidChangeWatchedFilesRegistrationOptions.FileSystemWatcher.init)))
            ])
        }
    }
}
