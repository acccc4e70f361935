import EcoprodReports
import Foundation
import TestSupport
import Testing

@testable import EcoprodFramework
@testable import EcoprodGrid

/// The parts of a workbook, in package order, to edit and repackage.
struct GridParts {
    var parts: [(path: String, bytes: [UInt8])]

    init(_ workbook: [UInt8]) throws {
        var package = try WorkbookPackage(workbook, limits: .default)
        parts = try package.directory.entries.map { entry in (entry.path, try package.bytes(of: entry.path)) }
    }

    /// The text of a part.
    func text(_ path: String) -> String {
        String(decoding: parts.first { $0.path == path }?.bytes ?? [], as: UTF8.self)
    }

    /// Replaces `find` (which must occur) in a part.
    mutating func replace(
        _ find: String, with replacement: String, in path: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let text = text(path)
        #expect(text.contains(find), "'\(find)' not in \(path)", sourceLocation: sourceLocation)
        set(path, text.replacingOccurrences(of: find, with: replacement))
    }

    mutating func set(_ path: String, _ text: String) {
        set(path, Array(text.utf8))
    }

    mutating func set(_ path: String, _ bytes: [UInt8]) {
        if let index = parts.firstIndex(where: { $0.path == path }) {
            parts[index].bytes = bytes
        } else {
            parts.append((path, bytes))
        }
    }

    mutating func remove(_ path: String) {
        parts.removeAll { $0.path == path }
    }

    /// The repackaged workbook.
    func package() throws -> [UInt8] {
        var writer = PackageWriter()
        for part in parts { writer.add(part.path, part.bytes) }
        return try writer.package()
    }
}

/// An answer set for a bundle with every kind of value a cell carries: accents, line breaks,
/// several evidence items, members no cell shows, and not-applicable answers where allowed.
func richAnswers(_ bundle: FrameworkBundle, seed: UInt64 = 1) -> AnswerSet {
    var generator = SplitMix(seed: seed)
    var answers: [String: Answer] = [:]
    for criterion in bundle.framework.criteria {
        let statuses: [AnswerStatus?] =
            criterion.mandatory ? [.met, .notMet, nil] : [.met, .notMet, .notApplicable, nil]
        guard let status = statuses[Int(generator.next() % UInt64(statuses.count))] else { continue }
        var fields: [String: JSONValue] = [:]
        if generator.next() % 2 == 0 {
            fields["evidence"] = .array([
                .string("Devis « \(criterion.id) » — été"), .string("Photo n°\(criterion.id) 📷"),
            ])
        }
        if generator.next() % 3 == 0 { fields["note"] = .string("Première ligne\nseconde ligne : à, é, ç, œ") }
        if status == .notApplicable {
            fields["justification"] = .string("Pas de décor construit pour \(criterion.id).")
        }
        if generator.next() % 5 == 0 {
            fields["x-auditor"] = .object(["name": .string("Zoë"), "checked": .bool(true)])
        }
        answers[criterion.id] = Answer(status: status, fields: fields)
    }
    return AnswerSet(
        framework: BundleReference(bundle),
        production: Production(
            title: "Les Jours verts — « été »", type: "series", scheme: "performance", extra: ["budget": .string("B")]),
        answers: answers, extra: ["x-note": .array([.integer(1), .string("deux")])])
}

/// Imports `bytes` against `bundle`, returning the import and the diagnostics.
func importGrid(_ bytes: [UInt8], bundle: FrameworkBundle, limits: GridLimits = .default) -> (GridImport?, [Diagnostic])
{
    var diagnostics = DiagnosticCollector()
    let result = GridImporter(limits: limits).read(
        bytes, file: "grid.xlsx",
        bundle: { id, version in
            id == bundle.framework.identity.id && version == bundle.framework.identity.version ? bundle : nil
        }, into: &diagnostics)
    return (result, diagnostics.diagnostics)
}
