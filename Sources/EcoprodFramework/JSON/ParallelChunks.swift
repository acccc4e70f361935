import Foundation

/// Splits large, independent work over every core, keeping the results in order, so the
/// output is byte for byte what one core would produce.
///
/// Used where a bundle's size lives: its criteria (built as JSON values, then written twice,
/// canonical and pretty). Small inputs stay on the calling thread.
enum ParallelChunks {
    /// Below this many items, work stays on one thread: spreading it costs more than it saves.
    static let threshold = 512

    /// `transform` applied to every element, in order; on every core when `items` is large.
    static func map<Element: Sendable, Result: Sendable>(_ items: [Element], _ transform: @Sendable (Element) -> Result)
        -> [Result]
    {
        guard items.count >= threshold else { return items.map(transform) }
        let ranges = chunks(items.count)
        var parts = [[Result]](repeating: [], count: ranges.count)
        parts.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own slot only.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
                slots[index] = items[ranges[index]].map(transform)
            }
        }
        return parts.flatMap { $0 }
    }

    /// The bytes `write` produces for each chunk of `count` items, in order.
    static func bytes(count: Int, _ write: @Sendable (Range<Int>, inout [UInt8]) -> Void) -> [[UInt8]] {
        let ranges = chunks(count)
        var parts = [[UInt8]](repeating: [], count: ranges.count)
        parts.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
                var output: [UInt8] = []
                output.reserveCapacity(1 << 16)
                write(ranges[index], &output)
                slots[index] = output
            }
        }
        return parts
    }

    /// Contiguous ranges covering `0..<count`: a few per core, so uneven chunks even out.
    static func chunks(_ count: Int) -> [Range<Int>] {
        let pieces = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount * 4))
        return (0..<pieces).map { piece in (count * piece / pieces)..<(count * (piece + 1) / pieces) }
    }
}
