// libFuzzer entry point for the language server's framing (JSONRPCChannel): any bytes on stdin
// are read to their end, one error per malformed frame, never a loop, a hang or a body over the
// limit. Built by Fuzz/run.sh.
@_spi(Fuzzing) import EcoprodLSP
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFraming(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    JSONRPCChannel.readToEnd(fuzzing: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_cdecl("FramingFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzFraming(data, size) }
}
