import EcoprodFramework
import EcoprodReports

/// Everything one grid is written from: the bundle, the locale, the answers, where each row
/// goes, and the reference scorer's figures for every scheme.
struct GridContext {
    let bundle: FrameworkBundle
    let locale: String
    let fill: GridWriter.Fill?
    let formulas: GridFormulas
    /// The grid sheet's rows after the header: department headings and criteria.
    let rows: [(row: Int, item: GridItem)]
    /// Each department's criterion rows, for the per-department totals.
    let departmentRows: [String: ClosedRange<Int>]
    /// The answers' production type, when the bundle declares it.
    let chosenType: String?
    /// The reference scorer's report under each scheme, in scheme order (nil before a type is chosen).
    let schemeReports: [ScoreReport?]

    /// A row of the grid sheet.
    enum GridItem {
        case department(Department)
        case criterion(Criterion)
    }

    var framework: Framework { bundle.framework }
    var lastGridRow: Int { rows.last?.row ?? GridLayout.headerRow }
    var criterionRows: ClosedRange<Int> { (GridLayout.headerRow + 1)...max(lastGridRow, GridLayout.headerRow + 1) }

    init(bundle: FrameworkBundle, locale: String, fill: GridWriter.Fill?) {
        self.bundle = bundle
        self.locale = locale
        self.fill = fill
        let framework = bundle.framework
        formulas = GridFormulas(policy: framework.scoring.notApplicable, gridSheet: GridLayout.Sheet.grid.name(locale))
        var rows: [(Int, GridItem)] = []
        var departmentRows: [String: ClosedRange<Int>] = [:]
        var next = GridLayout.headerRow + 1
        let byDepartment = Dictionary(grouping: framework.criteria, by: \.department)
        for department in framework.departments {
            rows.append((next, .department(department)))
            next += 1
            let criteria = byDepartment[department.id] ?? []
            if !criteria.isEmpty { departmentRows[department.id] = next...(next + criteria.count - 1) }
            for criterion in criteria {
                rows.append((next, .criterion(criterion)))
                next += 1
            }
        }
        self.rows = rows
        self.departmentRows = departmentRows
        let type = fill?.answers.production.type
        chosenType = framework.productionTypes.contains { $0.id == type } ? type : nil
        schemeReports = Self.score(bundle, fill: fill, scoredType: chosenType)
    }

    /// The reference scorer's report for each scheme, with the answers' type.
    private static func score(_ bundle: FrameworkBundle, fill: GridWriter.Fill?, scoredType: String?) -> [ScoreReport?]
    {
        guard let answers = fill?.answers, scoredType != nil else {
            return bundle.framework.scoring.schemes.map { _ in nil }
        }
        let scorer = Scorer(bundle: bundle)
        return bundle.framework.scoring.schemes.map { scheme in
            var copy = answers
            copy.production.scheme = scheme.id
            var ignored = DiagnosticCollector()
            return scorer.score(copy, into: &ignored) { SourceLocation(file: "", line: 1, column: 1, path: $0) }
        }
    }

    /// The answer given for a criterion, if any.
    func answer(_ id: String) -> Answer? { fill?.answers.answers[id] }

    /// A title in the grid's locale (the framework guarantees every locale is present).
    func text(_ text: LocalizedText) -> String { text[locale] ?? "" }

    /// A label in the grid's locale.
    func label(_ label: ReportLabel) -> String { label[locale] }

    // MARK: Shared sheet parts

    /// `<sheetProtection>` without a password: it prevents accidents, not intent. Filtering,
    /// sorting and resizing stay allowed. (Computed, like every markup constant here: a stored
    /// global enum tree hides its pointers in spare bits, which LeakSanitizer reports as leaks.)
    static var protection: XMLMarkup {
        xml(
            "sheetProtection", XMLAttribute("sheet", 1), XMLAttribute("objects", 1), XMLAttribute("scenarios", 1),
            XMLAttribute("formatColumns", 0),
            XMLAttribute("formatRows", 0), XMLAttribute("sort", 0), XMLAttribute("autoFilter", 0))
    }

    /// Margins, A4 landscape one page wide, and on every printed page a header naming the
    /// production and the framework version, and a footer with the page number: a printed
    /// grid that reaches an auditor says whose it is and against which release.
    var printSetup: XMLMarkup {
        XMLMarkup.group([
            xml(
                "pageMargins", XMLAttribute("left", "0.4"), XMLAttribute("right", "0.4"), XMLAttribute("top", "0.5"),
                XMLAttribute("bottom", "0.5"),
                XMLAttribute("header", "0.3"), XMLAttribute("footer", "0.3")),
            xml(
                "pageSetup", XMLAttribute("paperSize", 9), XMLAttribute("orientation", "landscape"),
                XMLAttribute("fitToWidth", 1),
                XMLAttribute("fitToHeight", 0)),
            xml("headerFooter") {
                xml("oddHeader", text: header)
                xml("oddFooter", text: footer)
            },
        ])
    }

    /// `&L` the production (or the word for one, on a blank grid), `&C` the sheet, `&R` the
    /// framework and version. Header codes treat `&` as an escape, so the texts double theirs.
    var header: String {
        let title = fill?.answers.production.title ?? ""
        let production = title.isEmpty ? label(.production) : String(title.prefix(80))
        let identity = framework.identity
        return "&L" + Self.headerText(production) + "&C&A&R"
            + Self.headerText("\(identity.id) \(identity.version)")
    }

    /// `&L` the framework's title, `&R` "Page n / N".
    var footer: String {
        "&L" + Self.headerText(String(text(framework.identity.title).prefix(80))) + "&RPage &P / &N"
    }

    private static func headerText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&&")
    }

    /// `<sheetPr>` that makes ``printSetup``'s one-page-wide scaling apply.
    static var fitToPage: XMLMarkup {
        xml("sheetPr") { xml("pageSetUpPr", XMLAttribute("fitToPage", 1)) }
    }

    /// `<cols>` from (column, width, hidden) triples.
    static func columns(_ widths: [(column: Int, width: Int, hidden: Bool)]) -> XMLMarkup {
        xml("cols") {
            for entry in widths {
                xml(
                    "col",
                    attributes: [
                        XMLAttribute("min", entry.column), XMLAttribute("max", entry.column),
                        XMLAttribute("width", entry.width),
                        XMLAttribute("customWidth", 1),
                    ] + (entry.hidden ? [XMLAttribute("hidden", 1)] : []))
            }
        }
    }

    /// A worksheet root with the namespaces every sheet declares.
    static func worksheet(@XMLBuilder _ children: () -> [XMLMarkup]) -> XMLMarkup {
        xml(
            "worksheet",
            attributes: [
                XMLAttribute("xmlns", Namespace.spreadsheet), XMLAttribute("xmlns:r", Namespace.officeRelationships),
            ], children: children)
    }
}
