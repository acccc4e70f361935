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

    /// What an incoming message is, read before its parameters: a request (`id` and `method`), a
    /// notification (`method` only), or a response to one of the server's own requests.
    public struct IncomingMessage: Decodable, Sendable {
        public var id: RequestID?
        public var method: String?
        /// Whether it carries `result` or `error`: a response.
        public var isResponse: Bool

        private enum CodingKeys: String, CodingKey {
            case id, method, result, error
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try? container.decodeIfPresent(RequestID.self, forKey: .id)
            method = try? container.decodeIfPresent(String.self, forKey: .method)
            isResponse = container.contains(.result) || container.contains(.error)
        }
    }

    /// An incoming message's parameters, typed for its method.
    public struct Parameters<Params: Decodable>: Decodable {
        public var params: Params
    }

    /// A response; a nil `id` is written as `null` (the answer to a message whose ID could not be read).
    public struct Response<Result: Encodable>: Encodable {
        public var id: RequestID?
        public var result: Result

        public init(id: RequestID?, result: Result) {
            self.id = id
            self.result = result
        }

        private enum CodingKeys: String, CodingKey {
            case jsonrpc, id, result
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            try container.encode(result, forKey: .result)
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

    public struct ErrorResponse: Encodable {
        public var id: RequestID?
        public var error: ResponseError

        public init(id: RequestID?, error: ResponseError) {
            self.id = id
            self.error = error
        }

        private enum CodingKeys: String, CodingKey {
            case jsonrpc, id, error
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            try container.encode(error, forKey: .error)
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
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected null"))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}
