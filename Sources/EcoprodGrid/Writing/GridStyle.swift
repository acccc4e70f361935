/// The cell formats of a grid: each case is its index in `styles.xml`'s `cellXfs`.
///
/// Structure cells are locked (the sheet protection keeps them from accidental edits) and
/// answer cells are unlocked. The importer never reads styles: applications renumber them.
enum GridStyle: Int, CaseIterable {
    case plain = 0
    case header
    case departmentHeading
    case structure
    case mandatoryStructure
    case answer
    case reviewAnswer
    case review
    case title
    case percent
    case input
    case label
    /// 1 shown as "Oui"/"Yes", 0 as "Non"/"No": a verdict a production manager reads.
    case verdict
    /// A count of stars shown as "2 ★", and 0 as "—".
    case stars

    /// `<xf>`: number format, font, fill, border, then alignment and protection.
    private var format: (numberFormat: Int, font: Int, fill: Int, border: Int, wrap: Bool, locked: Bool) {
        switch self {
        case .plain: return (0, 0, 0, 0, false, true)
        case .header: return (0, 1, 2, 1, true, true)
        case .departmentHeading: return (0, 1, 3, 1, false, true)
        case .structure: return (0, 0, 0, 1, true, true)
        case .mandatoryStructure: return (0, 3, 0, 1, true, true)
        case .answer: return (0, 0, 0, 1, true, false)
        case .reviewAnswer: return (0, 0, 4, 1, true, false)
        case .review: return (0, 0, 4, 1, true, true)
        case .title: return (0, 2, 0, 0, false, true)
        case .percent: return (10, 1, 0, 0, false, true)
        case .input: return (0, 0, 5, 1, false, false)
        case .label: return (0, 1, 0, 0, false, true)
        case .verdict: return (Self.verdictFormat, 1, 0, 0, false, true)
        case .stars: return (Self.starsFormat, 1, 0, 0, false, true)
        }
    }

    /// The custom number formats' IDs (164 is the first a workbook may define).
    static let verdictFormat = 164
    static let starsFormat = 165

    /// `xl/styles.xml`: the verdict and star formats in `locale`'s words, fonts, fills, borders,
    /// the formats above, and the one differential format conditional formatting uses (grey
    /// rows that do not apply).
    static func stylesPart(locale: String) -> XMLMarkup {
        let (yes, no) = locale == "fr" ? ("Oui", "Non") : ("Yes", "No")
        return xml("styleSheet", XMLAttribute("xmlns", Namespace.spreadsheet)) {
            xml("numFmts", XMLAttribute("count", 2)) {
                xml(
                    "numFmt", XMLAttribute("numFmtId", verdictFormat),
                    XMLAttribute("formatCode", "\"\(yes)\";\"\(yes)\";\"\(no)\""))
                xml("numFmt", XMLAttribute("numFmtId", starsFormat), XMLAttribute("formatCode", "[=0]\"—\";0\" ★\""))
            }
            xml("fonts", XMLAttribute("count", 4)) {
                font(bold: false, size: 11, color: nil)
                font(bold: true, size: 11, color: nil)
                font(bold: true, size: 14, color: nil)
                font(bold: true, size: 11, color: "FF9C0006")
            }
            xml("fills", XMLAttribute("count", 6)) {
                xml("fill") { xml("patternFill", XMLAttribute("patternType", "none")) }
                xml("fill") { xml("patternFill", XMLAttribute("patternType", "gray125")) }
                solidFill("FFD9D9D9")
                solidFill("FFE2EFDA")
                solidFill("FFFFF2CC")
                solidFill("FFDDEBF7")
            }
            xml("borders", XMLAttribute("count", 2)) {
                xml("border") {
                    xml("left")
                    xml("right")
                    xml("top")
                    xml("bottom")
                    xml("diagonal")
                }
                xml("border") {
                    for side in ["left", "right", "top", "bottom"] { thinSide(side) }
                    xml("diagonal")
                }
            }
            xml("cellStyleXfs", XMLAttribute("count", 1)) {
                xml(
                    "xf", XMLAttribute("numFmtId", 0), XMLAttribute("fontId", 0), XMLAttribute("fillId", 0),
                    XMLAttribute("borderId", 0))
            }
            xml("cellXfs", XMLAttribute("count", allCases.count)) {
                for style in allCases { style.xf }
            }
            xml("cellStyles", XMLAttribute("count", 1)) {
                xml("cellStyle", XMLAttribute("name", "Normal"), XMLAttribute("xfId", 0), XMLAttribute("builtinId", 0))
            }
            xml("dxfs", XMLAttribute("count", 1)) {
                xml("dxf") {
                    xml("font") { xml("color", XMLAttribute("rgb", "FF808080")) }
                    xml("fill") { xml("patternFill") { xml("bgColor", XMLAttribute("rgb", "FFEDEDED")) } }
                }
            }
        }
    }

    private var xf: XMLMarkup {
        let format = self.format
        return xml(
            "xf",
            attributes: [
                XMLAttribute("numFmtId", format.numberFormat), XMLAttribute("fontId", format.font),
                XMLAttribute("fillId", format.fill),
                XMLAttribute("borderId", format.border), XMLAttribute("xfId", 0),
                XMLAttribute("applyNumberFormat", format.numberFormat == 0 ? 0 : 1),
                XMLAttribute("applyFont", 1), XMLAttribute("applyFill", 1), XMLAttribute("applyBorder", 1),
                XMLAttribute("applyAlignment", 1),
                XMLAttribute("applyProtection", 1),
            ]
        ) {
            xml(
                "alignment",
                attributes: [XMLAttribute("vertical", "top")] + (format.wrap ? [XMLAttribute("wrapText", 1)] : []))
            xml("protection", XMLAttribute("locked", format.locked ? 1 : 0))
        }
    }

    private static func font(bold: Bool, size: Int, color: String?) -> XMLMarkup {
        xml("font") {
            if bold { xml("b") }
            xml("sz", XMLAttribute("val", size))
            if let color { xml("color", XMLAttribute("rgb", color)) }
            xml("name", XMLAttribute("val", "Calibri"))
            xml("family", XMLAttribute("val", 2))
        }
    }

    private static func solidFill(_ rgb: String) -> XMLMarkup {
        xml("fill") {
            xml("patternFill", XMLAttribute("patternType", "solid")) {
                xml("fgColor", XMLAttribute("rgb", rgb))
                xml("bgColor", XMLAttribute("indexed", 64))
            }
        }
    }

    private static func thinSide(_ side: String) -> XMLMarkup {
        let node = xml("color", XMLAttribute("rgb", "FFBFBFBF"))
        switch side {
        case "left": return xml("left", XMLAttribute("style", "thin")) { node }
        case "right": return xml("right", XMLAttribute("style", "thin")) { node }
        case "top": return xml("top", XMLAttribute("style", "thin")) { node }
        default: return xml("bottom", XMLAttribute("style", "thin")) { node }
        }
    }
}

/// The namespaces of the parts a grid writes.
enum Namespace {
    static let spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let officeDocument = officeRelationships + "/officeDocument"
    static let worksheet = officeRelationships + "/worksheet"
    static let styles = officeRelationships + "/styles"
    static let sharedStrings = officeRelationships + "/sharedStrings"
}
