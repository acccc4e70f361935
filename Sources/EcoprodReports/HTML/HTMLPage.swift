import EcoprodFramework

/// One self-contained HTML document being written: the shell every report shares (inline
/// stylesheet and script, language switch), and the escaping every text goes through.
///
/// Reports are for production managers and auditors, often read offline or printed, so a
/// page never refers to anything outside itself: no external CSS, script, font or image.
/// Output is deterministic: the same inputs give the same bytes, so pages have golden files.
struct HTMLPage {
    /// The locales shown: one (`--locale`), or all the framework's, with a switch.
    let locales: [String]
    /// The page's own language: the chosen locale, or the framework's first.
    var primaryLocale: String { locales[0] }
    /// Whether texts come in every locale, each marked with its language.
    var isBilingual: Bool { locales.count > 1 }

    private(set) var body = ""

    /// A page in `locale`, or in every one of `available` when `locale` is nil.
    init(locale: String?, available: [String]) {
        locales = locale.map { [$0] } ?? (available.isEmpty ? ["en"] : available)
    }

    // MARK: Writing

    /// Appends markup as is. Only for literal markup written in this module.
    mutating func raw(_ markup: String) {
        body += markup
    }

    /// Appends text, escaped.
    mutating func text(_ text: String) {
        body += Self.escape(text)
    }

    /// Appends a localized text: in one locale, the plain text; in several, one `span` per
    /// locale with its `lang`, which the switch shows or hides.
    mutating func localized(_ text: LocalizedText, element: String = "span") {
        body += markup(text, element: element)
    }

    /// Appends a label of the report's own interface, in the page's locales.
    mutating func label(_ label: ReportLabel, element: String = "span") {
        body += markup(label.text(in: locales), element: element)
    }

    /// The markup of a localized text (for attributes of a larger construct).
    func markup(_ text: LocalizedText, element: String = "span") -> String {
        guard isBilingual else {
            let value = Self.escape(plain(text))
            return element == "span" ? value : "<\(element)>\(value)</\(element)>"
        }
        // The same words in every locale ("Points", "Performance") are written once.
        let distinct = Set(locales.map { text[$0] ?? "" })
        if distinct.count == 1, let only = distinct.first {
            return element == "span" ? Self.escape(only) : "<\(element)>\(Self.escape(only))</\(element)>"
        }
        let versions = locales.map { locale in
            "<\(element) class=\"l l-\(locale)\" lang=\"\(locale)\">\(Self.escape(text[locale] ?? ""))</\(element)>"
        }.joined()
        // Inline versions are grouped, so that the " / " between them (a CSS sibling rule, which
        // does not see text nodes) never joins the last version of one text to the next text.
        return element == "span" ? "<span class=\"ls\">\(versions)</span>" : versions
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

    // MARK: The document

    /// The whole document: head with the inline stylesheet, the body written so far, and the
    /// inline script (filters and language switch), which only enhances: without it every
    /// criterion and every language shows.
    func document(title: String, script: String = "") -> String {
        var page = "<!DOCTYPE html>\n<html lang=\"\(primaryLocale)\" class=\"\(isBilingual ? "bilingual" : "monolingual")\">\n<head>\n"
        page += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<meta name=\"generator\" content=\"ecoprod\">\n<title>\(Self.escape(title))</title>\n"
        page += "<style>\n\(ReportStyle.stylesheet(locales: locales))</style>\n</head>\n<body>\n"
        if isBilingual {
            page += "<nav class=\"locale-switch\" aria-label=\"Langue / Language\" hidden>\n"
            for locale in locales {
                page += "<button type=\"button\" data-locale=\"\(locale)\" lang=\"\(locale)\" aria-pressed=\"false\">\(Self.escape(ReportLabel.languageName(locale)))</button>\n"
            }
            page += "<button type=\"button\" data-locale=\"all\" aria-pressed=\"true\">\(locales.map { $0.uppercased() }.joined(separator: " + "))</button>\n</nav>\n"
        }
        page += body
        page += "<script>\n\(ReportStyle.localeScript)\(script)</script>\n</body>\n</html>\n"
        return page
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`: safe in text and in quoted attributes alike.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
