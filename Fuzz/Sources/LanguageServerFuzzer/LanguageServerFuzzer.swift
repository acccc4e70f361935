// libFuzzer entry point for the language server: random message sequences and random edits.
// Built by Fuzz/run.sh. Whatever arrives, the server answers or ignores it: never a crash, a hang
// or an edit applied outside the document.
import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
@_spi(Fuzzing) import EcoprodLanguageServer
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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLanguageServer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var server = LanguageServer(framework: folder, channel: JSONRPCChannel(input: -1, output: sink))
    server.receive(fuzzing: Array(UnsafeBufferPointer(start: data, count: size))[...], uri: uri)
    return 0
}

@_cdecl("LanguageServerFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzLanguageServer(data, size) }
}
