// libFuzzer entry point for the trust parsers: armored SSHSIG signatures and allowed-signers files.
// Built by Fuzz/run.sh. Any bytes must parse or be refused with a place: never a crash, a hang,
// an out-of-bounds read or an unbounded allocation from a declared length.
import EcoprodFramework
import Foundation
import FuzzDriver

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

@_cdecl("SignatureFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzSignatures(data, size) }
}
