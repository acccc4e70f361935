import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import Foundation
import TestSupport
import Testing

@testable import EcoprodLanguageServer

/// The language server's document model, without a client: edits applied at the positions the
/// protocol means. (The framing's tests are EcoprodLSPTests'.)
struct LanguageServerTests {
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
        try Self.expectAnswer(answer, to: body, initialized: true)
    }

    /// Before `initialize`, and for an id no answer can carry.
    @Test(arguments: [
        (
            #"{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x"},"position":{"line":0,"character":0}}}"#,
            #"{"error":{"code":-32002,"message":"the server is not initialized"},"id":5,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":6,"method":"shutdown"}"#,
            #"{"error":{"code":-32002,"message":"the server is not initialized"},"id":6,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":1e400,"method":"initialize"}"#,
            #"{"error":{"code":-32600,"message":"the id is neither an integer nor a string"},"id":null,"jsonrpc":"2.0"}"#
        ),
        (
            #"{"jsonrpc":"2.0","id":[1],"method":"textDocument/hover"}"#,
            #"{"error":{"code":-32600,"message":"the id is neither an integer nor a string"},"id":null,"jsonrpc":"2.0"}"#
        ),
    ])
    func aServerNotInitializedRefusesRequests(_ body: String, _ answer: String) throws {
        try Self.expectAnswer(answer, to: body, initialized: false)
    }

    static func expectAnswer(_ answer: String, to body: String, initialized: Bool) throws {
        var output: [Int32] = [0, 0]
        pipe(&output)
        defer { close(output[0]) }
        var server = LanguageServer(
            framework: packageRoot.appendingPathComponent("Framework"),
            channel: JSONRPCChannel(input: -1, output: output[1]))
        server.initialized = initialized
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

/// Open documents are held within the limit files are read within: 60 edits of a megabyte once
/// took the server past 600 MB.
@Suite struct OpenDocumentLimitTests {
    static func message(_ method: String, _ params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }

    @Test func aDocumentPastTheLimitIsNotHeld() throws {
        var output: [Int32] = [0, 0]
        pipe(&output)
        defer {
            close(output[0])
            close(output[1])
        }
        var server = LanguageServer(
            framework: packageRoot.appendingPathComponent("Framework"),
            channel: JSONRPCChannel(input: -1, output: output[1]), limits: .init(maxFileBytes: 1024))
        server.initialized = true
        let uri = packageRoot.appendingPathComponent("Framework/departments/Z-extra.yaml").absoluteString
        let big = String(repeating: "# x\n", count: 300)
        server.receive(
            Self.message(
                "textDocument/didOpen",
                ["textDocument": ["uri": .string(uri), "languageId": "yaml", "version": 1, "text": .string(big)]]))
        #expect(server.documents[uri] == nil, "a 1,200-byte document over a 1,024-byte limit was held")
        server.receive(
            Self.message(
                "textDocument/didOpen",
                ["textDocument": ["uri": .string(uri), "languageId": "yaml", "version": 1, "text": "# small\n"]]))
        #expect(server.documents[uri] != nil)
        server.receive(
            Self.message(
                "textDocument/didChange",
                [
                    "textDocument": ["uri": .string(uri), "version": 2],
                    "contentChanges": [["text": .string(big)]],
                ]))
        #expect(server.documents[uri] == nil, "an edit past the limit left the document held")
    }
}

/// The outline of a department file, whatever its line breaks: with CRLF, the selection of each
/// criterion's ID sits on its own line and column, as with LF.
@Suite struct DocumentSymbolLineBreakTests {
    @Test(arguments: ["\n", "\r\n"])
    func eachCriterionIsOutlinedAtItsID(_ lineBreak: String) throws {
        var output: [Int32] = [0, 0]
        pipe(&output)
        defer {
            close(output[0])
            close(output[1])
        }
        var server = LanguageServer(
            framework: packageRoot.appendingPathComponent("Framework"),
            channel: JSONRPCChannel(input: -1, output: output[1]))
        server.initialized = true
        let uri = packageRoot.appendingPathComponent("Framework/departments/Z-extra.yaml").absoluteString
        let text = ["department: Z", "criteria:", "  - id: Z1", "    title: {fr: a, en: a}", "  - id: Z2", ""]
            .joined(separator: lineBreak)
        server.receive([
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": [
                "textDocument": ["uri": .string(uri), "languageId": "yaml", "version": 1, "text": .string(text)]
            ],
        ])
        let symbols = server.documentSymbols(
            try JSONDecoder().decode(
                LSP.DocumentSymbolParams.self, from: Data(#"{"textDocument":{"uri":"\#(uri)"}}"#.utf8)))
        #expect(symbols.map(\.name) == ["Z1", "Z2"])
        #expect(symbols.map(\.selectionRange.start.line) == [2, 4])
        #expect(symbols.map(\.selectionRange.start.character) == [8, 8])
    }
}
