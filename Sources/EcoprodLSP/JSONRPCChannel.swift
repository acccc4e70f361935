import Foundation

/// The Language Server Protocol's base protocol over a pair of file descriptors: messages framed
/// by a `Content-Length` header, JSON-RPC 2.0 inside. This module depends on nothing of ours, so
/// any server (or a test client) can reuse it; the bodies are bytes, and the server reads them
/// with its own JSON parser.
///
/// Reading is bounded: a header line, a header block and a body each have a limit, so a client
/// (or anything else writing to the server's stdin) cannot make it allocate without bound. A
/// malformed frame is reported to the caller, which answers it with a JSON-RPC error and reads on.
public struct JSONRPCChannel {
    /// What one read produced.
    public enum Incoming {
        /// A whole body, for the server to parse.
        case message([UInt8])
        /// A frame that could not be read, with the JSON-RPC error code that answers it.
        case malformed(code: Int, message: String)
        /// The input ended.
        case end
    }

    /// The largest body accepted, in bytes.
    public var maxMessageBytes: Int
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    public init(input: Int32 = 0, output: Int32 = 1, maxMessageBytes: Int = 64 * 1024 * 1024) {
        self.input = input
        self.output = output
        self.maxMessageBytes = maxMessageBytes
    }

    /// Reads the next message.
    public mutating func read() -> Incoming {
        var length: Int?
        var headerBytes = 0
        while true {
            guard let line = readLine() else { return .end }
            headerBytes += line.count + 2
            if headerBytes > 8192 { return .malformed(code: -32700, message: "the header block is longer than 8 KiB") }
            if line.isEmpty { break }
            let text = String(decoding: line, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else {
                return .malformed(code: -32700, message: "header line without ':'")
            }
            let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else {
                    return .malformed(code: -32700, message: "Content-Length '\(value)' is not a length")
                }
                length = number
            }
        }
        guard let length else { return .malformed(code: -32700, message: "a message without Content-Length") }
        guard length <= maxMessageBytes else {
            guard skip(length) else { return .end }
            return .malformed(
                code: -32600, message: "a message of \(length) bytes, over the limit of \(maxMessageBytes)")
        }
        guard let body = take(length) else { return .end }
        return .message(body)
    }

    /// Writes one message body, framed. Messages are written whole, so they never interleave.
    public func write(_ body: [UInt8]) {
        var frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        frame += body
        frame.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(output, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    // MARK: Buffered input

    private mutating func fill() -> Bool {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        buffer += chunk[0..<count]
        return true
    }

    /// A header line without its CRLF (a bare LF is accepted too); nil at the end of input.
    private mutating func readLine() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<newline])
                start = newline + 1
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            if buffer.count - start > 8192 { return Array(buffer[start...].prefix(8193)) }
            guard fill() else { return nil }
        }
    }

    private mutating func take(_ count: Int) -> [UInt8]? {
        while buffer.count - start < count {
            guard fill() else { return nil }
        }
        defer { start += count }
        return Array(buffer[start..<(start + count)])
    }

    /// Discards `count` bytes without keeping them.
    private mutating func skip(_ count: Int) -> Bool {
        var remaining = count
        while remaining > 0 {
            if start == buffer.count { guard fill() else { return false } }
            let step = min(remaining, buffer.count - start)
            start += step
            remaining -= step
        }
        return true
    }
}
