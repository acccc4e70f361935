import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import EcoprodLanguageServer
import Foundation
import TestSupport
import Testing

/// Replays the language-server fuzzer's corpus (`Fuzz/regressions/lsp`) as the fuzzer runs it
/// (Fuzz/Sources/LanguageServerFuzzer): a random sequence of opens, ranged and whole edits, raw
/// messages and requests, against a copy of the shipped framework. Never a crash.
struct LanguageServerFuzzRegressionTests {
    static let folder = packageRoot.appendingPathComponent("Fuzz/regressions/lsp")
    static let methods = [
        "textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion",
        "textDocument/codeAction", "textDocument/prepareRename", "textDocument/rename", "textDocument/documentSymbol",
    ]

    @Test func everySequenceIsServedWithoutACrash() throws {
        let workspace = try releaseWorkspace(prefix: "ecoprod-lsp-replay").appendingPathComponent("Framework")
        let sink = open("/dev/null", O_WRONLY)
        defer { close(sink) }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(names.count >= 5, "the language-server fuzz corpus is missing")
        for name in names {
            var server = LanguageServer(framework: workspace, channel: JSONRPCChannel(input: -1, output: sink))
            Self.replay(
                Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))[...], on: &server,
                uri: workspace.appendingPathComponent("departments/A-production.yaml").absoluteString)
        }
    }

    /// The fuzzer's interpretation of its bytes, step for step.
    static func replay(_ input: ArraySlice<UInt8>, on server: inout LanguageServer, uri: String) {
        var bytes = input
        var version = 1
        func next() -> Int { bytes.isEmpty ? 0 : Int(bytes.removeFirst()) }
        func text(_ count: Int) -> String {
            let taken = bytes.prefix(count)
            bytes = bytes.dropFirst(count)
            return String(decoding: taken, as: UTF8.self)
        }
        func position() -> JSONValue { ["line": .integer(next() % 200), "character": .integer(next())] }
        server.receive(["jsonrpc": "2.0", "id": 0, "method": "initialize", "params": ["capabilities": [:]]])
        server.receive([
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": [
                "textDocument": [
                    "uri": .string(uri), "languageId": "yaml", "version": 1, "text": .string(text(next() * 8)),
                ]
            ],
        ])
        while !bytes.isEmpty {
            version += 1
            switch next() % 4 {
            case 0:
                server.receive([
                    "jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": [
                        "textDocument": ["uri": .string(uri), "version": .integer(version)],
                        "contentChanges": [
                            ["range": ["start": position(), "end": position()], "text": .string(text(next() % 16))]
                        ],
                    ],
                ])
            case 1:
                if let message = try? JSONParser().parse(Array(text(next()).utf8)) { server.receive(message) }
            case 2:
                server.receive([
                    "jsonrpc": "2.0", "id": .integer(version), "method": .string(methods[next() % methods.count]),
                    "params": [
                        "textDocument": ["uri": .string(uri)], "position": position(),
                        "newName": .string(text(next() % 4)),
                        "range": ["start": position(), "end": position()],
                        "context": ["includeDeclaration": true, "diagnostics": []],
                    ],
                ])
            default:
                server.receive([
                    "jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": [
                        "textDocument": ["uri": .string(uri), "version": .integer(version)],
                        "contentChanges": [["text": .string(text(next() * 4))]],
                    ],
                ])
            }
        }
    }
}
