import EcoprodFramework
import Foundation
import TestSupport
import Testing

@testable import EcoprodCompiler
@testable import EcoprodReports

/// The spreadsheet: RFC 4180, UTF-8 with a BOM, one row per criterion, and nothing lost on
/// the way back.
struct FrameworkCSVTests {
    @Test func spreadsheetMatchesItsGoldenFile() throws {
        try assertMatchesGolden(FrameworkCSVRenderer().render(try shippedRelease("1.1.0")), named: "framework.csv")
    }

    @Test(arguments: [nil, "fr", "en"] as [String?])
    func everyCriterionComesBackExactly(_ locale: String?) throws {
        let bundle = try shippedRelease("1.1.0")
        let renderer = FrameworkCSVRenderer(locale: locale)
        let bytes = Array(renderer.render(bundle).utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 byte-order mark first, for Excel")
        let records = try RFC4180.parse(String(decoding: bytes.dropFirst(3), as: UTF8.self))
        let framework = bundle.framework
        let locales = locale.map { [$0] } ?? framework.identity.locales
        #expect(records.first == renderer.header(locales: framework.identity.locales))
        #expect(records.count == framework.criteria.count + 1)
        let header = records[0]
        let departments = Dictionary(uniqueKeysWithValues: framework.departments.map { ($0.id, $0.title) })
        for (criterion, record) in zip(framework.criteria, records.dropFirst()) {
            #expect(record.count == header.count)
            let row = Dictionary(uniqueKeysWithValues: zip(header, record))
            #expect(row["id"] == criterion.id)
            #expect(row["department"] == criterion.department)
            #expect(row["points"] == String(criterion.points))
            #expect(row["mandatory"] == (criterion.mandatory ? "true" : "false"))
            #expect(row["stages"]?.components(separatedBy: "; ") == criterion.stages)
            #expect(row["applies_to"]?.components(separatedBy: "; ") == criterion.appliesTo)
            for locale in locales {
                #expect(row["department_title_\(locale)"] == departments[criterion.department]?[locale])
                #expect(row["title_\(locale)"] == criterion.title[locale])
                #expect(row["guidance_\(locale)"] == criterion.guidance[locale])
                #expect(
                    row["evidence_\(locale)"]?.components(separatedBy: "\n")
                        == criterion.evidence.map { $0[locale] ?? "" })
            }
        }
    }

    @Test func recordsEndWithCRLFAndAccentsSurvive() throws {
        let text = FrameworkCSVRenderer().render(try shippedRelease("1.1.0"))
        #expect(text.hasSuffix("\r\n"))
        #expect(text.contains("Référent écoproduction nommé"))
        // Every bare line feed is inside a quoted field (multi-line evidence), never a record end.
        let records = try RFC4180.parse(String(text.dropFirst()))
        #expect(records.count == text.components(separatedBy: "\r\n").count - 1)
    }

    @Test(arguments: [
        ("plain", "plain"), ("", ""), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rlf", "\"cr\rlf\""), ("œuvre « éco » 🎬", "œuvre « éco » 🎬"), ("=SUM(A1)", "=SUM(A1)"),
    ])
    func fieldsAreQuotedOnlyWhereRFC4180SaysSo(_ value: String, _ written: String) throws {
        #expect(FrameworkCSVRenderer.field(value) == written)
        #expect(try RFC4180.parse(FrameworkCSVRenderer.record([value, "x"])) == [[value, "x"]])
    }
}

/// An independent RFC 4180 reader for the round trip (strict: a quote inside an unquoted
/// field, or text after a closing quote, is an error).
enum RFC4180 {
    struct Malformed: Error { var offset: Int }

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "," {
                record.append(field)
                field = ""
                afterQuote = false
            } else if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
                afterQuote = false
                index += 1
            } else if scalar == "\"", field.isEmpty, !afterQuote {
                quoted = true
            } else if scalar == "\"" || afterQuote || scalar == "\n" || scalar == "\r" {
                throw Malformed(offset: index)
            } else {
                field.unicodeScalars.append(scalar)
            }
            index += 1
        }
        if quoted { throw Malformed(offset: index) }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

/// Seeded random fields drawn from the characters that matter to CSV and HTML, plus accents,
/// ligatures, emoji and a stray BOM: every record comes back equal, every escaped text has no
/// markup left and unescapes to itself.
struct ReportEscapingPropertyTests {
    static let alphabet: [String] = [
        ",", "\"", "\r", "\n", "\r\n", ";", " ", "a", "é", "œ", "Œ", "🎬", "\u{FEFF}", "<", ">", "&", "'", "=", "-",
        "\t", "«", "»",
    ]

    static func randomField(_ generator: inout SplitMix) -> String {
        (0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
    }

    @Test func csvRecordsComeBackEqual() throws {
        var generator = SplitMix(seed: 4180)
        for _ in 0..<2_000 {
            let fields = (0..<Int(1 + generator.next() % 5)).map { _ in Self.randomField(&generator) }
            let parsed = try RFC4180.parse(FrameworkCSVRenderer.record(fields))
            #expect(parsed == [fields], "\(fields.map { Array($0.unicodeScalars) })")
        }
    }

    @Test func escapedTextHasNoMarkupAndUnescapesToItself() {
        var generator = SplitMix(seed: 1866)
        for _ in 0..<2_000 {
            let text = Self.randomField(&generator)
            let escaped = htmlEscaped(text)
            #expect(!escaped.contains { "<>\"'".contains($0) })
            let restored = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(
                of: "&gt;", with: ">"
            )
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
            #expect(restored == text)
        }
    }
}
