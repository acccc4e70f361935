import Foundation

/// Reads a JSONL stream one line at a time, in fixed-size chunks, so memory stays flat however
/// many lines come. Line numbers count every line, 1-based, blank ones included.
public struct JSONLinesReader: Sendable {
    /// One line of the stream.
    public enum Line: Sendable, Equatable {
        /// A line's bytes, without its line break (and without a CR before it).
        case text([UInt8])
        /// A line with nothing but spaces and tabs; the batch contract skips it.
        case blank
        /// A line longer than the limit: its bytes were dropped as they came, never held whole.
        case tooLong(bytes: Int)
    }

    private let handle: FileHandle
    private let chunkSize: Int
    /// The longest line kept, in bytes.
    public let maxLineBytes: Int

    public init(handle: FileHandle, chunkSize: Int = 1 << 16, maxLineBytes: Int = .max) {
        self.handle = handle
        self.chunkSize = chunkSize
        self.maxLineBytes = maxLineBytes
    }

    /// Calls `body` with each non-blank line's number and bytes (without the line break).
    /// Overlong lines are passed whole; use ``forEachRecord(_:)`` to bound memory.
    public func forEachLine(_ body: (_ number: Int, _ bytes: [UInt8]) throws -> Void) rethrows {
        try forEachRecord { number, line in
            switch line {
            case .text(let bytes): try body(number, bytes)
            case .blank, .tooLong: break
            }
        }
    }

    /// Calls `body` with every line, blank and overlong ones included, with its number.
    public func forEachRecord(_ body: (_ number: Int, _ line: Line) throws -> Void) rethrows {
        var pending: [UInt8] = []
        var dropped = 0
        var number = 0
        func take(_ bytes: ArraySlice<UInt8>) {
            if dropped > 0 || pending.count + bytes.count > maxLineBytes {
                dropped += pending.count + bytes.count
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(contentsOf: bytes)
            }
        }
        while true {
            // Scanned as plain bytes: indexing `Data` byte by byte pays an exclusivity check on
            // its storage for every byte.
            let chunk = [UInt8](handle.readData(ofLength: chunkSize))
            if chunk.isEmpty { break }
            var start = 0
            while let newline = chunk[start...].firstIndex(of: 0x0A) {
                take(chunk[start..<newline])
                number += 1
                try emit(&pending, &dropped, number, body)
                start = newline + 1
            }
            take(chunk[start...])
        }
        if !pending.isEmpty || dropped > 0 {
            number += 1
            try emit(&pending, &dropped, number, body)
        }
    }

    private func emit(_ line: inout [UInt8], _ dropped: inout Int, _ number: Int, _ body: (Int, Line) throws -> Void)
        rethrows
    {
        defer {
            line.removeAll(keepingCapacity: true)
            dropped = 0
        }
        if dropped > 0 { return try body(number, .tooLong(bytes: dropped)) }
        if line.last == 0x0D { line.removeLast() }
        try body(number, line.contains(where: { $0 != 0x20 && $0 != 0x09 }) ? .text(line) : .blank)
    }
}
