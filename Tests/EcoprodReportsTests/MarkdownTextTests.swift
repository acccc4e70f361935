import Testing

@testable import EcoprodReports

/// What a framework's text becomes in Markdown (diffs posted to pull requests, the changelog):
/// never HTML, an image, a link or a mention, whatever it holds.
@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("<img src=x onerror=alert(1)>", #"\<img src=x onerror=alert(1)\>"#),
        ("![](http://tracker)", #"\!\[\](http://tracker)"#),
        ("[click](javascript:x)", #"\[click\](javascript:x)"#),
        ("@here and @team", #"\@here and \@team"#),
        ("a | b", #"a \| b"#),
        ("*bold* _it_ ~~x~~ `c`", #"\*bold\* \_it\_ \~\~x\~\~ \`c\`"#),
        ("&amp; &#64;", ##"\&amp; \&\#64;"##),
        ("line\nbreak", "line break"),
        ("Réduction des déchets (papier)", "Réduction des déchets (papier)"),
    ])
    func markupIsEscaped(_ text: String, _ expected: String) {
        #expect(MarkdownText.inline(text) == expected)
    }

    @Test func aCodeSpanHoldsTextOrFallsBackToEscapes() {
        #expect(MarkdownText.code("A11") == "`A11`")
        #expect(MarkdownText.code("a`b") == #"a\`b"#)
    }
}
