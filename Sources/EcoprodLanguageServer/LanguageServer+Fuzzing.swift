import EcoprodFramework

@_spi(Fuzzing)
extension LanguageServer {
    /// The requests a fuzzed sequence sends.
    static let fuzzedMethods = [
        "textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion",
        "textDocument/codeAction", "textDocument/prepareRename", "textDocument/rename", "textDocument/documentSymbol",
    ]

    /// Drives the server with a fuzzer's bytes: an open, then a sequence of ranged and whole
    /// edits, raw messages and requests at random positions, each chosen by the next byte. The
    /// language-server fuzzer and its corpus's replay in `swift test` both run it, step for step.
    public mutating func receive(fuzzing input: ArraySlice<UInt8>, uri: String) {
        var bytes = input
        var version = 1
        func next() -> Int { bytes.isEmpty ? 0 : Int(bytes.removeFirst()) }
        func text(_ count: Int) -> String {
            let taken = bytes.prefix(count)
            bytes = bytes.dropFirst(count)
            return String(decoding: taken, as: UTF8.self)
        }
        func position() -> JSONValue { ["line": .integer(next() % 200), "character": .integer(next())] }
        receive(["jsonrpc": "2.0", "id": 0, "method": "initialize", "params": ["capabilities": [:]]])
        receive([
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
                receive([
                    "jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": [
                        "textDocument": ["uri": .string(uri), "version": .integer(version)],
                        "contentChanges": [
                            ["range": ["start": position(), "end": position()], "text": .string(text(next() % 16))]
                        ],
                    ],
                ])
            case 1:
                if let message = try? JSONParser().parse(Array(text(next()).utf8)) { receive(message) }
            case 2:
                receive([
                    "jsonrpc": "2.0", "id": .integer(version),
                    "method": .string(Self.fuzzedMethods[next() % Self.fuzzedMethods.count]),
                    "params": [
                        "textDocument": ["uri": .string(uri)], "position": position(),
                        "newName": .string(text(next() % 4)),
                        "range": ["start": position(), "end": position()],
                        "context": ["includeDeclaration": true, "diagnostics": []],
                    ],
                ])
            default:
                receive([
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
