import EcoprodFramework
import EcoprodReports

/// The words a grid shows and reads: statuses and the mandatory flag, in each locale.
///
/// The writer uses the workbook's locale. The importer accepts either locale's word, and the
/// status IDs of the answer format (`not-met`), ignoring case and surrounding spaces, because a
/// production may type rather than pick, or share one grid between French and English speakers.
enum GridWords {
    /// The word for a status in `locale`, as the status drop-down offers it.
    static func word(_ status: AnswerStatus, _ locale: String) -> String {
        label(status)[locale]
    }

    /// Every spelling of a status that the importer and the Score sheet's formulas accept.
    static func spellings(_ status: AnswerStatus) -> [String] {
        let label = label(status)
        var words = [label.french, label.english]
        if !words.contains(where: { $0.lowercased() == status.rawValue }) { words.append(status.rawValue) }
        return words
    }

    /// The status a cell's text names; nil for an unknown word.
    static func status(_ text: String) -> AnswerStatus? {
        statuses[normalized(text)]
    }

    /// Every accepted spelling, normalized, and the status it names: one lookup per row.
    private static let statuses: [String: AnswerStatus] = Dictionary(
        AnswerStatus.allCases.flatMap { status in spellings(status).map { (normalized($0), status) } },
        uniquingKeysWith: { first, _ in first })

    /// "Oui"/"Yes" or "Non"/"No".
    static func mandatory(_ flag: Bool, _ locale: String) -> String {
        (flag ? yes : no)[locale]
    }

    /// The flag a mandatory cell's text names (either locale, or a spreadsheet boolean); nil otherwise.
    static func mandatoryFlag(_ text: String) -> Bool? {
        flags[normalized(text)]
    }

    private static let flags: [String: Bool] = Dictionary(
        [yes.french, yes.english, "true", "1"].map { (normalized($0), true) }
            + [no.french, no.english, "false", "0"].map { (normalized($0), false) },
        uniquingKeysWith: { first, _ in first })

    private static let yes = ReportLabel("Oui", "Yes")
    private static let no = ReportLabel("Non", "No")

    private static func label(_ status: AnswerStatus) -> ReportLabel {
        switch status {
        case .met: return .met
        case .notMet: return .notMet
        case .notApplicable: return .notApplicable
        }
    }

    /// Without surrounding white space (any Unicode white space, such as the no-break space a
    /// spreadsheet may keep), lowercased.
    private static func normalized(_ text: String) -> String {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text[start...].lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? start
        return text[start..<end].lowercased()
    }
}
