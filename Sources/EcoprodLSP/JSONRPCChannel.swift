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
    /// Set after a malformed frame: the next read first skips to the next header.
    private var resynchronizing = false

    /// The longest header block read, in bytes.
    static let maxHeaderBytes = 8192

    public init(input: Int32 = 0, output: Int32 = 1, maxMessageBytes: Int = 64 * 1024 * 1024) {
        self.input = input
        self.output = output
        self.maxMessageBytes = maxMessageBytes
    }

    /// Reads the next message.
    ///
    /// After a malformed frame, reading resumes at the next `Content-Length` header: the bytes
    /// between are discarded, so one bad frame costs one error and never the frames after it,
    /// and input that never holds a header again ends the session instead of looping on it.
    public mutating func read() -> Incoming {
        if resynchronizing {
            resynchronizing = false
            guard skipToNextHeader() else { return .end }
        }
        let incoming = readFrame()
        if case .malformed = incoming { resynchronizing = true }
        return incoming
    }

    private mutating func readFrame() -> Incoming {
        var length: Int?
        var headerBytes = 0
        while true {
            guard let line = readLine() else { return .end }
            headerBytes += line.count + 2
            if headerBytes > Self.maxHeaderBytes {
                return .malformed(code: -32700, message: "the header block is longer than 8 KiB")
            }
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
                if let length, length != number {
                    return .malformed(
                        code: -32700, message: "two Content-Length headers disagree: \(length) and \(number)")
                }
                length = number
            }
        }
        guard let length else { return .malformed(code: -32700, message: "a message without Content-Length") }
        guard length <= maxMessageBytes else {
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
        if start > 0 {
            buffer.removeFirst(start)
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
            if buffer.count - start > Self.maxHeaderBytes {
                // Over the header limit: consumed, so that reading moves on past it.
                defer { start = buffer.count }
                return Array(buffer[start...].prefix(Self.maxHeaderBytes + 1))
            }
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

    /// Discards input up to the next `Content-Length` header (matched without regard to case),
    /// keeping only the few bytes a header split across two reads needs. False at the end of input.
    private mutating func skipToNextHeader() -> Bool {
        let header = Array("content-length:".utf8)
        while true {
            var index = start
            while index + header.count <= buffer.count {
                if zip(buffer[index..<(index + header.count)], header).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                    start = index
                    return true
                }
                index += 1
            }
            start = max(start, buffer.count - (header.count - 1))
            guard fill() else { return false }
        }
    }
}
