extension Change {
    /// What the change touches, in words: "criterion A1", "scheme performance", "framework".
    public var subject: String {
        if let criterion { return "criterion \(criterion)" }
        if let scheme { return "scheme \(scheme)" }
        if let productionType { return "production type \(productionType)" }
        if let department { return "department \(department)" }
        return "framework"
    }

    /// One line for people: what changed, before → after.
    public var summary: String {
        let localeSuffix = locale.map { " (\($0))" } ?? ""
        switch kind {
        case .criterionAdded: return "\(criterion ?? "") added: \(Self.text(after))"
        case .criterionRemoved: return "\(criterion ?? "") removed without a migration rule: \(Self.text(before))"
        case .criterionRenamed: return "\(Self.text(before)) renamed to \(Self.text(after))"
        case .criterionSplit: return "\(Self.text(before)) split into \(Self.text(after))"
        case .criterionMerged: return "\(Self.text(before)) merged into \(Self.text(after?["into"])) (\(Self.text(after?["combine"])))"
        case .criterionRetired: return "\(criterion ?? "") retired: \(Self.text(before))" + (after == nil ? "" : " — \(Self.text(after))")
        case .schemeAdded: return "scheme \(scheme ?? "") added: \(Self.thresholdText(after?["threshold"]))"
        case .schemeRemoved: return "scheme \(scheme ?? "") removed"
        case .thresholdChanged: return "scheme \(scheme ?? "") threshold \(displayBefore) → \(displayAfter)"
        case .productionTypeAdded, .departmentAdded, .stageAdded, .localeAdded: return "\(kind.rawValue.replacingOccurrences(of: "-added", with: "").replacingOccurrences(of: "-", with: " ")) \(productionType ?? department ?? locale ?? Self.text(after?["id"])) added"
        case .productionTypeRemoved, .departmentRemoved, .stageRemoved, .localeRemoved: return "\(kind.rawValue.replacingOccurrences(of: "-removed", with: "").replacingOccurrences(of: "-", with: " ")) \(productionType ?? department ?? locale ?? Self.text(before?["id"])) removed"
        default:
            let what = kind.rawValue.replacingOccurrences(of: "-changed", with: "").replacingOccurrences(of: "-", with: " ")
            return "\(subject) \(what)\(localeSuffix): \(displayBefore) → \(displayAfter)"
        }
    }

    /// `before` as people read it: percentages for thresholds, text for the rest.
    public var displayBefore: String { display(before) }

    /// `after` as people read it.
    public var displayAfter: String { display(after) }

    private func display(_ value: JSONValue?) -> String {
        switch kind {
        case .thresholdChanged: return Self.percent(value)
        case .starLevelsChanged:
            return value?.arrayValue?.map { "\($0["stars"]?.integerValue ?? 0)★ \(Self.percent($0["basis_points"]))" }.joined(separator: ", ") ?? "—"
        case .schemeAdded, .schemeRemoved: return Self.thresholdText(value?["threshold"])
        case .productionTypeAdded, .productionTypeRemoved, .departmentAdded, .departmentRemoved, .stageAdded, .stageRemoved:
            return value.map { Self.text($0["title"]) } ?? "—"
        default: return Self.text(value)
        }
    }

    static func percent(_ value: JSONValue?) -> String {
        guard let basisPoints = value?.integerValue else { return text(value) }
        return BasisPoints(basisPoints).shortText + "%"
    }

    static func thresholdText(_ value: JSONValue?) -> String {
        let comparison = value?["comparison"]?.stringValue.flatMap(Comparison.init(rawValue:))?.symbol ?? ""
        return "\(comparison) \(percent(value?["basis_points"]))"
    }

    /// A compact rendering of a JSON value: strings plain, arrays joined, objects as JSON.
    static func text(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return "—"
        case .string(let text)?: return text
        case .integer(let number)?: return String(number)
        case .bool(let flag)?: return String(flag)
        case .array(let items)?: return "[" + items.map { text($0) }.joined(separator: ", ") + "]"
        case .object(let members)? where members.values.allSatisfy({ $0.stringValue != nil }) && members["en"] != nil:
            // A localized text: show English, the diff's reading language, with the other locales after it.
            let others = members.keys.filter { $0 != "en" }.sorted().map { "\($0): \(members[$0]!.stringValue!)" }
            return members["en"]!.stringValue! + (others.isEmpty ? "" : " (" + others.joined(separator: "; ") + ")")
        case let other?: return String(decoding: other.canonicalBytes(), as: UTF8.self)
        }
    }
}
