// libFuzzer entry point for the grid importer: whole workbooks, single XML parts repackaged
// into a valid grid, and XML parts alone. Built by Fuzz/run.sh grid. The checks live in
// GridFuzzing.run, which `swift test` also runs over Fuzz/regressions/grid.
@_spi(Fuzzing) import EcoprodReports

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGrid(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let broken = GridFuzzing.run(Array(UnsafeBufferPointer(start: data, count: size))) {
        fatalError(broken)
    }
    return 0
}

/// libFuzzer's driver, started from the entry point SwiftPM expects of an executable target.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("GridFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzGrid(data, size) }
}
