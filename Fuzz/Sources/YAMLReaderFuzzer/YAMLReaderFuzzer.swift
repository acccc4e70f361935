import FuzzDriver
// libFuzzer entry point for the strict YAML reader. Built by Fuzz/run.sh with -sanitize=fuzzer,address.
// Every input must come back as a tree or as problems: never a crash, a hang or a leak.
import StrictYAML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let reader = YAMLReader(
        limits: YAMLLimits(maxFileBytes: 1 << 20, maxDepth: 64, maxNodes: 100_000, maxScalarBytes: 1 << 16))
    let result = reader.read(buffer: UnsafeRawBufferPointer(start: data, count: size), file: "fuzz.yaml")
    for problem in result.problems {
        precondition(
            problem.range.start.line >= 1 && problem.range.start.column >= 1, "problem without a 1-based position")
    }
    if let root = result.root {
        precondition(root.range.start.line >= 1, "node without a 1-based position")
    }
    return 0
}

@_cdecl("YAMLReaderFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzYAMLReader(data, size) }
}
