// libFuzzer entry point for the trust parsers: armored SSHSIG signatures and allowed-signers files.
// Built by Fuzz/run.sh. Any bytes must parse or be refused with a place: never a crash, a hang,
// an out-of-bounds read or an unbounded allocation from a declared length.
import EcoprodFramework
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSignatures(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The first byte picks the parser, so one corpus covers both.
    guard let selector = bytes.first else { return 0 }
    let input = Array(bytes.dropFirst())
    if selector & 1 == 0 {
        do {
            let signature = try SSHSignature(armored: input)
            _ = signature.isValid(for: input)
            _ = signature.publicKey.fingerprint
        } catch {
            precondition(error.line >= 1, "a refused signature names its line")
        }
    } else {
        let signers = AllowedSigners(text: String(decoding: input, as: UTF8.self))
        for problem in signers.problems {
            precondition(problem.line >= 1 && problem.column >= 1, "a problem has a place")
        }
        for entry in signers.entries {
            _ = entry.allows(namespace: "ecoprod-bundle")
            _ = entry.key.fingerprint
        }
    }
    return 0
}

/// libFuzzer's driver, started from the entry point SwiftPM expects of an executable target.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("SignatureFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzSignatures(data, size) }
}
