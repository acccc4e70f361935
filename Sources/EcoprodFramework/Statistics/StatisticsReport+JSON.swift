/// `Schemas/stats.schema.json`: every figure a number, `null` when undefined, or the string
/// "suppressed" when fewer than `min_group` productions give it. No production is named.
extension StatisticsReport {
    public var jsonValue: JSONValue {
        [
            "framework": [
                "id": .string(bundle.id), "version": .string(bundle.version.description),
                "digest": .string(bundle.digest),
            ],
            "productions": .integer(productions),
            "migrated_from": .object(migratedFrom.mapValues { .integer($0) }),
            "left_out": .integer(leftOut),
            "min_group": .integer(options.minGroup),
            "criteria": .array(
                criteria.map { figures in
                    [
                        "id": .string(figures.id), "department": .string(figures.department),
                        "mandatory": .bool(figures.mandatory), "applies": figures.applies.jsonValue,
                        "met_rate": figures.metRate.jsonValue,
                        "met_interval": .array([figures.interval.low.jsonValue, figures.interval.high.jsonValue]),
                        "not_applicable_rate": figures.notApplicableRate.jsonValue,
                        "unanswered_rate": figures.unansweredRate.jsonValue,
                        "correlation": figures.correlation.jsonValue,
                        "discrimination": figures.discrimination.jsonValue,
                        "blocking": figures.blocking.jsonValue,
                    ]
                }),
            "departments": .array(
                departments.map {
                    ["id": .string($0.id), "met_rate": $0.metRate.jsonValue, "alpha": $0.alpha.jsonValue]
                }),
            "groups": .array(
                groups.map { group in
                    [
                        "scheme": .string(group.scheme), "type": .string(group.type),
                        "productions": group.productions.jsonValue, "eligible_rate": group.eligibleRate.jsonValue,
                        "stars": .object(
                            Dictionary(uniqueKeysWithValues: group.stars.map { (String($0.stars), $0.share.jsonValue) })
                        ),
                        "quantiles": .object(
                            Dictionary(uniqueKeysWithValues: group.quantiles.map { ($0.name, $0.value.jsonValue) })),
                        "histogram": .array(group.histogram.map(\.jsonValue)),
                    ]
                }),
            "findings": .array(
                findings.map {
                    [
                        "code": .string($0.code.rawValue), "severity": .string($0.severity.rawValue),
                        "message": .string($0.message),
                    ]
                }),
        ]
    }

    /// One row per criterion: the figures of the JSON, "suppressed" where they are.
    public var csv: String {
        let header =
            "id,department,mandatory,applies,met_rate,met_low,met_high,not_applicable_rate,unanswered_rate,correlation,discrimination,blocking"
        let rows = criteria.map { figures in
            let numbers = [
                figures.applies, figures.metRate, figures.interval.low, figures.interval.high,
                figures.notApplicableRate, figures.unansweredRate, figures.correlation, figures.discrimination,
                figures.blocking,
            ].map { figure -> String in
                switch figure {
                case .value(let number): return String(number)
                case .none: return ""
                case .suppressed: return "suppressed"
                }
            }
            return ([figures.id, figures.department, figures.mandatory ? "true" : "false"] + numbers).joined(
                separator: ",")
        }
        return ([header] + rows).joined(separator: "\r\n") + "\r\n"
    }

    /// A few lines for a terminal: the counts, the findings first, then one line per criterion.
    public var text: String {
        var lines = [
            "\(bundle.id) \(bundle.version): \(productions) productions"
                + (migratedFrom.isEmpty
                    ? ""
                    : ", migrated from "
                        + migratedFrom.keys.sorted().map { "\($0) (\(migratedFrom[$0]!))" }.joined(separator: ", "))
                + (leftOut > 0 ? "; \(leftOut) left out" : ""),
            "Figures over fewer than \(options.minGroup) productions are suppressed.", "",
            "Findings:",
        ]
        lines += findings.isEmpty ? ["  none"] : findings.map { "  \($0.code) \($0.message)" }
        lines += ["", "Criterion  applies  met     95% interval     n/a     r       D       blocking"]
        for figures in criteria {
            lines.append(
                [
                    figures.id.padding(toLength: 10, withPad: " ", startingAt: 0),
                    figures.applies.count.padding(toLength: 8, withPad: " ", startingAt: 0),
                    figures.metRate.text.padding(toLength: 7, withPad: " ", startingAt: 0),
                    "\(figures.interval.low.text)–\(figures.interval.high.text)".padding(
                        toLength: 16, withPad: " ", startingAt: 0),
                    figures.notApplicableRate.text.padding(toLength: 7, withPad: " ", startingAt: 0),
                    figures.correlation.text.padding(toLength: 7, withPad: " ", startingAt: 0),
                    figures.discrimination.text.padding(toLength: 7, withPad: " ", startingAt: 0),
                    figures.blocking.count,
                ].joined(separator: " "))
        }
        lines += ["", "Department  met     alpha"]
        lines += departments.map {
            "\($0.id.padding(toLength: 11, withPad: " ", startingAt: 0)) \($0.metRate.text.padding(toLength: 7, withPad: " ", startingAt: 0)) \($0.alpha.text)"
        }
        lines += ["", "Scheme / type                    productions  eligible  median"]
        lines += groups.map { group in
            let median = group.quantiles.first { $0.name == "median" }?.value.text ?? "—"
            return
                "\("\(group.scheme) / \(group.type)".padding(toLength: 32, withPad: " ", startingAt: 0)) \(group.productions.count.padding(toLength: 12, withPad: " ", startingAt: 0)) \(group.eligibleRate.text.padding(toLength: 9, withPad: " ", startingAt: 0)) \(median)"
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension StatisticsReport.Figure {
    /// A count as a whole number.
    var count: String {
        if case .value(let number) = self { return String(Int(number)) }
        return text
    }
}
