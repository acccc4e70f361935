import EcoprodFramework

/// The shell every report shares (inline stylesheet and script, language switch), and the
/// nodes of localized texts and labels.
///
/// Reports are for production managers and auditors, often read offline or printed, so a
/// page never refers to anything outside itself: no external CSS, script, font or image.
/// Output is deterministic: the same inputs give the same bytes, so pages have golden files.
/// Every text reaches the page as an ``HTMLNode``, escaped when rendered.
struct HTMLPage {
    /// The locales shown: one (`--locale`), or all the framework's, with a switch.
    let locales: [String]
    /// The page's own language: the chosen locale, or the framework's first.
    var primaryLocale: String { locales[0] }
    /// Whether texts come in every locale, each marked with its language.
    var isBilingual: Bool { locales.count > 1 }

    /// A page in `locale`, or in every one of `available` when `locale` is nil.
    init(locale: String?, available: [String]) {
        locales = locale.map { [$0] } ?? (available.isEmpty ? ["en"] : available)
    }

    /// A localized text: in one locale, the plain text; in several, one `element` per locale
    /// with its `lang`, which the switch shows or hides.
    func localized(_ text: LocalizedText, element tag: HTMLTag = .span) -> HTMLNode {
        guard isBilingual else {
            return tag == .span ? .text(plain(text)) : element(tag) { plain(text) }
        }
        // The same words in every locale ("Points", "Performance") are written once.
        let distinct = Set(locales.map { text[$0] ?? "" })
        if distinct.count == 1, let only = distinct.first {
            return tag == .span ? .text(only) : element(tag) { only }
        }
        let versions = locales.map { locale in
            HTMLNode.element(tag, [.class("l l-\(locale)"), .lang(locale)], [.text(text[locale] ?? "")])
        }
        // Inline versions are grouped, so that the " / " between them (a CSS sibling rule, which
        // does not see text nodes) never joins the last version of one text to the next text.
        return tag == .span ? .element(.span, [.class("ls")], versions) : .group(versions)
    }

    /// A label of the report's own interface, in the page's locales.
    func label(_ label: ReportLabel, element: HTMLTag = .span) -> HTMLNode {
        localized(label.text(in: locales), element: element)
    }

    /// An ID shown as its own title in every locale: for a reference the bundle does not name
    /// (the verifier refuses such bundles; this keeps the ID visible rather than a blank).
    func untitled(_ id: String) -> LocalizedText {
        LocalizedText(Dictionary(uniqueKeysWithValues: locales.map { ($0, id) }))
    }

    /// A localized text as plain text in the primary locale (for `title` and `aria-label`).
    func plain(_ text: LocalizedText) -> String {
        text[primaryLocale] ?? text.translations.values.sorted().first ?? ""
    }

    /// The whole document: head with the inline stylesheet, the body, and the inline script
    /// (filters and language switch), which only enhances: without it every criterion and
    /// every language shows.
    func document(title: String, script: InlineCode? = nil, @HTMLBuilder body: () -> [HTMLNode]) -> HTMLDocument {
        let root = element(.html, .lang(primaryLocale), .class(isBilingual ? "bilingual" : "monolingual")) {
            "\n"
            element(.head) {
                "\n"
                empty(.meta, HTMLAttribute("charset", "utf-8"))
                "\n"
                empty(
                    .meta, HTMLAttribute("name", "viewport"),
                    HTMLAttribute("content", "width=device-width, initial-scale=1"))
                "\n"
                empty(.meta, HTMLAttribute("name", "generator"), HTMLAttribute("content", "ecoprod"))
                "\n"
                element(.title) { title }
                "\n"
                element(.style) {
                    "\n"
                    HTMLNode.code(ReportStyle.stylesheet(locales: locales))
                }
                "\n"
            }
            "\n"
            element(.body) {
                "\n"
                if isBilingual { localeSwitch }
                body()
                element(.script) {
                    "\n"
                    HTMLNode.code(ReportStyle.localeScript)
                    if let script { HTMLNode.code(script) }
                }
                "\n"
            }
            "\n"
        }
        return HTMLDocument(root: root)
    }

    /// The language switch, hidden until the script shows it.
    private var localeSwitch: HTMLNode {
        group {
            element(.nav, .class("locale-switch"), HTMLAttribute("aria-label", "Langue / Language"), .hidden) {
                "\n"
                for locale in locales {
                    element(
                        .button, HTMLAttribute("type", "button"), HTMLAttribute("data-locale", locale), .lang(locale),
                        HTMLAttribute("aria-pressed", "false")
                    ) { ReportLabel.languageName(locale) }
                    "\n"
                }
                element(
                    .button, HTMLAttribute("type", "button"), HTMLAttribute("data-locale", "all"),
                    HTMLAttribute("aria-pressed", "true")
                ) {
                    locales.map { $0.uppercased() }.joined(separator: " + ")
                }
                "\n"
            }
            "\n"
        }
    }
}

/// A whole page: its root element, and its markup with the doctype.
struct HTMLDocument {
    /// The `html` element, for tests that read the page's structure without parsing it.
    let root: HTMLNode

    var markup: String { "<!DOCTYPE html>\n" + root.markup + "\n" }
}
