// libFuzzer entry point for the language server: random message sequences and random edits.
// Built by Fuzz/run.sh. Whatever arrives, the server answers or ignores it: never a crash, a hang
// or an edit applied outside the document.
import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import EcoprodLanguageServer
import Foundation
import FuzzDriver

/// A copy of the shipped framework, made once, that the server reads from disk.
private let folder: URL = {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "../../../Framework"
    ).standardizedFileURL
    let copy = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
        "ecoprod-lsp-fuzz-\(getpid())/Framework")
    try? FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? FileManager.default.copyItem(at: source, to: copy)
    return copy
}()

private let sink = open("/dev/null", O_WRONLY)
private let uri = folder.appendingPathComponent("departments/A-production.yaml").absoluteString
private let methods = [
    "textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion",
    "textDocument/codeAction", "textDocument/prepareRename", "textDocument/rename", "textDocument/documentSymbol",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLanguageServer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))[...]
    var server = LanguageServer(framework: folder, channel: JSONRPCChannel(input: -1, output: sink))
    server.receive(["jsonrpc": "2.0", "id": 0, "method": "initialize", "params": ["capabilities": [:]]])
    var version = 1
    func next() -> Int { bytes.isEmpty ? 0 : Int(bytes.removeFirst()) }
    func text(_ count: Int) -> String {
        let taken = bytes.prefix(count)
        bytes = bytes.dropFirst(count)
        return String(decoding: taken, as: UTF8.self)
    }
    func position() -> JSONValue { ["line": .integer(next() % 200), "character": .integer(next())] }
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
            let raw = Array(text(next()).utf8)
            if let message = try? JSONParser().parse(raw) { server.receive(message) }
        case 2:
            let method = methods[next() % methods.count]
            server.receive([
                "jsonrpc": "2.0", "id": .integer(version), "method": .string(method),
                "params": [
                    "textDocument": ["uri": .string(uri)], "position": position(), "newName": .string(text(next() % 4)),
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
    return 0
}

@_cdecl("LanguageServerFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzLanguageServer(data, size) }
}
