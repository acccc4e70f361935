import EcoprodFramework

/// The reference framework as a spreadsheet: one row per criterion, in framework order.
///
/// RFC 4180: records end with CRLF; a field is quoted when it holds a comma, a quote, CR or
/// LF, and quotes inside are doubled. The file starts with a UTF-8 byte-order mark, which is
/// how Excel recognises UTF-8 and keeps accents intact. Each human text has one column per
/// locale (`title_fr`, `title_en`); list fields join their items with `; ` (IDs) or with a
/// line break inside the cell (evidence). Cells are written exactly as in the bundle: none is
/// prefixed to defuse spreadsheet formulas, since that would change the text and the
/// framework's texts are reviewed sources, not user input.
public struct FrameworkCSVRenderer: Sendable {
    /// The one locale whose columns to write; nil writes every locale of the framework.
    public var locale: String?

    public init(locale: String? = nil) {
        self.locale = locale
    }

    /// The column names, in order, for a framework with these locales.
    public func header(locales: [String]) -> [String] {
        let shown = locale.map { [$0] } ?? locales
        return ["id", "department"] + shown.map { "department_title_\($0)" } + shown.map { "title_\($0)" }
            + shown.map { "guidance_\($0)" }
            + ["points", "mandatory", "stages", "applies_to"] + shown.map { "evidence_\($0)" }
    }

    /// The whole file, byte-order mark first, one record per criterion in framework order.
    public func render(_ bundle: FrameworkBundle) -> String {
        let framework = bundle.framework
        let locales = locale.map { [$0] } ?? framework.identity.locales
        let departmentTitles = Dictionary(
            framework.departments.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        var output = "\u{FEFF}" + Self.record(header(locales: framework.identity.locales))
        for criterion in framework.criteria {
            let department = departmentTitles[criterion.department]
            var fields = [criterion.id, criterion.department]
            fields += locales.map { department?[$0] ?? "" }
            fields += locales.map { criterion.title[$0] ?? "" }
            fields += locales.map { criterion.guidance[$0] ?? "" }
            fields += [
                String(criterion.points), criterion.mandatory ? "true" : "false",
                criterion.stages.joined(separator: "; "), criterion.appliesTo.joined(separator: "; "),
            ]
            fields += locales.map { locale in criterion.evidence.map { $0[locale] ?? "" }.joined(separator: "\n") }
            output += Self.record(fields)
        }
        return output
    }

    /// One record: fields joined by commas, quoted where RFC 4180 requires it, ended by CRLF.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
