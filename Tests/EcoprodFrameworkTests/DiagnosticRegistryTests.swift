import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// The registry of diagnostic codes is the one table: unique codes, complete entries, and the
/// diagnostics page's table equal to it, row for row.
struct DiagnosticRegistryTests {
    @Test func codesAreUniqueAndWellFormed() {
        let codes = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            #expect(code.wholeMatch(of: /[A-Z][0-9]{3}/) != nil, "\(code)")
        }
    }

    @Test(arguments: DiagnosticCode.allCases)
    func everyEntryIsComplete(_ code: DiagnosticCode) {
        let entry = code.entry
        #expect(!entry.title.isEmpty && !entry.explanation.isEmpty && !entry.example.isEmpty && !entry.fix.isEmpty)
        #expect(code.explanationText.hasPrefix("\(code.rawValue) (\(entry.severity.rawValue)): \(entry.title)"))
        #expect(DiagnosticCode(named: code.rawValue.lowercased()) == code)
    }

    /// Every row of the diagnostics page's table names a registered code with its severity and title, and
    /// every registered code has a row with its own anchor.
    @Test func readmeTableMatchesTheRegistry() throws {
        let readme = try String(
            contentsOf: packageRoot.appendingPathComponent(DiagnosticCode.documentation), encoding: .utf8)
        var rows: [String: (severity: String, title: String)] = [:]
        for line in readme.split(separator: "\n") {
            guard let match = line.wholeMatch(of: /\| <a id="([a-z0-9]+)"><\/a>([A-Z][0-9]{3}) \| ([a-z]+) \| (.+) \|/)
            else { continue }
            #expect(String(match.1) == match.2.lowercased(), "anchor of \(match.2)")
            #expect(rows[String(match.2)] == nil, "\(match.2) listed twice")
            rows[String(match.2)] = (String(match.3), String(match.4))
        }
        #expect(Set(rows.keys) == Set(DiagnosticCode.allCases.map(\.rawValue)))
        for code in DiagnosticCode.allCases {
            #expect(rows[code.rawValue]?.severity == code.entry.severity.rawValue, "\(code)")
            #expect(rows[code.rawValue]?.title == code.entry.title, "\(code)")
        }
    }

    @Test(arguments: [("P41", "P401"), ("y102", "Y102"), ("B10", "B101")])
    func nearestCodesLeadWithTheLikelyOne(_ typed: String, _ first: String) {
        #expect(DiagnosticCode.nearest(to: typed).first?.rawValue == first)
    }
}
