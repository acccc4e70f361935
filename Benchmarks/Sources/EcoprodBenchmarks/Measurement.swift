import Foundation

/// Wall-clock timing: the median of several runs of one phase, in one process.
enum Measurement {
    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The median time of `runs` runs (after one warm-up run when `warmUp`).
    static func median(runs: Int, warmUp: Bool = true, _ body: () -> Void) -> Double {
        if warmUp { body() }
        let times = (0..<runs).map { _ in seconds(body) }.sorted()
        return times[times.count / 2]
    }

    /// The log-log slope between two sizes: 1 is linear, 2 quadratic.
    static func exponent(_ t1: Double, _ n1: Int, _ t2: Double, _ n2: Int) -> Double {
        log(t2 / t1) / log(Double(n2) / Double(n1))
    }

    /// Peak resident memory of a whole command, from `/usr/bin/time -v`, in KiB.
    static func peakRSS(_ executable: String, _ arguments: [String], stdin: String? = nil, workingDirectory: URL)
        -> Int?
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-v", executable] + arguments
        process.currentDirectoryURL = workingDirectory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        if let stdin { process.standardInput = FileHandle(forReadingAtPath: stdin) }
        guard (try? process.run()) != nil else { return nil }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.contains("Maximum resident set size") }) else {
            return nil
        }
        return Int(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces))
    }
}

/// One row of the results table.
struct Row {
    var phase: String
    var size: String
    var seconds: Double
    var throughput: String
    var ratio: String
    var exponent: String = ""
    var rss: String = ""
}

extension Array where Element == Row {
    var markdown: String {
        var text =
            "| Phase | Size | Time | Throughput | × floor | Exponent | Peak RSS |\n|---|---|---:|---:|---:|---:|---:|\n"
        for row in self {
            let time =
                row.seconds < 1 ? String(format: "%.2f ms", row.seconds * 1000) : String(format: "%.2f s", row.seconds)
            text +=
                "| \(row.phase) | \(row.size) | \(time) | \(row.throughput) | \(row.ratio) | \(row.exponent) | \(row.rss) |\n"
        }
        return text
    }
}
