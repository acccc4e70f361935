// libFuzzer entry point for the audit's and the register's readers: plans, certificates,
// findings, register entries, checkpoints, signed notes, inclusion proofs and entry bundles.
// Built by Fuzz/run.sh. The first byte picks the reader (TrustDocumentFuzzing.Reader).
@_spi(Fuzzing) import EcoprodFramework
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocuments(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = TrustDocumentFuzzing.interpret(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_cdecl("DocumentsFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzDocuments(data, size) }
}
