import EcoprodFramework
import Foundation
import TestSupport
import Testing

@testable import EcoprodCompiler
@testable import EcoprodReports

/// The framework page: what it shows, in which languages, and that it stands alone.
struct FrameworkPageTests {
    static let locales: [String?] = [nil, "fr", "en"]

    @Test func pageMatchesItsGoldenFile() throws {
        try assertMatchesGolden(FrameworkPageRenderer().render(try shippedRelease("1.1.0")), named: "framework.html")
    }

    @Test(arguments: locales)
    func everyCriterionAndEveryTextOfTheLocalesShown(_ locale: String?) throws {
        let bundle = try shippedRelease("1.1.0")
        let framework = bundle.framework
        let html = FrameworkPageRenderer(locale: locale).render(bundle)
        let shown = locale.map { [$0] } ?? framework.identity.locales
        var missing: [String] = []
        func expect(_ text: String?, _ what: String) {
            guard let text, !text.isEmpty else { return missing.append("\(what): no text") }
            if !html.contains(htmlEscaped(text)) { missing.append("\(what): \(text)") }
        }
        for criterion in framework.criteria {
            if !html.contains("id=\"criterion-\(criterion.id)\"") { missing.append("row of \(criterion.id)") }
            for locale in shown {
                expect(criterion.title[locale], "\(criterion.id) title \(locale)")
                expect(criterion.guidance[locale], "\(criterion.id) guidance \(locale)")
                for (index, evidence) in criterion.evidence.enumerated() {
                    expect(evidence[locale], "\(criterion.id) evidence \(index) \(locale)")
                }
            }
        }
        for locale in shown {
            expect(framework.identity.title[locale], "framework title \(locale)")
            for department in framework.departments {
                expect(department.title[locale], "department \(department.id) \(locale)")
            }
            for stage in framework.identity.stages { expect(stage.title[locale], "stage \(stage.id) \(locale)") }
            for type in framework.productionTypes { expect(type.title[locale], "type \(type.id) \(locale)") }
            for scheme in framework.scoring.schemes { expect(scheme.title[locale], "scheme \(scheme.id) \(locale)") }
        }
        #expect(missing.isEmpty, "\(missing.prefix(10))")
        #expect(html.contains(bundle.digest))
        #expect(html.contains("<html lang=\"\(shown[0])\""))
    }

    @Test func oneLocaleLeavesTheOtherOut() throws {
        let bundle = try shippedRelease("1.1.0")
        let html = FrameworkPageRenderer(locale: "en").render(bundle)
        // Titles that differ between the languages: none of the French ones is on the English page.
        let french = bundle.framework.criteria.compactMap { criterion in
            criterion.title["fr"] == criterion.title["en"] ? nil : criterion.title["fr"]
        }
        #expect(french.count > 70)
        #expect(french.filter { html.contains(htmlEscaped($0)) }.isEmpty)
        #expect(!html.contains("class=\"locale-switch\""))
        #expect(!html.contains("lang=\"fr\""))
    }

    @Test func theDefaultPageOffersTheSwitchAndMarksEachLanguage() throws {
        let html = FrameworkPageRenderer().render(try shippedRelease("1.1.0"))
        #expect(html.contains("<nav class=\"locale-switch\""))
        #expect(html.contains("data-locale=\"fr\"") && html.contains("data-locale=\"en\""))
        #expect(html.contains("<span class=\"l l-en\" lang=\"en\">Signed intention note</span>"))
        #expect(html.contains("html.only-fr .l-en"))
    }

    /// The " / " between the two versions of a text is a CSS sibling rule: each text's inline
    /// versions must sit in their own group, or the rule would also join one text to the next.
    @Test func eachBilingualTextIsGroupedOnItsOwn() throws {
        let html = FrameworkPageRenderer().render(try shippedRelease("1.1.0"))
        let firstVersions = html.components(separatedBy: "<span class=\"l l-fr\"").count - 1
        let grouped = html.components(separatedBy: "<span class=\"ls\"><span class=\"l l-fr\"").count - 1
        #expect(firstVersions > 500 && grouped == firstVersions)
    }

    @Test(arguments: locales)
    func pageIsSelfContainedAndWellFormed(_ locale: String?) throws {
        let bundle = try shippedRelease("1.1.0")
        let document = FrameworkPageRenderer(locale: locale).document(bundle)
        let html = document.markup
        let structure = HTMLTree(document)
        #expect(structure.problems.isEmpty, "\(structure.problems.prefix(5))")
        // Nothing is fetched: no external stylesheet, script, image, font or frame.
        #expect(structure.all("link").isEmpty)
        #expect(structure.elements.allSatisfy { $0.attributes["src"] == nil })
        #expect(structure.all("img").isEmpty && structure.all("iframe").isEmpty)
        #expect(!html.contains("@import") && !html.contains("url("))
        let addresses = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(addresses.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg\"") }, "\(addresses)")
        #expect(structure.all("svg").count == 1)
    }

    @Test func headingsAndTablesCarryTheirSemantics() throws {
        let bundle = try shippedRelease("1.1.0")
        let structure = HTMLTree(FrameworkPageRenderer(locale: "en").document(bundle))
        #expect(structure.all("h1").count == 1)
        let departmentHeadings = structure.all("h2").filter { $0.attributes["id"]?.hasPrefix("department-") == true }
        #expect(departmentHeadings.count == bundle.framework.departments.count)
        // One table per department plus the chart's table, each with a caption and column headers.
        #expect(structure.all("table").count == bundle.framework.departments.count + 1)
        #expect(structure.all("caption").count == structure.all("table").count)
        let rowHeaders = structure.all("th").filter { $0.attributes["scope"] == "row" }
        #expect(rowHeaders.count == bundle.framework.criteria.count + bundle.framework.departments.count)
        #expect(structure.all("svg").first?.attributes["role"] == "img")
        #expect(structure.all("title").count == 2)
    }

    @Test func theFilterAndTheSwitchOnlyEnhance() throws {
        let html = FrameworkPageRenderer().render(try shippedRelease("1.1.0"))
        // Without script the controls stay hidden and no row is: the script unhides them.
        #expect(html.contains("<form class=\"filters panel\" hidden"))
        #expect(html.contains("<nav class=\"locale-switch\" aria-label=\"Langue / Language\" hidden>"))
        #expect(!html.contains("<tr class=\"filtered-out\"") && !html.contains("section class=\"filtered-out\""))
        #expect(html.contains("form.hidden = false") && html.contains("nav.hidden = false"))
    }

    @Test func printingIsA4WithoutTheControls() throws {
        let html = FrameworkPageRenderer().render(try shippedRelease("1.1.0"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@media print {"))
        #expect(html.contains(".locale-switch, .filters { display: none !important; }"))
    }

    @Test func textIsEscapedEverywhere() throws {
        var framework = try shippedRelease("1.1.0").framework
        framework.criteria[0].title = LocalizedText([
            "fr": "<script>alert('x')</script> & \"co\"", "en": "Tom & Jerry's <b>",
        ])
        framework.departments[0].title = LocalizedText(["fr": "A<B", "en": "A>B"])
        let document = FrameworkPageRenderer().document(FrameworkBundle(framework: framework))
        let html = document.markup
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"))
        #expect(html.contains("Tom &amp; Jerry&#39;s &lt;b&gt;"))
        #expect(!html.contains("<script>alert"))
        #expect(HTMLTree(document).problems.isEmpty)
    }

    @Test func everyTextColourHasEnoughContrast() {
        for pair in ReportStyle.textPairs {
            let ratio = contrastRatio(pair.text.hex, pair.background.hex)
            #expect(ratio >= 4.5, "\(pair.name): \(pair.text.hex) on \(pair.background.hex) is \(ratio):1")
        }
    }

    /// The contrast test is only as good as its list: every `color` the stylesheet sets must be
    /// a text colour of `textPairs`, and every `background` one of its backgrounds.
    @Test func theStylesheetUsesOnlyTheTestedPairs() {
        let css = ReportStyle.stylesheet(locales: ["fr", "en"]).text
        let texts = Set(ReportStyle.textPairs.map(\.text.hex))
        let backgrounds = Set(ReportStyle.textPairs.map(\.background.hex))
        func values(of property: String) -> [String] {
            css.components(separatedBy: property).dropFirst().map { String($0.prefix(7)) }
        }
        let colours = values(of: " color: #").map { "#" + $0.prefix(6) }
        let fills = values(of: " background: #").map { "#" + $0.prefix(6) }
        #expect(colours.count > 10 && fills.count > 5)
        #expect(colours.filter { !texts.contains($0) }.isEmpty, "\(colours.filter { !texts.contains($0) })")
        #expect(fills.filter { !backgrounds.contains($0) }.isEmpty, "\(fills.filter { !backgrounds.contains($0) })")
    }

    /// The tree reader the page tests rely on must itself see a block inside a paragraph, the
    /// one structural fault a tree of nodes does not exclude by construction.
    @Test func theTreeReaderSeesABlockInsideAParagraph() {
        let broken = element(.p) { element(.div) { "x" } }
        #expect(HTMLTree(broken).problems == ["<div> inside <p>"])
        let fine = element(.div) {
            element(.p) { "x" }
            empty(.rect, HTMLAttribute("x", "1"))
        }
        #expect(HTMLTree(fine).problems.isEmpty)
        #expect(HTMLTree(fine).all("rect").first?.attributes["x"] == "1")
    }
}

/// WCAG 2.1 contrast ratio of two `#rrggbb` colours.
func contrastRatio(_ first: String, _ second: String) -> Double {
    func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }
    let (a, b) = (luminance(first), luminance(second))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
}

/// The count of mandatory criteria agrees with its number in French: "1 obligatoire",
/// "8 obligatoires" (it read "8 Obligatoire", a column header's word).
@Suite struct MandatoryCountLabelTests {
    @Test(arguments: [(1, "obligatoire"), (8, "obligatoires"), (0, "obligatoires")])
    func theFrenchCountIsPlural(_ count: Int, _ french: String) {
        #expect(ReportLabel.mandatoryCount(count)["fr"] == french)
        #expect(ReportLabel.mandatoryCount(count)["en"] == "mandatory")
    }
}
