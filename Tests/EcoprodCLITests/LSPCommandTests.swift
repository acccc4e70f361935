import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// `ecoprod lsp` through the real binary: the protocol's lifecycle, and stdout carrying nothing
/// but framed protocol messages whatever arrives on stdin.
@Suite struct LSPCommandTests {
    static func frame(_ body: String) -> [UInt8] { Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }

    /// The messages on stdout; fails the test on anything that is not a frame.
    static func messages(_ bytes: [UInt8]) -> [JSONValue] {
        var found: [JSONValue] = []
        var rest = bytes[...]
        while !rest.isEmpty {
            guard let header = String(decoding: rest, as: UTF8.self).range(of: "\r\n\r\n"),
                let length = Int(
                    String(decoding: rest, as: UTF8.self)[..<header.lowerBound].replacingOccurrences(
                        of: "Content-Length: ", with: ""))
            else {
                Issue.record(
                    "stdout holds something other than a frame: \(String(decoding: rest.prefix(80), as: UTF8.self))")
                return found
            }
            let start = rest.startIndex + String(decoding: rest, as: UTF8.self)[..<header.upperBound].utf8.count
            found.append((try? JSONParser().parse(Array(rest[start..<(start + length)]))) ?? .null)
            rest = rest[(start + length)...]
        }
        return found
    }

    static let initialize = frame(
        #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-32","utf-16"]}}}}"#
    )

    /// The review's loop: one header line over the limit, then a valid message, then the end of
    /// input. The server answers the line with one error, the message as usual, and exits,
    /// instead of writing errors for ever.
    @Test(arguments: [8193, 100_000])
    func anOverlongHeaderLineGetsOneErrorAndTheServerExits(_ length: Int) throws {
        let input = [UInt8](repeating: 0x58, count: length) + Array("\r\n".utf8) + Self.initialize
        let result = try runEcoprod(["lsp"], stdin: input, deadline: 30)
        #expect(result.status == 1, "no shutdown came, so the protocol's exit status is 1")
        let answers = Self.messages(result.stdoutBytes)
        #expect(answers.count == 2, "\(answers.count) messages")
        #expect(answers.first?["error"]?["code"] == -32700)
        #expect(answers.last?["id"] == 1 && answers.last?["result"] != nil)
    }

    @Test func shutdownThenExitEndsWithZero() throws {
        let input =
            Self.initialize + Self.frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
            + Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let result = try runEcoprod(["lsp"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let messages = Self.messages(result.stdoutBytes)
        #expect(messages.first?["result"]?["capabilities"]?["positionEncoding"] == "utf-32")
        #expect(messages.last?["id"] == 2)
        #expect(messages.last?["result"] == .null)
    }

    @Test func aClientThatCanWatchFilesIsAskedToWatchTheFramework() throws {
        let input =
            Self.frame(
                #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}}}"#
            )
            + Self.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
            + Self.frame(#"{"jsonrpc":"2.0","id":"ecoprod-watch-framework","result":null}"#)
            + Self.frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
            + Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let result = try runEcoprod(["lsp"], stdin: input)
        #expect(result.status == 0)
        let registration = Self.messages(result.stdoutBytes).first { $0["method"] == "client/registerCapability" }
        let watchers =
            registration?["params"]?["registrations"]?.arrayValue?.first?["registerOptions"]?["watchers"]?.arrayValue
            ?? []
        #expect(
            watchers.compactMap { $0["globPattern"]?.stringValue }.contains {
                $0.hasSuffix("Framework/**/*.{yaml,yml}")
            })
        // The client's answer to the registration is a response, not a request: nothing is sent back for it.
        #expect(Self.messages(result.stdoutBytes).filter { $0["error"] != nil }.isEmpty)
    }

    @Test func exitWithoutShutdownEndsWithOne() throws {
        let result = try runEcoprod(["lsp"], stdin: Self.initialize + Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#))
        #expect(result.status == 1)
    }

    @Test func malformedInputIsAnsweredWithJSONRPCErrorsAndTheServerGoesOn() throws {
        let input =
            Self.initialize
            + Self.frame("{not json")
            + Self.frame("[1, 2]")
            + Self.frame(#"{"jsonrpc":"2.0","id":7,"method":"ecoprod/unknown"}"#)
            + Self.frame(#"{"jsonrpc":"2.0","id":8,"method":"shutdown"}"#)
            + Self.frame(#"{"jsonrpc":"2.0","id":9,"method":"textDocument/documentSymbol","params":{}}"#)
            + Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let result = try runEcoprod(["lsp"], stdin: input)
        #expect(result.status == 0)
        let errors = Self.messages(result.stdoutBytes).compactMap { message in
            message["error"].map { (message["id"], $0["code"]?.integerValue) }
        }
        #expect(errors.map(\.1) == [-32700, -32600, -32601, -32600])
        #expect(errors.map(\.0) == [.null, .null, 7, 9])
        #expect(result.stderr.contains("refused a message"))
    }
}
