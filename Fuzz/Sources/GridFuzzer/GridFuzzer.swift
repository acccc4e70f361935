// libFuzzer entry point for the grid importer: whole workbooks, single XML parts repackaged
// into a valid grid, and XML parts alone. Built by Fuzz/run.sh grid. The checks live in
// GridFuzzing.run, which `swift test` also runs over Fuzz/regressions/grid.
@_spi(Fuzzing) import EcoprodGrid
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGrid(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let broken = GridFuzzing.run(Array(UnsafeBufferPointer(start: data, count: size))) {
        fatalError(broken)
    }
    return 0
}

@_cdecl("GridFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzGrid(data, size) }
}
