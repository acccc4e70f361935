import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
@_spi(Fuzzing) import EcoprodLanguageServer
import Foundation
import TestSupport
import Testing

/// Replays the language-server fuzzer's corpus (`Fuzz/regressions/lsp`) as the fuzzer runs it
/// (Fuzz/Sources/LanguageServerFuzzer): a random sequence of opens, ranged and whole edits, raw
/// messages and requests, against a copy of the shipped framework. Never a crash.
struct LanguageServerFuzzRegressionTests {
    static let folder = packageRoot.appendingPathComponent("Fuzz/regressions/lsp")

    @Test func everySequenceIsServedWithoutACrash() throws {
        let workspace = try releaseWorkspace(prefix: "ecoprod-lsp-replay").appendingPathComponent("Framework")
        let sink = open("/dev/null", O_WRONLY)
        defer { close(sink) }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(names.count >= 5, "the language-server fuzz corpus is missing")
        for name in names {
            var server = LanguageServer(framework: workspace, channel: JSONRPCChannel(input: -1, output: sink))
            server.receive(
                fuzzing: Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))[...],
                uri: workspace.appendingPathComponent("departments/A-production.yaml").absoluteString)
        }
    }
}
