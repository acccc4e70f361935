import EcoprodFramework
import TestSupport
import Testing

@testable import EcoprodReports

/// Every HTML report, fed texts that hold markup, quotes and entities wherever a source, a
/// bundle or an answer set can put text: the texts come out escaped, and the page's own
/// `script` element stays the only one.
struct HostileTextTests {
    static let hostile = "<script>alert(\"x\")</script> 'q' &amp; </style>"
    static let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;q&#39; &amp;amp; &lt;/style&gt;"

    /// The shipped release with a hostile text in every kind of text it has.
    static func hostileFramework() throws -> Framework {
        var framework = try shippedRelease("1.1.0").framework
        let text = LocalizedText(
            Dictionary(uniqueKeysWithValues: framework.identity.locales.map { ($0, "\(hostile) \($0)") }))
        framework.identity.title = text
        framework.identity.stages[0].title = text
        framework.departments[0].title = text
        framework.productionTypes[0].title = text
        framework.scoring.schemes[0].title = text
        framework.criteria[0].title = text
        framework.criteria[0].guidance = text
        framework.criteria[0].evidence = [text]
        return framework
    }

    static func check(_ document: HTMLDocument, _ report: String) {
        let html = document.markup
        #expect(!html.contains("<script>alert"), "\(report)")
        #expect(!html.contains("</style> "), "\(report)")
        #expect(html.contains(escaped), "\(report)")
        #expect(HTMLTree(document).all("script").count == 1, "\(report)")
        #expect(HTMLTree(document).problems.isEmpty, "\(report)")
    }

    @Test(arguments: [nil, "fr", "en"])
    func theFrameworkPage(_ locale: String?) throws {
        Self.check(
            FrameworkPageRenderer(locale: locale).document(FrameworkBundle(framework: try Self.hostileFramework())),
            "framework page \(locale ?? "both")")
    }

    @Test(arguments: [nil, "fr", "en"])
    func theScoreReport(_ locale: String?) throws {
        var scored = try ScoreHTMLRendererTests.example()
        scored.bundle = FrameworkBundle(framework: try Self.hostileFramework())
        scored.report.production.title = Self.hostile
        let id = try #require(scored.answers.answers.keys.sorted().first)
        scored.answers.answers[id]?.fields["evidence"] = [.string(Self.hostile)]
        scored.answers.answers[id]?.fields["note"] = .string(Self.hostile)
        Self.check(ScoreHTMLRenderer(locale: locale).document(scored), "score report \(locale ?? "both")")
    }

    @Test(arguments: [nil, "fr", "en"])
    func theDiffReport(_ locale: String?) throws {
        let old = try shippedRelease("1.1.0").framework
        var new = try Self.hostileFramework()
        new.identity.version = SemanticVersion(major: 1, minor: 1, patch: 1)
        let diff = FrameworkDiff(from: old, to: new)
        Self.check(DiffHTMLRenderer(locale: locale).document(diff, impact: nil), "diff report \(locale ?? "both")")
    }
}
