import EcoprodFramework
import StrictYAML

/// A value read from a source file, with where it was written.
public struct Located<Value> {
    public var value: Value
    public var range: SourceRange

    public init(_ value: Value, at range: SourceRange) {
        self.value = value
        self.range = range
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

/// The checked keys of one YAML mapping. Mappings are small, so a scan beats hashing.
///
/// It shares the mapping's own entry array and keeps positions into it: copying the entries
/// (each with its nodes) cost a reference-count round trip per node.
struct MappingFields {
    /// The mapping's entries, all of them (unknown keys included).
    let entries: [YAMLMappingEntry]
    /// The known key texts, and for each the position of its entry in `entries`.
    let keys: [String]
    let positions: [Int]
    let range: SourceRange

    subscript(key: String) -> YAMLNode? { keys.firstIndex(of: key).map { entries[positions[$0]].value } }
}

/// Types YAML nodes by the framework schema, one node at a time, collecting diagnostics.
///
/// Scalars are text until typed here: integers are decimal digits only, booleans are exactly
/// `true` or `false`, and anything else is a diagnostic that names the expected type.
struct SourceDecoder {
    var diagnostics = DiagnosticCollector()
    /// The declared locales; every localized text must give each of them.
    var locales: [String] = []

    /// Reads a mapping, reporting unknown keys (with a suggestion) and missing required keys.
    mutating func mapping(
        _ node: YAMLNode, context: @autoclosure () -> String, required: [String], optional: [String] = []
    ) -> MappingFields? {
        guard let entries = node.mappingEntries else {
            diagnostics.emit(.wrongType(expected: "a mapping", found: node, what: context()))
            return nil
        }
        var keys: [String] = []
        var positions: [Int] = []
        keys.reserveCapacity(entries.count)
        positions.reserveCapacity(entries.count)
        for index in entries.indices {
            let key = entries[index].keyText
            if required.contains(key) || optional.contains(key) {
                keys.append(key)
                positions.append(index)
            } else {
                diagnostics.emit(
                    .unknownKey(key, at: entries[index].key.range, in: context(), allowed: required + optional))
            }
        }
        for key in required where !keys.contains(key) {
            diagnostics.emit(.missingKey(key, in: context(), at: node.range))
        }
        return MappingFields(entries: entries, keys: keys, positions: positions, range: node.range)
    }

    /// Reads non-empty text.
    mutating func text(_ node: YAMLNode?, what: @autoclosure () -> String) -> Located<String>? {
        guard let node else { return nil }
        guard let scalar = node.scalar, !scalar.isNull, !scalar.value.isEmpty else {
            diagnostics.emit(.wrongType(expected: "text", found: node, what: what()))
            return nil
        }
        return Located(scalar.value, at: node.range)
    }

    /// Reads a decimal integer: digits only, with an optional leading minus for the range check to report.
    func integer(_ node: YAMLNode) -> Int? {
        guard let scalar = node.scalar, scalar.style == .plain || node.tag != nil else { return nil }
        let text = scalar.value
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 15, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            digits == "0" || !digits.hasPrefix("0")
        else { return nil }
        return Int(text)
    }

    /// Reads `true` or `false`, and nothing else.
    func boolean(_ node: YAMLNode) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        switch scalar.value {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// Reads a sequence.
    mutating func sequence(_ node: YAMLNode?, what: @autoclosure () -> String) -> [YAMLNode]? {
        guard let node else { return nil }
        guard let items = node.sequenceItems else {
            diagnostics.emit(.wrongType(expected: "a list", found: node, what: what()))
            return nil
        }
        return items
    }

    /// Reads a list of text scalars.
    mutating func textList(_ node: YAMLNode?, what: @autoclosure () -> String) -> [Located<String>]? {
        guard let items = sequence(node, what: what()) else { return nil }
        return items.compactMap { text($0, what: "each item of \(what())") }
    }

    /// Reads a text given per locale, checking that every declared locale is there and no other.
    mutating func localized(_ node: YAMLNode?, what: @autoclosure () -> String) -> LocalizedText? {
        guard let node else { return nil }
        guard let entries = node.mappingEntries else {
            diagnostics.emit(
                .wrongType(expected: "a mapping of locale to text (fr: …, en: …)", found: node, what: what()))
            return nil
        }
        var translations: [String: String] = [:]
        for entry in entries {
            if !locales.isEmpty && !locales.contains(entry.keyText) {
                diagnostics.emit(.undeclaredLocale(entry.keyText, at: entry.key.range, declared: locales))
                continue
            }
            if let text = text(entry.value, what: "\(what()) (\(entry.keyText))") {
                translations[entry.keyText] = text.value
            }
        }
        for locale in LocalizedText(translations).missingLocales(of: locales)
        where !entries.contains(where: { $0.keyText == locale }) {
            diagnostics.emit(
                .missingTranslation(
                    locale, what: what(), at: node.range, insertion: Self.translationInsertion(locale, into: node)))
        }
        return LocalizedText(translations)
    }

    /// Where a missing translation goes: after the mapping's last entry, on its own line in a block
    /// mapping, after a comma in a flow one (`{fr: …}`). The text is a placeholder to translate.
    static func translationInsertion(_ locale: String, into node: YAMLNode) -> FixIt.Edit? {
        guard let entries = node.mappingEntries, let first = entries.first, let last = entries.last else { return nil }
        let end = last.value.range.end
        let at = SourceLocation(
            file: node.range.file, line: end.line, column: end.column, endLine: end.line, endColumn: end.column)
        let isFlow = node.range.start != first.key.range.start
        let text =
            isFlow
            ? ", \(locale): \"TODO\""
            : "\n" + String(repeating: " ", count: first.key.range.start.column - 1) + "\(locale): \"TODO\""
        return FixIt.Edit(at, text)
    }

    /// Reads a percentage with at most two decimals (`65`, `65.5`) as basis points.
    mutating func percent(_ node: YAMLNode?, what: @autoclosure () -> String) -> Located<Int>? {
        guard let node else { return nil }
        guard let scalar = node.scalar, scalar.style == .plain else {
            diagnostics.emit(.wrongType(expected: "a percentage such as 65 or 65.5", found: node, what: what()))
            return nil
        }
        let parts = scalar.value.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        let whole = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
        guard isDigits(whole), whole.count <= 6, parts.count == 1 || (isDigits(parts[1]) && parts[1].count <= 2) else {
            diagnostics.emit(
                .wrongType(
                    expected: "a percentage such as 65 or 65.5 (at most two decimals)", found: node, what: what()))
            return nil
        }
        var basisPoints = Int(whole)! * 100
        if parts.count == 2 {
            basisPoints += Int(parts[1])! * (parts[1].count == 1 ? 10 : 1)
        }
        return Located(parts[0].hasPrefix("-") ? -basisPoints : basisPoints, at: node.range)
    }

    /// Reads one of a fixed set of words.
    mutating func choice<T: RawRepresentable & CaseIterable>(
        _ node: YAMLNode?, what: @autoclosure () -> String, as: T.Type
    ) -> T? where T.RawValue == String {
        guard let node, let text = text(node, what: what()) else { return nil }
        if let value = T(rawValue: text.value) { return value }
        let allowed = T.allCases.map(\.rawValue)
        let suggestion = Spelling.closest(to: text.value, among: allowed)
        diagnostics.emit(
            .invalidValue(
                "\(what()) must be one of \(allowed.joined(separator: ", ")), found '\(text.value)'", at: node.range,
                help: suggestion.map { "did you mean '\($0)'?" }))
        return nil
    }

    /// Reads a list of `{id, title}` entries (stages, production types, departments). Duplicate IDs
    /// are one of the model's invariants (``FrameworkInvariants``), reported once the model is built.
    mutating func catalog(_ node: YAMLNode?, what: @autoclosure () -> String) -> [Located<CatalogEntry>] {
        guard let items = sequence(node, what: what()) else { return [] }
        var result: [Located<CatalogEntry>] = []
        for item in items {
            guard let fields = mapping(item, context: "an entry of \(what())", required: ["id", "title"]),
                let id = text(fields["id"], what: "id"),
                let title = localized(
                    fields["title"], what: "the title of \(what()) '\(fields["id"]?.scalar?.value ?? "")'")
            else { continue }
            result.append(Located(CatalogEntry(id: id.value, title: title), at: id.range))
        }
        return result
    }
}
