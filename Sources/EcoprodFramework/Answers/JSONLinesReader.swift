import Foundation

/// Reads a JSONL stream one line at a time, in fixed-size chunks, so memory stays flat however
/// many lines come. Blank lines are skipped; line numbers count every line, 1-based.
public struct JSONLinesReader: Sendable {
    private let handle: FileHandle
    private let chunkSize: Int

    public init(handle: FileHandle, chunkSize: Int = 1 << 16) {
        self.handle = handle
        self.chunkSize = chunkSize
    }

    /// Calls `body` with each non-blank line's number and bytes (without the line break).
    public func forEachLine(_ body: (_ number: Int, _ bytes: [UInt8]) throws -> Void) rethrows {
        var pending: [UInt8] = []
        var number = 0
        while true {
            // Scanned as plain bytes: indexing `Data` byte by byte pays an exclusivity check on
            // its storage for every byte (it was a tenth of `migrate --jsonl`).
            let chunk = [UInt8](handle.readData(ofLength: chunkSize))
            if chunk.isEmpty { break }
            var start = 0
            while let newline = chunk[start...].firstIndex(of: 0x0A) {
                pending.append(contentsOf: chunk[start..<newline])
                number += 1
                try emit(&pending, number, body)
                start = newline + 1
            }
            pending.append(contentsOf: chunk[start...])
        }
        if !pending.isEmpty {
            number += 1
            try emit(&pending, number, body)
        }
    }

    private func emit(_ line: inout [UInt8], _ number: Int, _ body: (Int, [UInt8]) throws -> Void) rethrows {
        if line.last == 0x0D { line.removeLast() }
        if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { try body(number, line) }
        line.removeAll(keepingCapacity: true)
    }
}
