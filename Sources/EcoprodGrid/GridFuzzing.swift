@_spi(Fuzzing) import EcoprodFramework

/// The grid importer's fuzz harness, shared by the libFuzzer target (`Fuzz/run.sh grid`) and
/// the replay of its kept corpus in `swift test`, so both run exactly the same checks.
/// Outside the public API (`@_spi(Fuzzing)`).
@_spi(Fuzzing) public enum GridFuzzing {
    /// One fuzz input. The first byte picks what the rest is: 0, a whole workbook file; 1, the
    /// XML of one part of a valid grid (the second byte picks which), repackaged; 2, an XML
    /// part read alone. Any input must import or be refused with an error, never crash; an
    /// import must write back to a grid that imports to the same answers. Returns the broken
    /// promise, if any: the fuzzer traps on it, the replay records it.
    public static func run(_ data: [UInt8]) -> String? {
        guard let mode = data.first else { return nil }
        let rest = Array(data.dropFirst())
        switch mode % 3 {
        case 0: return check(rest)
        case 1:
            guard let which = rest.first, var parts = try? parts(of: seed) else { return nil }
            let index = Int(which) % parts.count
            parts[index].bytes = Array(rest.dropFirst())
            var writer = PackageWriter()
            for part in parts { writer.add(part.path, part.bytes) }
            guard let workbook = try? writer.package() else {
                return "a package of \(parts.count) parts could not be written"
            }
            return check(workbook)
        default:
            // The same XML read as a tree and as a worksheet's cells: one verdict for both.
            var reader = XMLDocumentReader(maxDepth: GridLimits.default.maxXMLDepth)
            var cells = WorksheetCells(
                sharedStrings: ["shared"],
                sheet: SpreadsheetReader.SheetEntry(name: "Grille", part: "sheet.xml", hidden: false))
            let streamed: XMLDocumentReader.Failure?
            do {
                try reader.read(rest, into: &cells)
                streamed = nil
            } catch {
                streamed = error
            }
            do {
                _ = try reader.read(rest)
            } catch {
                guard error.line >= 1, error.column >= 1 else { return "an XML refusal without a place" }
                return error == streamed ? nil : "the tree read refused what the streaming read did not, or differently"
            }
            return streamed == nil ? nil : "the streaming read refused what the tree read accepted"
        }
    }

    /// The fuzz inputs that start a corpus: the seed grid whole, each of its parts, and the grid sheet alone.
    public static var seeds: [[UInt8]] {
        guard let parts = try? parts(of: seed) else { return [] }
        let sheet = parts.first { $0.path == "xl/worksheets/sheet2.xml" }?.bytes ?? []
        return [[0] + seed] + parts.indices.map { [1, UInt8($0)] + parts[$0].bytes } + [[2] + sheet]
    }

    /// A valid filled grid of the fuzz bundle, whose parts mode 1 replaces.
    public static let seed: [UInt8] = {
        var answers: [String: Answer] = [:]
        for (index, criterion) in bundle.framework.criteria.enumerated() where index % 3 != 2 {
            answers[criterion.id] = Answer(
                status: index % 3 == 0 ? .met : .notMet,
                fields: ["evidence": .array([.string("pièce \(index)")]), "note": .string("é\nà")])
        }
        let set = AnswerSet(
            framework: BundleReference(bundle),
            production: Production(title: "Fuzz", type: "series", scheme: "performance"), answers: answers)
        return (try? GridWriter(locale: "fr").write(bundle, fill: GridWriter.Fill(answers: set))) ?? []
    }()

    private static func check(_ workbook: [UInt8]) -> String? {
        var diagnostics = DiagnosticCollector()
        let importer = GridImporter(
            limits: GridLimits(
                maxFileBytes: 1 << 20, maxEntries: 64, maxUncompressedBytes: 4 << 20, maxCompressionRatio: 200,
                maxXMLDepth: 64))
        guard let imported = importer.read(workbook, file: "fuzz.xlsx", bundle: { _, _ in bundle }, into: &diagnostics)
        else {
            return diagnostics.hasErrors ? nil : "a refused grid must say why"
        }
        if diagnostics.diagnostics.contains(where: { $0.location.file != "fuzz.xlsx" }) {
            return "a diagnostic outside the workbook"
        }
        guard
            let again = try? GridWriter(locale: imported.locale).write(
                bundle, fill: GridWriter.Fill(answers: imported.answers))
        else {
            return "an imported answer set must write back to a grid"
        }
        var second = DiagnosticCollector()
        let reread = importer.read(again, file: "fuzz.xlsx", bundle: { _, _ in bundle }, into: &second)
        return reread?.answers == imported.answers
            ? nil : "a grid written from imported answers imports differently: \(second.diagnostics)"
    }

    private static func parts(of workbook: [UInt8]) throws -> [(path: String, bytes: [UInt8])] {
        var package = try WorkbookPackage(workbook, limits: .default)
        return try package.directory.entries.map { entry in (entry.path, try package.bytes(of: entry.path)) }
    }

    /// The bundle grids are imported against.
    public static var bundle: FrameworkBundle { FuzzBundle.small }
}
