import EcoprodFramework

/// How one answer is split between the grid's visible cells and the hidden preserved JSON.
///
/// A member goes to a cell only when the cell can give it back exactly: evidence as a list of
/// non-empty strings without line breaks (one per line), a note or justification as a non-empty
/// string within a cell's 32,767 characters. Everything else (other members, and these members
/// in any other shape) goes to the preserved JSON, whole, and comes back unchanged. A member is
/// never in both places, so a production's edit of a cell always wins.
struct GridAnswerCells: Equatable {
    var evidence: String?
    var note: String?
    var justification: String?
    /// The members no cell shows, verbatim.
    var preserved: [String: JSONValue]

    /// The most characters (UTF-16 code units) a cell holds in Excel.
    static let cellLimit = 32_767

    init(_ answer: Answer) {
        var rest = answer.fields
        evidence = nil
        note = nil
        justification = nil
        if case .array(let items)? = rest["evidence"], !items.isEmpty {
            let strings = items.compactMap(\.stringValue)
            if strings.count == items.count, strings.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isNewline) }) {
                let joined = strings.joined(separator: "\n")
                if joined.utf16.count <= Self.cellLimit {
                    evidence = joined
                    rest["evidence"] = nil
                }
            }
        }
        if let text = Self.cellText(rest["note"]) {
            note = text
            rest["note"] = nil
        }
        if let text = Self.cellText(rest["justification"]) {
            justification = text
            rest["justification"] = nil
        }
        preserved = rest
    }

    private static func cellText(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty, text.utf16.count <= cellLimit else { return nil }
        return text
    }

    /// The answer's members from cells read back, each nil when the cell is empty. The importer
    /// lays them over the preserved members.
    static func fields(evidence: String?, note: String?, justification: String?) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        if let evidence {
            let items = lines(evidence)
            if !items.isEmpty { fields["evidence"] = .array(items.map(JSONValue.string)) }
        }
        if let note { fields["note"] = .string(note) }
        if let justification { fields["justification"] = .string(justification) }
        return fields
    }

    /// The non-empty lines of a cell, split at every line break Unicode counts as a `Character`'s
    /// `isNewline` (LF, VT, FF, CR, CR LF, NEL, LS, PS), as `split(whereSeparator: \.isNewline)`
    /// does. On bytes: a line break is always a grapheme of its own, so no `Character` needs
    /// to be formed to find one.
    static func lines(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var lines: [String] = []
        var start = 0
        var index = 0
        func cut(_ end: Int, skipping length: Int) {
            if end > start { lines.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
            index = end + length
            start = index
        }
        while index < bytes.count {
            switch bytes[index] {
            case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A: cut(index, skipping: 2)
            case 0x0A...0x0D: cut(index, skipping: 1)
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: cut(index, skipping: 2)
            case 0xE2
            where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                cut(index, skipping: 3)
            default: index += 1
            }
        }
        cut(bytes.count, skipping: 0)
        return lines
    }
}
