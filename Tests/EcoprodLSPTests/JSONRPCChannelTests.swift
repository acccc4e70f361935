import EcoprodLSP
import Foundation
import Testing

/// The base protocol's framing, over real pipes: messages read in order whatever the header's
/// case, malformed frames reported and read past, bounded reading, framed writing.
struct JSONRPCChannelTests {
    /// A channel reading `bytes` from a pipe (closed after them) and writing to another.
    static func channel(reading bytes: [UInt8], maxMessageBytes: Int = 1024) -> (JSONRPCChannel, output: Int32) {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        pipe(&input)
        pipe(&output)
        bytes.withUnsafeBytes { _ = write(input[1], $0.baseAddress, $0.count) }
        close(input[1])
        return (JSONRPCChannel(input: input[0], output: output[1], maxMessageBytes: maxMessageBytes), output[0])
    }

    static func frame(_ body: String) -> [UInt8] { Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }

    @Test func framedMessagesAreReadInOrderWithAnyHeaderCase() {
        var (channel, _) = Self.channel(
            reading: Self.frame("{\"id\":1}") + Array("content-length: 8\nContent-Type: x\n\n{\"id\":2}".utf8))
        guard case .message(let first) = channel.read(), case .message(let second) = channel.read(),
            case .end = channel.read()
        else {
            Issue.record("expected two messages, then the end")
            return
        }
        #expect(String(decoding: first, as: UTF8.self) == "{\"id\":1}")
        #expect(String(decoding: second, as: UTF8.self) == "{\"id\":2}")
    }

    @Test(arguments: [
        ("X-Other: 1\r\n\r\n{}", -32700, "without Content-Length"),
        ("Content-Length: many\r\n\r\n{}", -32700, "is not a length"),
        ("no colon here\r\n\r\n{}", -32700, "without ':'"),
    ])
    func aMalformedFrameIsReportedAndReadingGoesOn(_ text: String, _ code: Int, _ reason: String) {
        var (channel, _) = Self.channel(reading: Array(text.utf8) + Self.frame("{\"id\":9}"))
        guard case .malformed(let found, let message) = channel.read() else {
            Issue.record("expected a malformed frame")
            return
        }
        #expect(found == code)
        #expect(message.contains(reason))
        // The frame after the refused one still reads: nothing is misread, nothing is lost.
        guard case .message(let next) = channel.read() else {
            Issue.record("the frame after a malformed one was not read")
            return
        }
        #expect(String(decoding: next, as: UTF8.self) == "{\"id\":9}")
    }

    @Test func aMessageOverTheLimitIsSkippedWithoutBeingKept() {
        let huge = "{\"pad\":\"" + String(repeating: "x", count: 5000) + "\"}"
        var (channel, _) = Self.channel(reading: Self.frame(huge) + Self.frame("{\"id\":3}"))
        guard case .malformed(let code, _) = channel.read(), case .message(let next) = channel.read() else {
            Issue.record("expected the large message refused, then the next one")
            return
        }
        #expect(code == -32600)
        #expect(String(decoding: next, as: UTF8.self) == "{\"id\":3}")
    }

    @Test func aHeaderLineWithoutEndIsBounded() {
        // Under the pipe's 64 KiB buffer, and far over the 8 KiB header limit.
        var (channel, _) = Self.channel(reading: [UInt8](repeating: 0x41, count: 40_000))
        guard case .malformed = channel.read() else {
            Issue.record("an endless header line must be refused")
            return
        }
    }

    @Test func writtenMessagesAreFramed() throws {
        let (channel, output) = Self.channel(reading: [])
        channel.write(Array("{\"id\":1,\"jsonrpc\":\"2.0\",\"result\":null}".utf8))
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        #expect(text == "Content-Length: 38\r\n\r\n{\"id\":1,\"jsonrpc\":\"2.0\",\"result\":null}")
    }

    /// What a channel reads from `bytes` until the end: each message's text, or the error code
    /// of a malformed frame.
    static func readAll(_ bytes: [UInt8], maxMessageBytes: Int = 1024) -> [String] {
        var (channel, _) = Self.channel(reading: bytes, maxMessageBytes: maxMessageBytes)
        var read: [String] = []
        while read.count < 100 {
            switch channel.read() {
            case .message(let body): read.append(String(decoding: body, as: UTF8.self))
            case .malformed(let code, _): read.append("error \(code)")
            case .end: return read
            }
        }
        return read
    }

    /// Hostile framing (each input under a pipe's 64 KiB, written before it is read): one error per bad frame, the frames after it read, and the end of input
    /// ends the session (an over-long header line once looped for ever, writing errors).
    static let hostile: [(input: [UInt8], read: [String])] = {
        let overlong = [UInt8](repeating: 0x58, count: 20_000) + Array("\r\n".utf8)
        let disagreeing = Array("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}".utf8)
        let enormous = Array("Content-Length: 1000000000000\r\n\r\n{}".utf8)
        let repeated = Array("CONTENT-LENGTH: 2\r\ncontent-length: 2\r\n\r\n{}".utf8)
        return [
            ([UInt8](repeating: 0x58, count: 8193), ["error -32700"]),
            (overlong + frame("{\"id\":1}"), ["error -32700", "{\"id\":1}"]),
            (disagreeing + frame("{\"id\":2}"), ["error -32700", "{\"id\":2}"]),
            (enormous + frame("{\"id\":3}"), ["error -32600", "{\"id\":3}"]),
            (repeated, ["{}"]),
            ([UInt8](repeating: 0, count: 60_000), ["error -32700"]),
        ]
    }()

    /// Hostile framing (each input under a pipe's 64 KiB, written before it is read): one error per bad frame, the frames after it read, and the end of input
    /// ends the session (an over-long header line once looped for ever, writing errors).
    @Test(arguments: hostile)
    func hostileFramingCostsOneErrorAndNoFrameAfterIt(_ case: (input: [UInt8], read: [String])) {
        #expect(Self.readAll(`case`.input) == `case`.read)
    }
}
