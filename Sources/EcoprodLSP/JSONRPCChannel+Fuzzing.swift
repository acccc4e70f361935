import Foundation

@_spi(Fuzzing)
extension JSONRPCChannel {
    /// Reads `bytes` (at most 60,000 of them, under a pipe's buffer) through a pipe until the end
    /// of input, as the server would, and checks what the framing promises: every body within
    /// the limit, and an end reached after at most one read per byte. Returns the reads made.
    /// The framing fuzzer and its corpus's replay in `swift test` both run it.
    @discardableResult
    public static func readToEnd(fuzzing bytes: [UInt8], maxMessageBytes: Int = 1024) -> Int {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return 0 }
        let input = Array(bytes.prefix(60_000))
        input.withUnsafeBytes { _ = Foundation.write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        defer { close(ends[0]) }
        var channel = JSONRPCChannel(input: ends[0], output: -1, maxMessageBytes: maxMessageBytes)
        var reads = 0
        while true {
            reads += 1
            precondition(reads <= input.count + 2, "the channel read past its input without ending")
            switch channel.read() {
            case .message(let body): precondition(body.count <= maxMessageBytes, "a body over the limit was kept")
            case .malformed(let code, _): precondition(code == -32700 || code == -32600, "an unknown error code")
            case .end: return reads
            }
        }
    }
}
