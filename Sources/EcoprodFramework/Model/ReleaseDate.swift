import Foundation

/// The release date a bundle carries: from `--date`, else from `SOURCE_DATE_EPOCH` (the
/// reproducible-builds convention), else none. Never the clock, so builds stay reproducible.
public enum ReleaseDate {
    /// A problem with the date inputs.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// The date as `YYYY-MM-DD`, or nil when it is not a real calendar date.
    public static func validated(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days ? text : nil
    }

    /// Resolves the date from `--date` or the environment's `SOURCE_DATE_EPOCH` (UTC).
    public static func resolve(explicit: String?, environment: [String: String]) throws(Invalid) -> String? {
        if let explicit { return validated(explicit) }
        guard let epochText = environment["SOURCE_DATE_EPOCH"] else { return nil }
        guard let epoch = Int(epochText), epoch >= 0 else {
            throw Invalid(description: "SOURCE_DATE_EPOCH must be a non-negative integer, got '\(epochText)'")
        }
        return format(epoch: epoch)
    }

    /// The date to stamp: `--date`, else `SOURCE_DATE_EPOCH`, else (with `todayByDefault`, as
    /// for a release) today's UTC date.
    public static func resolve(
        explicit: String?, environment: [String: String], todayByDefault: Bool
    ) throws(Invalid) -> String? {
        try resolve(explicit: explicit, environment: environment)
            ?? (todayByDefault ? format(epoch: Int(Date().timeIntervalSince1970)) : nil)
    }

    /// A Unix time as a UTC calendar date, computed without the locale or time zone.
    public static func format(epoch: Int) -> String {
        // Howard Hinnant's days-to-civil algorithm.
        let z = epoch / 86_400 + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
