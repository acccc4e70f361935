import Foundation
import TestSupport
import Testing

/// A score page that a production sends to AFNOR says when it was scored and by what, in the
/// page's language (issue 27: it named neither).
@Suite struct ScoreReportStampTests {
    static let example = packageRoot.appendingPathComponent("docs/examples/les-jours-verts.answers.json").path

    @Test(arguments: [("en", "Scored on 2026-11-29, by ecoprod"), ("fr", "Noté le 2026-11-29, par ecoprod")])
    func thePageNamesItsDayAndItsTool(_ locale: String, _ stamp: String) throws {
        let result = try runEcoprod([
            "score", Self.example, "--format", "html", "--locale", locale, "--date", "2026-11-29",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let footer = result.stdout.range(of: "<footer>").map { String(result.stdout[$0.lowerBound...]) } ?? ""
        let text = footer.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        #expect(text.contains(stamp), "\(text)")
        let version = try runEcoprod(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.contains("ecoprod \(version)."), "\(text)")
    }
}
