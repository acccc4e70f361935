import EcoprodFramework
import Foundation
import TestSupport
import Testing

/// Texts that try to be something else where they are shown: control sequences for terminals
/// (refused at the source, however written), and Markdown for pull requests (escaped).
@Suite struct MarkupInjectionTests {
    static let title = #"      en: "Signed intention note""#

    @Test(arguments: [#"\e]0;PWNED\a\e[31mred"#, #"\x9b2J"#, #"\u0085"#])
    func anEscapedControlInASourceIsRefusedByCheck(_ escape: String) throws {
        let folder = try copyOfFramework(keepingReleases: true)
        try edit(folder, "Framework/departments/A-production.yaml", Self.title, #"      en: "Signed "# + escape + #"""#)
        let result = try runEcoprod(["check", "--format", "json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"code\": \"Y101\""), "\(result.stdout)")
        #expect(result.stdout.contains("control character"))
        #expect(result.stdout.contains("\"line\": 7"))
    }

    @Test func aTitleThatIsMarkdownIsShownAsText() throws {
        let folder = try copyOfFramework(keepingReleases: true)
        let hostile = #"<img src=x onerror=alert(1)> ![](http://tracker) @here"#
        try edit(folder, "Framework/departments/A-production.yaml", Self.title, #"      en: ""# + hostile + #"""#)
        let result = try runEcoprod(
            ["diff", "Framework/releases/ecoprod-label-1.1.0.json", "Framework", "--format", "markdown"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(#"\<img src=x onerror=alert(1)\> \!\[\](http://tracker) \@here"#), "\(result.stdout)"
        )
        // Nothing of it is left unescaped: with every escaped character removed, no markup remains.
        let unescaped = result.stdout.replacingOccurrences(of: #"\\[<>!\[\]@]"#, with: "", options: .regularExpression)
        #expect(!unescaped.contains("<img") && !unescaped.contains("![](") && !unescaped.contains("@here"))
    }
}
