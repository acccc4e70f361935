import EcoprodFramework

/// The look every report shares: one palette, one inline stylesheet (screen and A4 print),
/// and the few lines of script that switch the language.
///
/// Colours are named here, once, so that a test can check every text/background pair the
/// stylesheet uses against WCAG 2.1's contrast ratio for normal text (4.5:1).
enum ReportStyle {
    /// A colour as `#rrggbb`.
    struct Colour: Sendable, Hashable {
        let hex: String
    }

    static let ink = Colour(hex: "#1b1f1d")
    static let muted = Colour(hex: "#4a5450")
    static let paper = Colour(hex: "#ffffff")
    static let panel = Colour(hex: "#f1f5f2")
    static let rule = Colour(hex: "#c9d3cd")
    static let accent = Colour(hex: "#1d6b3a")
    static let accentLight = Colour(hex: "#8fc9a3")
    static let mandatory = Colour(hex: "#a3231f")
    static let warning = Colour(hex: "#7a4b00")
    static let link = Colour(hex: "#0b4f8a")

    /// Every (text, background) pair the stylesheet sets, for the contrast test.
    static let textPairs: [(name: String, text: Colour, background: Colour)] = [
        ("body text", ink, paper),
        ("secondary text", muted, paper),
        ("text on panels", ink, panel),
        ("secondary text on panels", muted, panel),
        ("headings and met status", accent, paper),
        ("mandatory badge", paper, mandatory),
        ("optional badge", accent, panel),
        ("not-met status", mandatory, paper),
        ("unanswered status", warning, paper),
        ("links", link, paper),
        ("pressed switch button", paper, accent),
    ]

    /// The stylesheet. Without script, bilingual pages show every language, one after the
    /// other; the switch adds `only-<locale>` to the root element to hide the others.
    ///
    /// Locale codes become class names in its selectors, so only codes that are BCP 47 language
    /// tags (``LocaleTag``) are written there; `check` and `verify` refuse any other.
    static func stylesheet(locales all: [String]) -> InlineCode {
        let locales = all.filter(LocaleTag.isValid)
        let hide = locales.map { shown in
            locales.filter { $0 != shown }.map { "html.only-\(shown) .l-\($0)" }.joined(separator: ", ")
        }.filter { !$0.isEmpty }.joined(separator: ",\n")
        // Charts have no room for two languages: they show the chosen one, else the first.
        let chartHide = locales.dropFirst().map { "html:not(.only-\($0)) svg .l-\($0)" }.joined(separator: ", ")
        return InlineCode(
            trusted: """
                :root { color-scheme: light; }
                * { box-sizing: border-box; }
                body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: \(ink.hex); background: \(paper.hex); }
                h1, h2, h3 { color: \(accent.hex); line-height: 1.2; }
                h1 { font-size: 1.8rem; margin: 0.2rem 0 0.6rem; }
                h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid \(accent.hex); padding-bottom: 0.2rem; }
                h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
                a { color: \(link.hex); }
                code { font: 0.85em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
                .kicker { color: \(muted.hex); text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; margin: 0; }
                dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0 1rem; }
                dl.facts dt { color: \(muted.hex); }
                .register > input[type=radio] { margin-left: 1em; }
                #status-certified:checked ~ table tbody tr:not([data-status=certified]),
                #status-suspended:checked ~ table tbody tr:not([data-status=suspended]),
                #status-withdrawn:checked ~ table tbody tr:not([data-status=withdrawn]) { display: none; }
                dl.facts dd { margin: 0; }
                .panel { background: \(panel.hex); border: 1px solid \(rule.hex); border-radius: 6px; padding: 0.8rem 1rem; }
                .rules li { margin: 0.2rem 0; }
                table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; }
                caption { text-align: left; color: \(muted.hex); padding: 0.2rem 0; font-size: 0.9rem; }
                th, td { border-bottom: 1px solid \(rule.hex); padding: 0.45rem 0.5rem; text-align: left; vertical-align: top; }
                thead th { background: \(panel.hex); font-size: 0.85rem; color: \(ink.hex); }
                tbody th { white-space: nowrap; }
                td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
                .criterion-title { font-weight: 600; display: block; }
                .guidance { color: \(muted.hex); margin: 0.2rem 0 0; }
                ul.compact { margin: 0; padding-left: 1.1rem; }
                .badge { display: inline-block; border-radius: 3px; padding: 0.05rem 0.4rem; font-size: 0.8rem; font-weight: 600; white-space: nowrap; }
                .badge.mandatory { background: \(mandatory.hex); color: \(paper.hex); }
                .badge.optional { background: \(panel.hex); color: \(accent.hex); border: 1px solid \(rule.hex); }
                .status-met { color: \(accent.hex); font-weight: 600; }
                .status-not-met { color: \(mandatory.hex); font-weight: 600; }
                .status-unanswered { color: \(warning.hex); font-weight: 600; }
                .status-not-applicable { color: \(muted.hex); }
                .verdict { font-size: 1.2rem; font-weight: 700; }
                .stars { color: \(accent.hex); letter-spacing: 0.1em; }
                header > .stars { font-size: 2.6em; margin: 0.1em 0; }
                pre { white-space: pre-wrap; overflow-wrap: anywhere; background: \(panel.hex); padding: 0.6em; }
                figure { margin: 0.5rem 0 1rem; }
                figcaption { color: \(muted.hex); font-size: 0.9rem; }
                svg text { font-family: inherit; fill: \(ink.hex); }
                svg .muted { fill: \(muted.hex); }
                .bilingual .l + .l::before { content: " / "; color: \(muted.hex); }
                .bilingual .badge .l + .l::before { color: inherit; }
                .bilingual p.l + p.l::before, .bilingual div.l + div.l::before { content: none; }
                .bilingual p.l-\(locales.last ?? "en"):not(:first-child) { font-style: italic; }
                \(hide.isEmpty ? "" : hide + " { display: none; }")
                \(chartHide.isEmpty ? "" : chartHide + " { display: none; }")
                html[class*="only-"] .l + .l::before { content: none; }
                .locale-switch, .filters { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0 0 1rem; }
                .locale-switch[hidden], .filters[hidden] { display: none; }
                .locale-switch button { font: inherit; padding: 0.25rem 0.7rem; border: 1px solid \(accent.hex); border-radius: 4px; background: \(paper.hex); color: \(accent.hex); cursor: pointer; }
                .locale-switch button[aria-pressed="true"] { background: \(accent.hex); color: \(paper.hex); }
                .filters label { display: flex; gap: 0.4rem; align-items: center; }
                .filters select { font: inherit; padding: 0.2rem; }
                tr.filtered-out, section.filtered-out { display: none; }
                footer { margin-top: 2rem; color: \(muted.hex); font-size: 0.85rem; border-top: 1px solid \(rule.hex); padding-top: 0.5rem; }
                @page { size: A4; margin: 14mm 12mm; }
                @media print {
                  body { max-width: none; padding: 0; font-size: 9.5pt; }
                  .locale-switch, .filters { display: none !important; }
                  h2 { break-after: avoid; }
                  tr, figure, .panel { break-inside: avoid; }
                  thead { display: table-header-group; }
                  a { color: inherit; text-decoration: none; }
                  .badge.mandatory { border: 1px solid \(mandatory.hex); }
                }

                """)
    }

    /// The language switch: shows the nav, and toggles `only-<locale>` on the root element;
    /// `?locale=` in the page's address presets it.
    static let localeScript = InlineCode(
        trusted: """
            (function () {
              var nav = document.querySelector(".locale-switch");
              if (!nav) return;
              nav.hidden = false;
              var root = document.documentElement;
              var pageLanguage = root.lang;
              nav.addEventListener("click", function (event) {
                var button = event.target.closest("button[data-locale]");
                if (!button) return;
                var locale = button.getAttribute("data-locale");
                root.className = root.className.replace(/\\bonly-\\S+/g, "").trim();
                if (locale !== "all") root.classList.add("only-" + locale);
                root.lang = locale === "all" ? pageLanguage : locale;
                nav.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
              });
              // A link may preset the language: page.html?locale=en
              var preset = new URLSearchParams(location.search).get("locale");
              var presetButton = preset && nav.querySelector('button[data-locale="' + CSS.escape(preset) + '"]');
              if (presetButton) presetButton.click();
            })();

            """
    )
}
