import EcoprodCompiler
import EcoprodFramework
import EcoprodLSP
import EcoprodLanguageServer
import Foundation

/// `--lsp`: the language server driven in-process. For each size, a synthetic framework is written
/// to a folder, one department file is opened, and each edit (a `didChange` body, as the channel
/// reads it, that alternately breaks and fixes a value) is timed from decoding the body until its
/// diagnostics are published. Memory is read before and
/// after 1,000 successive edits.
enum LanguageServerBenchmarks {
    static func run(sizes: [Int], edits: Int) throws {
        print("| framework | releases beside | edits | median | p95 | max | RSS before → after |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for size in sizes {
            for withRelease in [false, true] {
                try run(size: size, withRelease: withRelease, edits: edits)
            }
        }
    }

    /// One size, with or without the sources' own release in `releases/`: a criteria repository
    /// always has one, and then every compilation also diffs the sources against it (V804).
    private static func run(size: Int, withRelease: Bool, edits: Int) throws {
        do {
            var synthetic = SyntheticFramework(criteria: size, seed: 42)
            let (sources, _) = synthetic.versions()
            let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
                "ecoprod-lsp-bench-\(size)")
            try? FileManager.default.removeItem(at: folder)
            try sources.write(to: folder)
            if withRelease {
                guard let framework = FrameworkCompiler().compile(sources).framework else {
                    throw BenchmarkError("synthetic \(size) does not compile")
                }
                let releases = folder.appendingPathComponent("releases")
                try FileManager.default.createDirectory(at: releases, withIntermediateDirectories: true)
                let name = "\(framework.identity.id)-\(framework.identity.version).json"
                try Data(FrameworkBundle(framework: framework).fileBytes()).write(
                    to: releases.appendingPathComponent(name))
            }
            let output = open("/dev/null", O_WRONLY)
            defer { close(output) }
            var server = LanguageServer(framework: folder, channel: JSONRPCChannel(input: -1, output: output))
            server.receive(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
            server.receive(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
            let file = folder.appendingPathComponent("departments/A.yaml")
            let original = try String(contentsOf: file, encoding: .utf8)
            let broken = original.replacingOccurrences(
                of: "    mandatory: true", with: "    mandatory: yes", options: [],
                range: original.range(of: "    mandatory: true"))
            let uri = file.absoluteString
            server.receive([
                "jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": [
                    "textDocument": [
                        "uri": .string(uri), "languageId": "yaml", "version": 1, "text": .string(original),
                    ]
                ],
            ])
            let before = residentMegabytes()
            var times: [Double] = []
            for edit in 0..<edits {
                let text = edit % 2 == 0 ? broken : original
                // The body as the channel would hand it over: decoding it is part of the edit.
                let body =
                    ([
                        "jsonrpc": "2.0", "method": "textDocument/didChange",
                        "params": [
                            "textDocument": ["uri": .string(uri), "version": .integer(edit + 2)],
                            "contentChanges": [["text": .string(text)]],
                        ],
                    ] as JSONValue).compactBytes()
                let start = DispatchTime.now().uptimeNanoseconds
                server.receive(body: body)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                // The resident set every 250 edits, on stderr: whether it grows or settles.
                if (edit + 1) % 250 == 0 {
                    EcoprodBenchmarks.log(
                        String(format: "%d criteria: RSS after %d edits: %.1f MB", size, edit + 1, residentMegabytes()))
                }
            }
            let after = residentMegabytes()
            let breaking = times.enumerated().filter { $0.offset >= 10 && $0.offset % 2 == 0 }.map(\.element).sorted()
            let fixing = times.enumerated().filter { $0.offset >= 10 && $0.offset % 2 == 1 }.map(\.element).sorted()
            EcoprodBenchmarks.log(
                String(
                    format: "%d criteria: breaking edits median %.2f ms, fixing edits median %.2f ms", size,
                    breaking[breaking.count / 2], fixing[fixing.count / 2]))
            let sorted = times.dropFirst(10).sorted()
            let p95 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
            let releases = withRelease ? "its own release" : "none"
            print(
                String(
                    format: "| %d criteria | \(releases) | %d | %.2f ms | %.2f ms | %.2f ms | %.1f → %.1f MB |",
                    size, edits, sorted[sorted.count / 2], p95, sorted.last ?? 0, before, after))
        }
    }

    /// The resident set size, from /proc/self/statm.
    static func residentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
