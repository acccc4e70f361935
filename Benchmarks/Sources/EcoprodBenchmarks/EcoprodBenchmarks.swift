import EcoprodCompiler
import EcoprodFramework
import EcoprodReports
import Foundation
import StrictYAML

/// Times each phase of the compiler and the scorer against its floor, prints a table.
///
/// Floors: libyaml's event loop alone over the same YAML bytes (no tree), and Foundation's
/// `JSONSerialization` over the same JSONL lines. Ratios are measured in the same run.
@main
struct EcoprodBenchmarks {
    static func main() throws {
        let arguments = CommandLine.arguments
        if let index = arguments.firstIndex(of: "--diff-once"), index + 1 < arguments.count,
            let size = Int(arguments[index + 1])
        {
            try diffOnce(size: size)
            return
        }
        if let index = arguments.firstIndex(of: "--grid-once"), index + 1 < arguments.count,
            let size = Int(arguments[index + 1])
        {
            let runs = index + 2 < arguments.count ? Int(arguments[index + 2]) ?? 200 : 200
            try gridOnce(size: size, runs: runs)
            return
        }
        if arguments.contains("--lsp") {
            // --lsp: the language server's edit latency and memory (README "Editor latency");
            // --edits N changes the number of successive edits per size (default 1,000).
            let edits =
                arguments.firstIndex(of: "--edits").flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil }
                ?? 1_000
            try LanguageServerBenchmarks.run(sizes: [80, 10_000], edits: edits)
            return
        }
        // --quick: sizes up to 10,000 and 10,000 answer sets. --sizes 1000,100000 picks sizes;
        // --no-answers skips the JSONL phases.
        let quick = arguments.contains("--quick")
        var sizes = quick ? [80, 1_000, 10_000] : [80, 1_000, 10_000, 100_000]
        if let index = arguments.firstIndex(of: "--sizes"), index + 1 < arguments.count {
            sizes = arguments[index + 1].split(separator: ",").compactMap { Int($0) }
        }
        let lineCounts = arguments.contains("--no-answers") ? [] : (quick ? [1_000, 10_000] : [1_000, 100_000])
        let work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ecoprod-bench")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let binary = try ecoprodBinary()
        var rows: [Row] = []
        var checkTimes: [Int: Double] = [:]
        var diffTimes: [Int: Double] = [:]
        var buildTimes: [Int: Double] = [:]
        var pageTimes: [Int: Double] = [:]
        var csvTimes: [Int: Double] = [:]
        var gridRenderTimes: [Int: Double] = [:]
        var gridImportTimes: [Int: Double] = [:]
        var compiledPairs: [Int: (FrameworkBundle, Framework)] = [:]
        for size in sizes {
            log("generating \(size) criteria")
            var synthetic = SyntheticFramework(criteria: size, seed: 42)
            let (old, new) = synthetic.versions()
            let bytes = old.allFiles.reduce(0) { $0 + $1.bytes.count }
            let runs = size >= 100_000 ? 3 : (size >= 10_000 ? 5 : 9)
            let floor = Measurement.median(runs: runs) {
                for file in old.allFiles { file.bytes.withUnsafeBytes { _ = YAMLReader.countEvents(in: $0) } }
            }
            let tree = Measurement.median(runs: runs) {
                let reader = YAMLReader()
                for file in old.allFiles { _ = reader.read(file.bytes, file: file.path) }
            }
            let oneCore = Measurement.median(runs: runs) {
                _ = FrameworkCompiler(options: .init(readsInParallel: false)).compile(old)
            }
            var framework: Framework?
            let check = Measurement.median(runs: runs) { framework = FrameworkCompiler().compile(old).framework }
            guard let compiled = framework else {
                throw BenchmarkError(
                    "synthetic \(size) does not compile: \(FrameworkCompiler().compile(old).diagnostics.prefix(3))")
            }
            var bundleBytes: [UInt8] = []
            let encode = Measurement.median(runs: runs) {
                bundleBytes = FrameworkBundle(framework: compiled).fileBytes()
            }
            let bundle = FrameworkBundle(framework: compiled)
            let history = ReleaseHistory(releases: [.init(file: "old", bundle: bundle)])
            let newResult = FrameworkCompiler(options: .init(history: history)).compile(new)
            guard let next = newResult.framework else {
                throw BenchmarkError("next version of \(size) does not compile: \(newResult.diagnostics.prefix(3))")
            }
            var changes = 0
            let diff = Measurement.median(runs: runs) {
                changes = FrameworkDiff(from: compiled, to: next).changes.count
            }
            var pageBytes = 0
            let page = Measurement.median(runs: runs) { pageBytes = FrameworkPageRenderer().render(bundle).utf8.count }
            var csvBytes = 0
            let csv = Measurement.median(runs: runs) { csvBytes = FrameworkCSVRenderer().render(bundle).utf8.count }
            pageTimes[size] = page
            csvTimes[size] = csv
            compiledPairs[size] = (bundle, next)
            checkTimes[size] = check
            diffTimes[size] = diff
            buildTimes[size] = check + encode
            let megabytes = Double(bytes) / 1_048_576
            func throughput(_ seconds: Double) -> String { String(format: "%.1f MB/s", megabytes / seconds) }
            func ratio(_ seconds: Double) -> String { String(format: "%.2f×", seconds / floor) }
            let folder = work.appendingPathComponent("synthetic-\(size)")
            try old.write(to: folder)
            let label = "\(size.formatted()) criteria (\(String(format: "%.1f", megabytes)) MB)"
            rows.append(
                Row(
                    phase: "floor: libyaml events", size: label, seconds: floor, throughput: throughput(floor),
                    ratio: "1.00×"))
            rows.append(
                Row(
                    phase: "StrictYAML tree (one core)", size: label, seconds: tree, throughput: throughput(tree),
                    ratio: ratio(tree)))
            rows.append(
                Row(
                    phase: "typed model + validation (one core)", size: label, seconds: oneCore - tree, throughput: "",
                    ratio: ratio(oneCore - tree)))
            rows.append(
                Row(
                    phase: "check, one core", size: label, seconds: oneCore, throughput: throughput(oneCore),
                    ratio: ratio(oneCore)))
            rows.append(
                Row(
                    phase: "**check** (files read on every core)", size: label, seconds: check,
                    throughput: throughput(check), ratio: ratio(check),
                    exponent: exponentText(checkTimes, size, sizes), rss: rss(binary, ["check", "."], in: folder)))
            rows.append(
                Row(
                    phase: "bundle encoding + JCS + SHA-256", size: label, seconds: encode,
                    throughput: String(format: "%.1f MB/s", Double(bundleBytes.count) / 1_048_576 / encode),
                    ratio: ratio(encode)))
            rows.append(
                Row(
                    phase: "**build** (check + encoding)", size: label, seconds: check + encode,
                    throughput: throughput(check + encode), ratio: ratio(check + encode),
                    exponent: exponentText(buildTimes, size, sizes),
                    rss: rss(
                        binary,
                        ["build", ".", "--output", work.appendingPathComponent("b-\(size).json").path, "--force"],
                        in: folder)))
            rows.append(
                Row(
                    phase: "render html (bilingual page)", size: label, seconds: page,
                    throughput: String(format: "%.1f MB/s", Double(pageBytes) / 1_048_576 / page), ratio: ratio(page),
                    exponent: exponentText(pageTimes, size, sizes)))
            rows.append(
                Row(
                    phase: "render csv", size: label, seconds: csv,
                    throughput: String(format: "%.1f MB/s", Double(csvBytes) / 1_048_576 / csv), ratio: ratio(csv),
                    exponent: exponentText(csvTimes, size, sizes)))
            rows.append(
                Row(
                    phase: "diff v1 → v2 (\(changes) changes)", size: label, seconds: diff,
                    throughput: String(format: "%.0f criteria/ms", Double(size) / diff / 1000), ratio: "",
                    exponent: exponentText(diffTimes, size, sizes)))
            if !arguments.contains("--no-grid") {
                log("grid at \(size) criteria")
                rows += try gridRows(
                    bundle, size: size, label: label, runs: min(runs, 5), renderTimes: &gridRenderTimes,
                    importTimes: &gridImportTimes, sizes: sizes)
            }
        }
        rows += try answerRows(binary: binary, work: work, lineCounts: lineCounts)
        print("\n## Benchmark results\n")
        print("Machine: \(machineDescription())\n")
        print(rows.markdown)
        print(
            "Exponents are log-log slopes from the previous size; × floor is the phase's time over the floor of the same size (libyaml events for YAML phases, JSONSerialization for JSONL phases)."
        )
    }

    /// Generates, compiles and diffs one size once: for instruction counts under callgrind
    /// (`--toggle-collect='*FrameworkDiffV4from*'`), which are stable where wall time is not.
    static func diffOnce(size: Int) throws {
        var synthetic = SyntheticFramework(criteria: size, seed: 42)
        let (old, new) = synthetic.versions()
        guard let compiled = FrameworkCompiler().compile(old).framework else {
            throw BenchmarkError("does not compile")
        }
        let history = ReleaseHistory(releases: [.init(file: "old", bundle: FrameworkBundle(framework: compiled))])
        guard let next = FrameworkCompiler(options: .init(history: history)).compile(new).framework else {
            throw BenchmarkError("next does not compile")
        }
        print("\(FrameworkDiff(from: compiled, to: next).changes.count) changes")
    }

    static func exponentText(_ times: [Int: Double], _ size: Int, _ sizes: [Int]) -> String {
        guard let index = sizes.firstIndex(of: size), index > 0, let previous = times[sizes[index - 1]],
            let current = times[size]
        else { return "" }
        return String(format: "%.2f", Measurement.exponent(previous, sizes[index - 1], current, size))
    }

    static func rss(_ binary: String, _ arguments: [String], in folder: URL) -> String {
        Measurement.peakRSS(binary, arguments + ["--max-nodes", "100000000"], workingDirectory: folder).map {
            String(format: "%.1f MB", Double($0) / 1024)
        } ?? "?"
    }

    static func log(_ text: String) {
        FileHandle.standardError.write(Data("bench: \(text)\n".utf8))
    }

    static func machineDescription() -> String {
        let cpu =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n").first {
                $0.hasPrefix("model name")
            }?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return
            "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB, \(ProcessInfo.processInfo.operatingSystemVersionString)"
    }

    /// The release build of `ecoprod` in the parent package, built if missing.
    static func ecoprodBinary() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let binary = root.appendingPathComponent(".build/release/ecoprod").path
        if !FileManager.default.isExecutableFile(atPath: binary) {
            log("building the release ecoprod binary for whole-command measurements")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "swift", "build", "-c", "release", "--product", "ecoprod", "--package-path", root.path,
            ]
            try process.run()
            process.waitUntilExit()
        }
        return binary
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
