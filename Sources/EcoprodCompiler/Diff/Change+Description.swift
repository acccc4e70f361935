import EcoprodFramework

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
        case .criterionAdded: return "\(criterion ?? "") added: \(Self.title(after))"
        case .criterionRemoved: return "\(criterion ?? "") removed without a migration rule: \(Self.title(before))"
        case .criterionRenamed: return "\(Self.text(before)) renamed to \(Self.text(after))"
        case .criterionSplit: return "\(Self.text(before)) split into \(Self.text(after))"
        case .criterionMerged: return "\(Self.text(before)) merged into \(Self.text(after?["into"])) (\(Self.text(after?["combine"])))"
        case .criterionRetired: return "\(criterion ?? "") retired: \(Self.title(before))" + (after?["en"]?.stringValue.map { " — \($0)" } ?? "")
        case .schemeAdded: return "scheme \(scheme ?? "") added: \(Self.thresholdText(after?["threshold"]))"
        case .schemeRemoved: return "scheme \(scheme ?? "") removed"
        case .thresholdChanged: return "scheme \(scheme ?? "") threshold \(Self.percent(before)) → \(Self.percent(after))"
        case .productionTypeAdded, .departmentAdded, .stageAdded, .localeAdded: return "\(kind.rawValue.replacingOccurrences(of: "-added", with: "")) \(productionType ?? department ?? locale ?? Self.text(after?["id"])) added"
        case .productionTypeRemoved, .departmentRemoved, .stageRemoved, .localeRemoved: return "\(kind.rawValue.replacingOccurrences(of: "-removed", with: "")) \(productionType ?? department ?? locale ?? Self.text(before?["id"])) removed"
        default:
            let what = kind.rawValue.replacingOccurrences(of: "-changed", with: "").replacingOccurrences(of: "-", with: " ")
            return "\(subject) \(what)\(localeSuffix): \(Self.text(before)) → \(Self.text(after))"
        }
    }

    static func title(_ value: JSONValue?) -> String {
        value?["title"]?["en"]?.stringValue.map { "'\($0)'" } ?? ""
    }

    static func percent(_ value: JSONValue?) -> String {
        guard let basisPoints = value?.integerValue else { return text(value) }
        return FrameworkValidator.percentText(basisPoints) + "%"
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
        case let other?: return String(decoding: other.canonicalBytes(), as: UTF8.self)
        }
    }
}
