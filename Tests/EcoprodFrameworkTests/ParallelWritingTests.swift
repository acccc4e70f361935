import TestSupport
import Testing

@testable import EcoprodFramework

/// Large arrays are written on every core: the bytes must be exactly those of one core, at the
/// chunking threshold and around it, nested or not.
struct ParallelWritingTests {
    static func value(items: Int, seed: UInt64) -> JSONValue {
        var generator = SplitMix(seed: seed)
        let texts = ["é", "\"", "\\", "\n", "œuvre", "🎬", "plain", "\u{01}", ""]
        return .object([
            "criteria": .array(
                (0..<items).map { index in
                    .object([
                        "id": .string("C\(index)"),
                        "points": .integer(Int(generator.next() % 10)),
                        "mandatory": .bool(generator.next() % 2 == 0),
                        "title": .object([
                            "fr": .string(texts[Int(generator.next() % 9)]),
                            "en": .string(texts[Int(generator.next() % 9)]),
                        ]),
                        "evidence": .array(
                            (0..<Int(generator.next() % 3)).map { _ in .string(texts[Int(generator.next() % 9)]) }),
                        "nested": .array((0..<(index % 700 == 0 ? 600 : 0)).map { .integer($0) }),
                    ])
                }),
            "format": .string("x"),
            "empty": .array([]),
        ])
    }

    @Test(arguments: [
        0, 1, ParallelChunks.threshold - 1, ParallelChunks.threshold, ParallelChunks.threshold + 1, 5_000,
    ])
    func parallelBytesAreTheSequentialBytes(_ items: Int) {
        let value = Self.value(items: items, seed: UInt64(items) + 7)
        #expect(value.canonicalBytes() == value.canonicalBytes(parallel: false))
        #expect(value.prettyBytes() == value.prettyBytes(parallel: false))
    }

    @Test(arguments: [0, 3, 511, 512, 513, 10_007])
    func chunksCoverEveryItemOnceInOrder(_ count: Int) {
        let ranges = ParallelChunks.chunks(count)
        #expect(ranges.flatMap { Array($0) } == Array(0..<count))
        #expect(ranges.allSatisfy { !$0.isEmpty })
    }

    @Test func parallelMapKeepsTheOrder() {
        let items = Array(0..<10_000)
        #expect(ParallelChunks.map(items) { $0 * 3 } == items.map { $0 * 3 })
    }
}
