import EcoprodFramework
import Foundation
import TestSupport
import Testing

@testable import EcoprodCompiler
@testable import EcoprodReports

/// The one-page score report sent to the auditor.
struct ScoreHTMLRendererTests {
    /// The README's example production, scored against the release it names.
    static func example() throws -> ScoredAnswers {
        let path = packageRoot.appendingPathComponent("docs/examples/les-jours-verts.answers.json").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        var diagnostics = DiagnosticCollector()
        let scorer = ReleaseScorer(
            history: ReleaseHistory.verify(
                files: [packageRoot.appendingPathComponent("Framework/releases/ecoprod-label-1.1.0.json").path],
                complete: false, into: &diagnostics))
        let scored = scorer.scoredAnswers(Array(bytes), file: path, into: &diagnostics)
        #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics)")
        return try #require(scored)
    }

    @Test func reportMatchesItsGoldenFile() throws {
        try assertMatchesGolden(ScoreHTMLRenderer().render(try Self.example()), named: "score.html")
    }

    @Test func reportShowsTheVerdictAndWhatIsStillNeeded() throws {
        let scored = try Self.example()
        let document = ScoreHTMLRenderer(locale: "en").document(scored)
        let html = document.markup
        #expect(HTMLTree(document).problems.isEmpty, "\(HTMLTree(document).problems)")
        #expect(scored.report.mandatoryMissing == ["A5"] && !scored.report.eligible)
        #expect(html.contains("Score: \(scored.report.percent) %"))
        #expect(html.contains("<p class=\"verdict status-not-met\">Not eligible — 1 mandatory criterion not met</p>"))
        #expect(
            html.contains("Mandatory criterion to meet</span>: <a href=\"#answer-A5\">A5</a> Final carbon footprint"))
        for id in scored.report.unanswered { #expect(html.contains("<a href=\"#answer-\(id)\">\(id)</a>")) }
        // The checklist has every applicable mandatory criterion, A5 marked not met.
        #expect(html.components(separatedBy: "<span class=\"status-met\">✓ Met</span></td></tr>").count - 1 >= 7)
        #expect(
            html.contains(
                "<tr><th scope=\"row\">A5</th><td>Final carbon footprint</td><td><span class=\"status-not-met\">✗ Not met</span></td></tr>"
            ))
    }

    @Test func everyEvidenceNoteAndJustificationIsListed() throws {
        let scored = try Self.example()
        let html = ScoreHTMLRenderer().render(scored)
        var missing: [String] = []
        for (id, answer) in scored.answers.answers {
            if !html.contains("id=\"answer-\(id)\"") { missing.append("row \(id)") }
            for text in answer.evidence + [answer.note, answer.justification].compactMap({ $0 })
            where !html.contains(htmlEscaped(text)) {
                missing.append("\(id): \(text)")
            }
        }
        #expect(missing.isEmpty, "\(missing.prefix(5))")
    }

    @Test func theGaugeMarksTheThresholdAndTheStarLevels() throws {
        let scored = try Self.example()
        let html = ScoreHTMLRenderer(locale: "en").render(scored)
        // 65 % of an 840-pixel bar starting at 20: x = 566.
        #expect(html.contains("<line x1=\"566\" y1=\"30\" x2=\"566\""))
        #expect(html.contains(">≥ 65 %</text>"))
        #expect(html.contains(">★★★</text>"))
    }

    @Test func anEligibleProductionNeedsNothingAndShowsItsStars() throws {
        var scored = try Self.example()
        scored.report.eligible = true
        scored.report.stars = 2
        scored.report.mandatoryMissing = []
        scored.report.unanswered = []
        let html = ScoreHTMLRenderer(locale: "fr").render(scored)
        #expect(html.contains("Éligible <span class=\"stars\" aria-label=\"2 ★\">★★☆</span>"))
        #expect(html.contains("Rien : la production est éligible."))
    }

    @Test func theVerdictSaysWhyAProductionIsNotEligible() throws {
        var scored = try Self.example()
        scored.report.mandatoryMissing = ["A5", "D1"]
        scored.report.pointsNeeded = 3
        #expect(
            ScoreHTMLRenderer(locale: "en").render(scored).contains(
                "Not eligible — 2 mandatory criteria not met; threshold not reached</p>"))
        #expect(
            ScoreHTMLRenderer(locale: "fr").render(scored).contains(
                "Non éligible — 2 critères obligatoires non remplis; seuil non atteint</p>"))
        scored.report.mandatoryMissing = []
        #expect(ScoreHTMLRenderer(locale: "en").render(scored).contains("Not eligible — threshold not reached</p>"))
    }

    @Test func answerTextIsEscaped() throws {
        var scored = try Self.example()
        scored.answers.answers["A1"] = Answer(
            status: .met, fields: ["evidence": ["<img src=x onerror=alert(1)>"], "note": "R&D \"note\""])
        scored.report.production.title = "<Film> & co"
        let html = ScoreHTMLRenderer().render(scored)
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;") && !html.contains("<img"))
        #expect(html.contains("R&amp;D &quot;note&quot;"))
        #expect(html.contains("<h1>&lt;Film&gt; &amp; co</h1>"))
    }
}
