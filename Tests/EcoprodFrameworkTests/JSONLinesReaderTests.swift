import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// The JSONL reader: every line numbered, blank lines reported as such, and lines over the limit
/// dropped as they arrive, at every chunk boundary.
struct JSONLinesReaderTests {
    private func lines(_ text: String, chunk: Int, max: Int) throws -> [String] {
        let url = try temporaryFolder("ecoprod-lines").appendingPathComponent("in.jsonl")
        try Data(text.utf8).write(to: url)
        let handle = try FileHandle(forReadingFrom: url)
        var seen: [String] = []
        JSONLinesReader(handle: handle, chunkSize: chunk, maxLineBytes: max).forEachRecord { number, line in
            switch line {
            case .text(let bytes): seen.append("\(number):\(String(decoding: bytes, as: UTF8.self))")
            case .blank: seen.append("\(number):blank")
            case .tooLong(let length): seen.append("\(number):long \(length)")
            }
        }
        return seen
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func everyChunkSizeGivesTheSameLines(_ chunk: Int) throws {
        let text = "abc\n\n  \r\nlonger line\r\nxy\nend"
        #expect(try lines(text, chunk: chunk, max: 6) == ["1:abc", "2:blank", "3:blank", "4:long 12", "5:xy", "6:end"])
    }

    @Test func aFinalOverlongLineWithoutBreakIsReported() throws {
        #expect(try lines("ok\n0123456789", chunk: 4, max: 5) == ["1:ok", "2:long 10"])
    }
}
