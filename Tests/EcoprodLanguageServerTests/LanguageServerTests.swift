import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import Foundation
import TestSupport
import Testing

@testable import EcoprodLanguageServer

/// The language server's base protocol and document model, without a client: framing that
/// survives malformed input, and edits applied at the positions the protocol means.
struct LanguageServerTests {
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
        // After a bad body the next frame still reads; after a bad header, the rest may be lost, never misread.
        if case .message(let next) = channel.read() { #expect(String(decoding: next, as: UTF8.self) == "{\"id\":9}") }
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
        let message: JSONValue = ["jsonrpc": "2.0", "id": 1, "result": .null]
        channel.write(message.compactBytes())
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        #expect(text == "Content-Length: 38\r\n\r\n{\"id\":1,\"jsonrpc\":\"2.0\",\"result\":null}")
    }

    static func position(_ line: Int, _ character: Int) -> LSP.Position {
        LSP.Position(line: line, character: character)
    }

    static func change(_ from: (Int, Int), _ to: (Int, Int), _ text: String) -> LSP.TextDocumentContentChangeEvent {
        LSP.TextDocumentContentChangeEvent(
            range: LSP.Range(start: position(from.0, from.1), end: position(to.0, to.1)), text: text)
    }

    @Test(
        arguments: [
            // An emoji is two UTF-16 units and one scalar: the same edit lands in the same place.
            (
                PositionEncoding.utf16, "fr: \"🌱 Tri\"\n", Self.change((0, 8), (0, 11), "Recyclage"),
                "fr: \"🌱 Recyclage\"\n"
            ),
            (
                PositionEncoding.utf32, "fr: \"🌱 Tri\"\n", Self.change((0, 7), (0, 10), "Recyclage"),
                "fr: \"🌱 Recyclage\"\n"
            ),
            (PositionEncoding.utf16, "a: é\r\nb: 2\r\n", Self.change((1, 3), (1, 4), "3"), "a: é\r\nb: 3\r\n"),
            (PositionEncoding.utf16, "a: 1\n", Self.change((0, 4), (1, 0), "\nb: 2\n"), "a: 1\nb: 2\n"),
            (PositionEncoding.utf16, "x", LSP.TextDocumentContentChangeEvent(text: "whole"), "whole"),
        ] as [(PositionEncoding, String, LSP.TextDocumentContentChangeEvent, String)])
    func editsLandWhereTheProtocolMeans(
        _ encoding: PositionEncoding, _ before: String, _ change: LSP.TextDocumentContentChangeEvent, _ after: String
    ) throws {
        var document = OpenDocument(uri: "file:///t.yaml", version: 1, text: before)
        try document.apply(change, encoding: encoding)
        #expect(document.text == after)
    }

    @Test func aRangeOutsideTheDocumentIsRefused() {
        var document = OpenDocument(uri: "file:///t.yaml", version: 1, text: "a: 1\n")
        #expect(throws: OpenDocument.InvalidChange.self) {
            try document.apply(Self.change((0, 3), (0, 1), "x"), encoding: .utf16)
        }
        #expect(document.text == "a: 1\n")
    }

    @Test(arguments: [(PositionEncoding.utf16, 6), (PositionEncoding.utf32, 5)])
    func columnsBecomeCharactersInTheNegotiatedEncoding(_ encoding: PositionEncoding, _ expected: Int) {
        // Column 6 (1-based, in scalars) follows "a: 🌱 ": 5 scalars, 6 UTF-16 units.
        #expect(encoding.character(ofColumn: 6, inLine: "a: 🌱 x") == expected)
    }
}

/// What the cursor is writing, read from its line and the lines above it.
struct CompletionContextTests {
    @Test(
        arguments: [
            (
                "    poi", ["criteria:", "  - id: A1"],
                LanguageServer.CompletionContext.key(indentation: 4, isListItem: false)
            ),
            ("dep", [], .key(indentation: 0, isListItem: false)),
            ("    applies_to: [series, ", ["criteria:"], .value(key: "applies_to")),
            ("  - id: ", ["criteria:"], .value(key: "id")),
            ("      - ", ["criteria:", "  - id: A1", "    stages:"], .value(key: "stages")),
            (
                "      - ", ["criteria:", "  - id: A1", "    stages:", "      - shoot", "      # a comment"],
                .value(key: "stages")
            ),
            ("  - ", ["criteria:"], .value(key: "criteria")),
        ] as [(String, [String], LanguageServer.CompletionContext)])
    func theContextComesFromTheLineAndItsParents(
        _ prefix: String, _ above: [String], _ expected: LanguageServer.CompletionContext
    ) {
        let lines = (above + [prefix]).map { Substring($0) }
        #expect(
            LanguageServer.completionContext(lines: lines, line: above.count, prefix: Substring(prefix)) == expected)
    }

    /// Each body gets the JSON-RPC answer the protocol asks for: typed parameters that do not fit
    /// a request are -32602, and an ID is echoed with its own type (or null when unreadable).
    @Test(arguments: [
        (
            #"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.yaml"}}}"#,
            #"{"error":{"code":-32602,"message":"invalid parameters for textDocument/hover"},"id":1,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":"r","method":"textDocument/rename","params":{"textDocument":{"uri":7},"position":{"line":0,"character":0},"newName":"A1"}}"#,
            #"{"error":{"code":-32602,"message":"invalid parameters for textDocument/rename"},"id":"r","jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":2,"method":"workspace/symbol","params":{}}"#,
            #"{"error":{"code":-32601,"message":"workspace/symbol is not supported"},"id":2,"jsonrpc":"2.0"}"#
        ),
        (
            "[1,2]",
            #"{"error":{"code":-32600,"message":"not a JSON-RPC request or notification"},"id":null,"jsonrpc":"2.0"}"#
        ),
        (#"{"id":"#, #"{"error":{"code":-32700,"message":"the message is not JSON: "#),
        (#"{"jsonrpc":"2.0","id":"s","method":"shutdown"}"#, #"{"id":"s","jsonrpc":"2.0","result":null}"#),
        (
            #"{"jsonrpc":"2.0","id":3,"method":"initialize"}"#,
            #"{"id":3,"jsonrpc":"2.0","result":{"capabilities":{"codeActionProvider":"#
        ),
        (
            #"{"jsonrpc":"2.0","id":4,"method":"initialize","params":[]}"#,
            #"{"error":{"code":-32602,"message":"invalid parameters for initialize"},"id":4,"jsonrpc":"2.0"}"#
        ),
    ])
    func eachBodyGetsItsAnswer(_ body: String, _ answer: String) throws {
        var output: [Int32] = [0, 0]
        pipe(&output)
        defer { close(output[0]) }
        var server = LanguageServer(
            framework: packageRoot.appendingPathComponent("Framework"),
            channel: JSONRPCChannel(input: -1, output: output[1]))
        let goesOn = server.receive(body: Array(body.utf8))
        #expect(goesOn)
        close(output[1])
        var reader = JSONRPCChannel(input: output[0], output: -1)
        guard case .message(let reply) = reader.read() else {
            Issue.record("expected an answer")
            return
        }
        #expect(String(decoding: reply, as: UTF8.self).hasPrefix(answer))
        guard case .end = reader.read() else {
            Issue.record("expected one answer only")
            return
        }
    }
}
