import EcoprodFramework

/// A horizontal bar chart as inline SVG: one row per department, each bar made of segments
/// (mandatory and other points; or points met out of applicable points).
///
/// Geometry is computed in integers (tenths of a pixel), so the markup is the same on every
/// machine. The chart is an image with a title and a description for screen readers; each
/// page also gives the same numbers in a table.
struct BarChart {
    /// One part of a bar, filled with a colour of the stylesheet's palette.
    struct Segment {
        var value: Int
        var fill: ReportStyle.Colour
    }

    struct Row {
        /// The label (may hold one `tspan` per locale).
        var label: HTMLNode
        var segments: [Segment]
        /// The length the row is drawn against, when not the sum of its segments (applicable
        /// points, drawn as an outline).
        var outOf: Int?
        /// The text written after the bar.
        var annotation: String
    }

    var title: String
    var description: String
    var rows: [Row]
    /// A vertical marker across all rows, in basis points of each row's length (a threshold).
    var markerBasisPoints: BasisPoints?
    var markerLabel: String?
    /// When true every row is drawn to the same full width (percentages); otherwise bars
    /// share one scale, the largest row filling the width.
    var normalized = false

    private let width = 880
    private let labelWidth = 330
    private let barWidth = 430
    private let rowHeight = 26
    private let top = 8

    /// The SVG element.
    func svg(id: String) -> HTMLNode {
        let scale = max(1, rows.map { $0.outOf ?? $0.segments.reduce(0) { $0 + $1.value } }.max() ?? 1)
        let height = top * 2 + rows.count * rowHeight + (markerBasisPoints == nil ? 0 : 18)
        return inlineSVG(width: width, height: height, labelledBy: "\(id)-title \(id)-desc") {
            "\n"
            element(.title, .id("\(id)-title")) { title }
            "\n"
            element(.desc, .id("\(id)-desc")) { description }
            "\n"
            for (index, row) in rows.enumerated() {
                self.row(row, at: top + index * rowHeight, scale: scale)
                "\n"
            }
            if let marker = markerBasisPoints {
                self.marker(marker)
            }
        }
    }

    private func row(_ row: Row, at y: Int, scale: Int) -> HTMLNode {
        let length = row.outOf ?? row.segments.reduce(0) { $0 + $1.value }
        let fullTenths = normalized ? barWidth * 10 : barWidth * 10 * length / scale
        var segments: [(x: Int, width: Int, fill: ReportStyle.Colour)] = []
        var offset = 0
        for segment in row.segments where segment.value > 0 && length > 0 {
            let tenths = fullTenths * segment.value / length
            segments.append((labelWidth * 10 + offset, tenths, segment.fill))
            offset += tenths
        }
        return element(.g) {
            "\n"
            element(
                .svgText, HTMLAttribute("x", "\(labelWidth - 8)"), HTMLAttribute("y", "\(y + 17)"),
                HTMLAttribute("text-anchor", "end"), HTMLAttribute("font-size", "12")
            ) {
                row.label
            }
            "\n"
            if row.outOf != nil {
                empty(
                    .rect, HTMLAttribute("x", "\(labelWidth)"), HTMLAttribute("y", "\(y + 4)"),
                    HTMLAttribute("width", Self.decimal(fullTenths)),
                    HTMLAttribute("height", "18"), HTMLAttribute("fill", ReportStyle.panel.hex),
                    HTMLAttribute("stroke", ReportStyle.rule.hex))
                "\n"
            }
            for segment in segments {
                empty(
                    .rect, HTMLAttribute("x", Self.decimal(segment.x)), HTMLAttribute("y", "\(y + 4)"),
                    HTMLAttribute("width", Self.decimal(segment.width)),
                    HTMLAttribute("height", "18"), HTMLAttribute("fill", segment.fill.hex))
                "\n"
            }
            element(
                .svgText, HTMLAttribute("x", Self.decimal(labelWidth * 10 + fullTenths + 60)),
                HTMLAttribute("y", "\(y + 17)"),
                HTMLAttribute("font-size", "12"), .class("muted")
            ) { row.annotation }
            "\n"
        }
    }

    private func marker(_ marker: BasisPoints) -> HTMLNode {
        let x = Self.decimal(labelWidth * 10 + marker.share(of: barWidth * 10))
        let bottom = top + rows.count * rowHeight
        return group {
            empty(
                .line, HTMLAttribute("x1", x), HTMLAttribute("y1", "\(top)"), HTMLAttribute("x2", x),
                HTMLAttribute("y2", "\(bottom + 4)"),
                HTMLAttribute("stroke", ReportStyle.mandatory.hex), HTMLAttribute("stroke-width", "2"),
                HTMLAttribute("stroke-dasharray", "4 3"))
            "\n"
            if let markerLabel {
                element(
                    .svgText, HTMLAttribute("x", x), HTMLAttribute("y", "\(bottom + 16)"),
                    HTMLAttribute("text-anchor", "middle"), HTMLAttribute("font-size", "12")
                ) {
                    markerLabel
                }
                "\n"
            }
        }
    }

    /// Tenths as a decimal: 1234 is "123.4".
    static func decimal(_ tenths: Int) -> String {
        tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
