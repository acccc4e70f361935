import EcoprodCompiler
import EcoprodFramework
import EcoprodGrid
import EcoprodReports
import Foundation
import ZIPFoundation

extension EcoprodBenchmarks {
    /// Writing and importing the grid at one size, against the floor of zipping (deflate) and
    /// unzipping (inflate) the very same parts with ZIPFoundation alone.
    static func gridRows(
        _ bundle: FrameworkBundle, size: Int, label: String, runs: Int, renderTimes: inout [Int: Double],
        importTimes: inout [Int: Double], sizes: [Int]
    ) throws -> [Row] {
        let answers = gridAnswers(bundle)
        let writer = GridWriter(locale: "fr")
        let fill = GridWriter.Fill(answers: answers)
        var grid: [UInt8] = []
        let render = Measurement.median(runs: runs) { grid = (try? writer.write(bundle, fill: fill)) ?? [] }
        let parts = try unzippedParts(grid)
        let zipFloor = Measurement.median(runs: runs) { _ = try? zipped(parts) }
        let unzipFloor = Measurement.median(runs: runs) { _ = try? unzippedParts(grid) }
        let limits = GridLimits(
            maxFileBytes: 1 << 30, maxEntries: 256, maxUncompressedBytes: 1 << 32, maxCompressionRatio: 1_000,
            maxXMLDepth: 64)
        var imported: GridImport?
        let importing = Measurement.median(runs: runs) {
            var diagnostics = DiagnosticCollector()
            imported = GridImporter(limits: limits).read(
                grid, file: "grid.xlsx", bundle: { _, _ in bundle }, into: &diagnostics)
        }
        guard imported?.answers == answers else {
            throw BenchmarkError("the \(size)-criteria grid does not round-trip")
        }
        renderTimes[size] = render
        importTimes[size] = importing
        let unzipped = Double(parts.reduce(0) { $0 + $1.1.count }) / 1_048_576
        let zippedMB = Double(grid.count) / 1_048_576
        return [
            Row(
                phase: "floor: zip the grid's parts (deflate)", size: label, seconds: zipFloor,
                throughput: String(format: "%.1f MB/s", unzipped / zipFloor), ratio: "1.00×"),
            Row(
                phase: "**render xlsx** (grid, filled)", size: label, seconds: render,
                throughput: String(format: "%.1f MB xml, %.1f MB zip", unzipped, zippedMB),
                ratio: String(format: "%.2f×", render / zipFloor), exponent: exponentText(renderTimes, size, sizes)),
            Row(
                phase: "floor: unzip the grid's parts (inflate)", size: label, seconds: unzipFloor,
                throughput: String(format: "%.1f MB/s", unzipped / unzipFloor), ratio: "1.00×"),
            Row(
                phase: "**import xlsx** (checks, XML, answers, policy)", size: label, seconds: importing,
                throughput: String(format: "%.0f criteria/ms", Double(size) / importing / 1000),
                ratio: String(format: "%.2f×", importing / unzipFloor), exponent: exponentText(importTimes, size, sizes)
            ),
        ]
    }

    /// `--grid-once SIZE [RUNS]`: the import of one filled grid, again and again, for a profiler;
    /// prints the median.
    static func gridOnce(size: Int, runs: Int) throws {
        var synthetic = SyntheticFramework(criteria: size, seed: 42)
        guard let framework = FrameworkCompiler().compile(synthetic.versions().0).framework else {
            throw BenchmarkError("does not compile")
        }
        let bundle = FrameworkBundle(framework: framework)
        let grid = try GridWriter(locale: "fr").write(bundle, fill: GridWriter.Fill(answers: gridAnswers(bundle)))
        let importing = Measurement.median(runs: runs) {
            var diagnostics = DiagnosticCollector()
            _ = GridImporter().read(grid, file: "grid.xlsx", bundle: { _, _ in bundle }, into: &diagnostics)
        }
        print(
            String(
                format: "import of a %d-criteria grid (%d bytes): median %.3f ms over %d runs", size, grid.count,
                importing * 1000, runs))
    }

    /// Every criterion answered, with evidence and notes on most, as a production fills a grid.
    private static func gridAnswers(_ bundle: FrameworkBundle) -> AnswerSet {
        var generator = SplitMix(seed: 12)
        var answers: [String: Answer] = [:]
        for criterion in bundle.framework.criteria {
            let status: AnswerStatus = criterion.mandatory || generator.next() % 3 != 0 ? .met : .notMet
            var fields: [String: JSONValue] = [
                "evidence": .array([.string("\(criterion.id)-devis.pdf"), .string("\(criterion.id) photo plateau")])
            ]
            if generator.next() % 2 == 0 { fields["note"] = .string("Vérifié le 12 mars\npar la régie") }
            answers[criterion.id] = Answer(status: status, fields: fields)
        }
        let type = bundle.framework.productionTypes.first?.id ?? "series"
        let scheme = bundle.framework.scoring.schemes.first?.id ?? "performance"
        return AnswerSet(
            framework: BundleReference(bundle), production: Production(title: "Benchmark", type: type, scheme: scheme),
            answers: answers)
    }

    private static func unzippedParts(_ bytes: [UInt8]) throws -> [(String, Data)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, data)
        }
    }

    private static func zipped(_ parts: [(String, Data)]) throws -> Data? {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, data) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data
    }
}
