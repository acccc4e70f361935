import EcoprodFramework

/// The score drawn against its threshold, as inline SVG: a 0–100 % bar filled to the score,
/// a dashed marker at the threshold, and a tick for each star level.
struct ScoreGauge {
    var report: ScoreReport
    var levels: [StarLevel]

    private let width = 880
    private let left = 20
    private let barWidth = 840

    /// x in tenths of a pixel for a percentage in basis points (clamped to the bar).
    private func x(_ basisPoints: BasisPoints) -> Int {
        left * 10 + basisPoints.share(of: barWidth * 10)
    }

    func svg(title: String) -> HTMLNode {
        let fill =
            report.eligible
            ? ReportStyle.accent : (report.pointsNeeded == 0 ? ReportStyle.warning : ReportStyle.mandatory)
        let end = x(report.basisPoints)
        let threshold = BarChart.decimal(x(report.threshold.basisPoints))
        // The score's label follows the fill, kept inside the bar's ends.
        let label = min(max(end, (left + 30) * 10), (left + barWidth - 30) * 10)
        func text(
            _ x: String, _ y: Int, anchor: String?, size: Int = 12, bold: Bool = false, muted: Bool = false,
            _ content: String
        ) -> HTMLNode {
            var attributes = [HTMLAttribute("x", x), HTMLAttribute("y", "\(y)")]
            if let anchor { attributes.append(HTMLAttribute("text-anchor", anchor)) }
            attributes.append(HTMLAttribute("font-size", "\(size)"))
            if bold { attributes.append(HTMLAttribute("font-weight", "700")) }
            if muted { attributes.append(.class("muted")) }
            return .element(.svgText, attributes, [.text(content)])
        }
        return inlineSVG(width: width, height: 96, labelledBy: "gauge-title") {
            "\n"
            element(.title, .id("gauge-title")) { title }
            "\n"
            empty(
                .rect, HTMLAttribute("x", "\(left)"), HTMLAttribute("y", "34"), HTMLAttribute("width", "\(barWidth)"),
                HTMLAttribute("height", "26"),
                HTMLAttribute("rx", "4"), HTMLAttribute("fill", ReportStyle.panel.hex),
                HTMLAttribute("stroke", ReportStyle.rule.hex))
            "\n"
            if end > left * 10 {
                empty(
                    .rect, HTMLAttribute("x", "\(left)"), HTMLAttribute("y", "34"),
                    HTMLAttribute("width", BarChart.decimal(end - left * 10)),
                    HTMLAttribute("height", "26"), HTMLAttribute("rx", "4"), HTMLAttribute("fill", fill.hex))
                "\n"
            }
            for level in levels {
                let position = BarChart.decimal(x(level.basisPoints))
                empty(
                    .line, HTMLAttribute("x1", position), HTMLAttribute("y1", "28"), HTMLAttribute("x2", position),
                    HTMLAttribute("y2", "34"),
                    HTMLAttribute("stroke", ReportStyle.muted.hex))
                "\n"
                text(position, 24, anchor: "middle", muted: true, String(repeating: "★", count: level.stars))
                "\n"
            }
            empty(
                .line, HTMLAttribute("x1", threshold), HTMLAttribute("y1", "30"), HTMLAttribute("x2", threshold),
                HTMLAttribute("y2", "66"),
                HTMLAttribute("stroke", ReportStyle.ink.hex), HTMLAttribute("stroke-width", "2"),
                HTMLAttribute("stroke-dasharray", "4 3"))
            "\n"
            text(
                threshold, 80, anchor: "middle",
                "\(report.threshold.comparison.symbol) \(report.threshold.basisPoints.shortText) %")
            "\n"
            text("\(left)", 80, anchor: nil, muted: true, "0 %")
            "\n"
            text("\(left + barWidth)", 80, anchor: "end", muted: true, "100 %")
            "\n"
            text(BarChart.decimal(label), 94, anchor: "middle", size: 13, bold: true, "\(report.percent) %")
            "\n"
        }
    }
}
