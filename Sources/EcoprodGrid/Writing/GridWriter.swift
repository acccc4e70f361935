import EcoprodFramework
import Foundation

/// Writes the grid a production fills in: an Office Open XML workbook (ECMA-376) generated from
/// a frozen bundle, optionally pre-filled with an answer set.
///
/// Four sheets: Production (title, type, scheme), the grid (one row per criterion, grouped by
/// department), Score (live formulas with cached values) and a hidden identity sheet (bundle,
/// grid format, lookup tables and the answer set's members no cell shows). The same inputs give
/// the same bytes: parts in a fixed order, fixed zip timestamps, no creation dates.
public struct GridWriter: Sendable {
    /// The language of the grid's texts, words and sheet names.
    public var locale: String

    public init(locale: String) {
        self.locale = locale
    }

    /// The answers a grid is pre-filled with, and why some rows need a person's attention.
    public struct Fill: Sendable {
        public var answers: AnswerSet
        /// Criterion ID → the reason its row is highlighted (a split copy to review, a new
        /// criterion to answer).
        public var review: [String: String]

        public init(answers: AnswerSet, review: [String: String] = [:]) {
            self.answers = answers
            self.review = review
        }
    }

    /// The workbook's bytes.
    public func write(_ bundle: FrameworkBundle, fill: Fill? = nil) throws -> [UInt8] {
        let context = GridContext(bundle: bundle, locale: locale, fill: fill)
        var writer = PackageWriter()
        writer.add("[Content_Types].xml", XMLMarkup.document(contentTypes))
        writer.add("_rels/.rels", XMLMarkup.document(packageRelationships))
        writer.add("xl/workbook.xml", XMLMarkup.document(workbook(context)))
        writer.add("xl/_rels/workbook.xml.rels", XMLMarkup.document(workbookRelationships))
        writer.add("xl/styles.xml", XMLMarkup.document(GridStyle.stylesPart(locale: locale)))
        writer.add("xl/worksheets/sheet1.xml", XMLMarkup.document(context.productionSheet()))
        writer.add("xl/worksheets/sheet2.xml", XMLMarkup.document(context.gridSheet()))
        writer.add("xl/worksheets/sheet3.xml", XMLMarkup.document(context.scoreSheet()))
        writer.add("xl/worksheets/sheet4.xml", XMLMarkup.document(context.identitySheet()))
        return try writer.package()
    }

    private var contentTypes: XMLMarkup {
        xml("Types", XMLAttribute("xmlns", Namespace.contentTypes)) {
            xml(
                "Default", XMLAttribute("Extension", "rels"),
                XMLAttribute("ContentType", "application/vnd.openxmlformats-package.relationships+xml"))
            xml("Default", XMLAttribute("Extension", "xml"), XMLAttribute("ContentType", "application/xml"))
            xml(
                "Override", XMLAttribute("PartName", "/xl/workbook.xml"),
                XMLAttribute(
                    "ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))
            xml(
                "Override", XMLAttribute("PartName", "/xl/styles.xml"),
                XMLAttribute("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"))
            for sheet in GridLayout.Sheet.allCases {
                xml(
                    "Override", XMLAttribute("PartName", "/xl/worksheets/sheet\(sheet.rawValue).xml"),
                    XMLAttribute(
                        "ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"))
            }
        }
    }

    private var packageRelationships: XMLMarkup {
        xml("Relationships", XMLAttribute("xmlns", Namespace.packageRelationships)) {
            xml(
                "Relationship", XMLAttribute("Id", "rId1"), XMLAttribute("Type", Namespace.officeDocument),
                XMLAttribute("Target", "xl/workbook.xml"))
        }
    }

    private var workbookRelationships: XMLMarkup {
        xml("Relationships", XMLAttribute("xmlns", Namespace.packageRelationships)) {
            for sheet in GridLayout.Sheet.allCases {
                xml(
                    "Relationship", XMLAttribute("Id", "rId\(sheet.rawValue)"),
                    XMLAttribute("Type", Namespace.worksheet),
                    XMLAttribute("Target", "worksheets/sheet\(sheet.rawValue).xml"))
            }
            xml(
                "Relationship", XMLAttribute("Id", "rId9"), XMLAttribute("Type", Namespace.styles),
                XMLAttribute("Target", "styles.xml"))
        }
    }

    private func workbook(_ context: GridContext) -> XMLMarkup {
        let grid = GridLayout.Sheet.grid.name(locale)
        let last = context.lastGridRow
        return xml(
            "workbook", XMLAttribute("xmlns", Namespace.spreadsheet),
            XMLAttribute("xmlns:r", Namespace.officeRelationships)
        ) {
            xml("workbookPr", XMLAttribute("defaultThemeVersion", 164011))
            xml("bookViews") { xml("workbookView", XMLAttribute("activeTab", 0)) }
            xml("sheets") {
                for sheet in GridLayout.Sheet.allCases {
                    xml(
                        "sheet",
                        attributes: [XMLAttribute("name", sheet.name(locale)), XMLAttribute("sheetId", sheet.rawValue)]
                            + (sheet == .identity ? [XMLAttribute("state", "hidden")] : []) + [
                                XMLAttribute("r:id", "rId\(sheet.rawValue)")
                            ])
                }
            }
            xml("definedNames") {
                xml(
                    "definedName", XMLAttribute("name", "_xlnm._FilterDatabase"), XMLAttribute("localSheetId", 1),
                    XMLAttribute("hidden", 1),
                    text: "\(grid)!$A$1:$\(GridColumn.review.letter)$\(last)")
                xml(
                    "definedName", XMLAttribute("name", "_xlnm.Print_Titles"), XMLAttribute("localSheetId", 1),
                    text: "\(grid)!$1:$\(GridLayout.headerRow)")
                for (sheet, range) in context.printAreas {
                    xml(
                        "definedName", XMLAttribute("name", "_xlnm.Print_Area"),
                        XMLAttribute("localSheetId", sheet.rawValue - 1), text: "\(sheet.name(locale))!\(range)")
                }
            }
            xml("calcPr", XMLAttribute("calcId", 191029), XMLAttribute("fullCalcOnLoad", 1))
        }
    }
}
