import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// Peak resident memory of one `ecoprod` run, from `/usr/bin/time`, in KiB.
private func peakMemory(_ arguments: [String], in folder: URL) throws -> (
    status: Int32, kilobytes: Int, stderr: String, stdout: [UInt8]
) {
    let outcome = try ChildProcess(
        "/usr/bin/time", ["-f", "PEAK %M", ecoprodBinary().path] + arguments, in: folder.path
    ).run()
    #expect(!outcome.timedOut, "`ecoprod \(arguments.joined(separator: " "))` was still running after 300 s")
    let text = String(decoding: outcome.stderr, as: UTF8.self)
    let peak = text.split(separator: "\n").last { $0.hasPrefix("PEAK ") }.flatMap { Int($0.dropFirst(5)) } ?? -1
    return (outcome.status, peak, text, outcome.stdout)
}

/// Each limit fed just over its value: a clear diagnostic, no crash, and bounded memory.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"))
struct LimitTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var content: @Sendable () -> String
        var flag: [String]
        var code: String
        /// Peak RSS allowed: well below what reading or expanding the input would take.
        var maxKilobytes = 64 * 1024
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(
            name: "a 64 MiB file over a 16 MiB limit", content: { "a: " + String(repeating: "x", count: 64 << 20) },
            flag: [], code: "Y109"),
        .init(
            name: "file size just over --max-file-bytes", content: { "a: 12345678\n" },
            flag: ["--max-file-bytes", "11"], code: "Y109"),
        .init(
            name: "depth just over --max-depth", content: { "a: [[[[1]]]]\n" }, flag: ["--max-depth", "4"], code: "Y108"
        ),
        .init(
            name: "100,000 nested brackets", content: { String(repeating: "[", count: 100_000) }, flag: [], code: "Y108"
        ),
        .init(
            name: "nodes just over --max-nodes",
            content: { "[" + (0..<1000).map(String.init).joined(separator: ", ") + "]\n" },
            flag: ["--max-nodes", "1000"], code: "Y110"),
        .init(
            name: "scalar just over --max-scalar-bytes", content: { "a: " + String(repeating: "é", count: 32) + "\n" },
            flag: ["--max-scalar-bytes", "63"], code: "Y111"),
        .init(
            name: "a 1,000,000-node list within the limits",
            content: { "[" + String(repeating: "1, ", count: 1_000_000) + "1]\n" }, flag: [], code: "S203",
            maxKilobytes: 256 * 1024),
    ]

    @Test(arguments: cases)
    func limitIsReportedWithinBoundedMemory(_ limit: Case) throws {
        let folder = try copyOfFramework()
        let file = folder.appendingPathComponent("Framework/departments/Z-hostile.yaml")
        try Data(limit.content().utf8).write(to: file)
        // One run gives both the peak memory and the diagnostics (each run of the larger cases
        // is the suite's longest wait).
        let result = try peakMemory(["check", "--format", "json"] + limit.flag, in: folder)
        #expect(result.status == 1, "\(result.stderr.prefix(500))")
        let codes = (try JSONParser().parse(result.stdout)["diagnostics"]?.arrayValue ?? []).compactMap {
            $0["code"]?.stringValue
        }
        #expect(codes.contains(limit.code), "\(codes)")
        #expect(result.kilobytes > 0 && result.kilobytes < limit.maxKilobytes, "peak RSS \(result.kilobytes) KiB")
    }
}
