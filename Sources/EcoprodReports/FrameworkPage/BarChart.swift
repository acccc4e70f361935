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
        /// The label's markup (already escaped; may hold one `tspan` per locale).
        var label: String
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
    func svg(id: String) -> String {
        let scale = max(1, rows.map { $0.outOf ?? $0.segments.reduce(0) { $0 + $1.value } }.max() ?? 1)
        let height = top * 2 + rows.count * rowHeight + (markerBasisPoints == nil ? 0 : 18)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" style=\"max-width: \(width)px\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        svg += "<title id=\"\(id)-title\">\(HTMLPage.escape(title))</title>\n<desc id=\"\(id)-desc\">\(HTMLPage.escape(description))</desc>\n"
        for (index, row) in rows.enumerated() {
            let y = top + index * rowHeight
            let length = row.outOf ?? row.segments.reduce(0) { $0 + $1.value }
            let fullTenths = normalized ? barWidth * 10 : barWidth * 10 * length / scale
            svg += "<g>\n<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" font-size=\"12\">\(row.label)</text>\n"
            if row.outOf != nil {
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(Self.decimal(fullTenths))\" height=\"18\" fill=\"\(ReportStyle.panel.hex)\" stroke=\"\(ReportStyle.rule.hex)\"/>\n"
            }
            var offset = 0
            for segment in row.segments where segment.value > 0 && length > 0 {
                let tenths = fullTenths * segment.value / length
                svg += "<rect x=\"\(Self.decimal(labelWidth * 10 + offset))\" y=\"\(y + 4)\" width=\"\(Self.decimal(tenths))\" height=\"18\" fill=\"\(segment.fill.hex)\"/>\n"
                offset += tenths
            }
            svg += "<text x=\"\(Self.decimal(labelWidth * 10 + fullTenths + 60))\" y=\"\(y + 17)\" font-size=\"12\" class=\"muted\">\(HTMLPage.escape(row.annotation))</text>\n</g>\n"
        }
        if let marker = markerBasisPoints {
            let x = labelWidth * 10 + marker.share(of: barWidth * 10)
            let bottom = top + rows.count * rowHeight
            svg += "<line x1=\"\(Self.decimal(x))\" y1=\"\(top)\" x2=\"\(Self.decimal(x))\" y2=\"\(bottom + 4)\" stroke=\"\(ReportStyle.mandatory.hex)\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n"
            if let markerLabel {
                svg += "<text x=\"\(Self.decimal(x))\" y=\"\(bottom + 16)\" text-anchor=\"middle\" font-size=\"12\">\(HTMLPage.escape(markerLabel))</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    /// Tenths as a decimal: 1234 is "123.4".
    static func decimal(_ tenths: Int) -> String {
        tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
