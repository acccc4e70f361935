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

    func svg(title: String) -> String {
        let fill = report.eligible ? ReportStyle.accent : (report.pointsNeeded == 0 ? ReportStyle.warning : ReportStyle.mandatory)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(width) 96\" width=\"100%\" style=\"max-width: \(width)px\" aria-labelledby=\"gauge-title\">\n"
        svg += "<title id=\"gauge-title\">\(HTMLPage.escape(title))</title>\n"
        svg += "<rect x=\"\(left)\" y=\"34\" width=\"\(barWidth)\" height=\"26\" rx=\"4\" fill=\"\(ReportStyle.panel.hex)\" stroke=\"\(ReportStyle.rule.hex)\"/>\n"
        let end = x(report.basisPoints)
        if end > left * 10 {
            svg += "<rect x=\"\(left)\" y=\"34\" width=\"\(BarChart.decimal(end - left * 10))\" height=\"26\" rx=\"4\" fill=\"\(fill.hex)\"/>\n"
        }
        for level in levels {
            let position = BarChart.decimal(x(level.basisPoints))
            svg += "<line x1=\"\(position)\" y1=\"28\" x2=\"\(position)\" y2=\"34\" stroke=\"\(ReportStyle.muted.hex)\"/>\n"
            svg += "<text x=\"\(position)\" y=\"24\" text-anchor=\"middle\" font-size=\"12\" class=\"muted\">\(String(repeating: "★", count: level.stars))</text>\n"
        }
        let threshold = BarChart.decimal(x(report.threshold.basisPoints))
        svg += "<line x1=\"\(threshold)\" y1=\"30\" x2=\"\(threshold)\" y2=\"66\" stroke=\"\(ReportStyle.ink.hex)\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n"
        svg += "<text x=\"\(threshold)\" y=\"80\" text-anchor=\"middle\" font-size=\"12\">\(report.threshold.comparison.symbol) \(report.threshold.basisPoints.shortText) %</text>\n"
        svg += "<text x=\"\(left)\" y=\"80\" font-size=\"12\" class=\"muted\">0 %</text>\n"
        svg += "<text x=\"\(left + barWidth)\" y=\"80\" text-anchor=\"end\" font-size=\"12\" class=\"muted\">100 %</text>\n"
        // The score's label follows the fill, kept inside the bar's ends.
        let label = min(max(end, (left + 30) * 10), (left + barWidth - 30) * 10)
        svg += "<text x=\"\(BarChart.decimal(label))\" y=\"94\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"700\">\(report.percent) %</text>\n"
        return svg + "</svg>\n"
    }
}
