extension LSP {
    /// A JSON-RPC request ID: a number or a string.
    public enum RequestID: Codable, Hashable, Sendable {
        case integer(Int)
        case string(String)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .integer(number)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .integer(let number): try container.encode(number)
            case .string(let text): try container.encode(text)
            }
        }
    }

    /// An incoming message, decoded in one pass: its ID, its method, and its parameters typed for
    /// that method. (A `didChange` body holds a whole document, which is read once, not once for
    /// what the message is and again for its parameters.)
    public struct IncomingMessage: Decodable, Sendable {
        public var id: RequestID?
        /// Whether an `id` is present that is neither an integer nor a string (`1e400`): such a
        /// request cannot be answered under its id, and is refused under a null one.
        public var hasInvalidID: Bool
        public var method: String?
        /// Whether it carries `result` or `error`: a response to one of the server's own requests.
        public var isResponse: Bool
        public var params: Params

        private enum CodingKeys: String, CodingKey {
            case id, method, params, result, error
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try? container.decodeIfPresent(RequestID.self, forKey: .id)
            hasInvalidID = id == nil && container.contains(.id) && !((try? container.decodeNil(forKey: .id)) ?? false)
            method = try? container.decodeIfPresent(String.self, forKey: .method)
            isResponse = container.contains(.result) || container.contains(.error)
            params = Params(method: method, in: container, forKey: .params)
        }
    }

    /// The parameters of the methods the server handles, typed; `.none` for a method that takes
    /// none (or one the server does not know), `.invalid` when they do not fit their method.
    public enum Params: Sendable {
        case initialize(InitializeParams)
        case didOpen(DidOpenTextDocumentParams)
        case didChange(DidChangeTextDocumentParams)
        case didClose(DidCloseTextDocumentParams)
        case documentSymbol(DocumentSymbolParams)
        case hover(TextDocumentPositionParams)
        case completion(TextDocumentPositionParams)
        case codeAction(CodeActionParams)
        case prepareRename(TextDocumentPositionParams)
        case rename(RenameParams)
        case definition(TextDocumentPositionParams)
        case references(ReferenceParams)
        case none
        case invalid

        init<Key: CodingKey>(method: String?, in container: KeyedDecodingContainer<Key>, forKey key: Key) {
            func decode<P: Decodable>(_ make: (P) -> Params) -> Params {
                (try? container.decode(P.self, forKey: key)).map(make) ?? .invalid
            }
            switch method {
            case "initialize":
                // `initialize` may come without parameters a server reads: capabilities are optional.
                do {
                    self = .initialize(
                        try container.decodeIfPresent(InitializeParams.self, forKey: key)
                            ?? InitializeParams(capabilities: nil))
                } catch {
                    self = .invalid
                }
            case "textDocument/didOpen": self = decode(Params.didOpen)
            case "textDocument/didChange": self = decode(Params.didChange)
            case "textDocument/didClose": self = decode(Params.didClose)
            case "textDocument/documentSymbol": self = decode(Params.documentSymbol)
            case "textDocument/hover": self = decode(Params.hover)
            case "textDocument/completion": self = decode(Params.completion)
            case "textDocument/codeAction": self = decode(Params.codeAction)
            case "textDocument/prepareRename": self = decode(Params.prepareRename)
            case "textDocument/rename": self = decode(Params.rename)
            case "textDocument/definition": self = decode(Params.definition)
            case "textDocument/references": self = decode(Params.references)
            default: self = .none
            }
        }
    }

    /// A response: a result or an error. A nil `id` is written as `null` (the answer to a
    /// message whose ID could not be read).
    public struct Response<Result: Encodable>: Encodable {
        public enum Outcome {
            case result(Result)
            case error(ResponseError)
        }

        public var id: RequestID?
        public var outcome: Outcome

        public init(id: RequestID?, result: Result) {
            self.init(id: id, outcome: .result(result))
        }

        public init(id: RequestID?, outcome: Outcome) {
            self.id = id
            self.outcome = outcome
        }

        private enum CodingKeys: String, CodingKey {
            case jsonrpc, id, result, error
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            switch outcome {
            case .result(let result): try container.encode(result, forKey: .result)
            case .error(let error): try container.encode(error, forKey: .error)
            }
        }
    }

    public struct ResponseError: Codable, Hashable, Sendable {
        public var code: Int
        public var message: String

        public init(code: Int, message: String) {
            self.code = code
            self.message = message
        }
    }

    /// A notification, or a request when it has an `id` (the server's own, such as
    /// `client/registerCapability`).
    public struct OutgoingMessage<Params: Encodable>: Encodable {
        public var id: RequestID?
        public var method: String
        public var params: Params

        public init(id: RequestID? = nil, method: String, params: Params) {
            self.id = id
            self.method = method
            self.params = params
        }

        private enum CodingKeys: String, CodingKey {
            case jsonrpc, id, method, params
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encodeIfPresent(id, forKey: .id)
            try container.encode(method, forKey: .method)
            try container.encode(params, forKey: .params)
        }
    }
}

extension LSP {
    /// JSON's `null`: the result of `shutdown`, and of a request with nothing to answer.
    public struct Null: Codable, Hashable, Sendable {
        public init() {}

        public init(from decoder: any Decoder) throws {
            guard try decoder.singleValueContainer().decodeNil() else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "expected null"))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}
