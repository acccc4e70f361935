import Foundation

/// A moment as allowed-signers files write it, `YYYYMMDD[HHMM[SS]][Z]`, held as the 14 digits
/// `YYYYMMDDHHMMSS` so that moments compare exactly, as integers.
///
/// OpenSSH reads a time without `Z` in the local time zone; `ecoprod` reads every time as UTC, so
/// that verification gives the same answer on every machine. Writing the `Z` makes both agree.
public struct SignerTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `YYYYMMDDHHMMSS` as an integer: 20261129000000.
    public let value: Int64

    public init?(_ text: String) {
        var digits = text.hasSuffix("Z") || text.hasSuffix("z") ? String(text.dropLast()) : text
        guard [8, 12, 14].contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            return nil
        }
        digits += String(repeating: "0", count: 14 - digits.count)
        guard let value = Int64(digits) else { return nil }
        let month = value / 100_000_000 % 100
        let day = value / 1_000_000 % 100
        let hour = value / 10_000 % 100
        let minute = value / 100 % 100
        let second = value % 100
        let year = value / 10_000_000_000
        let date = String(format: "%04d-%02d-%02d", Int(year), Int(month), Int(day))
        // A calendar date: the 31st of November is no day at all, and is refused.
        guard ReleaseDate.validated(date) != nil, hour < 24, minute < 60, second < 61 else { return nil }
        self.value = value
    }

    /// The start (00:00:00 UTC) of a release date written `YYYY-MM-DD`.
    public init?(releaseDate: String) {
        guard ReleaseDate.validated(releaseDate) != nil else { return nil }
        let parts = releaseDate.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
        self.init(parts.joined())
    }

    /// The current moment, in UTC.
    public static var now: SignerTime {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let text = String(
            format: "%04d%02d%02d%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour,
            parts.tm_min, parts.tm_sec)
        return SignerTime(text)!
    }

    public static func < (lhs: SignerTime, rhs: SignerTime) -> Bool { lhs.value < rhs.value }

    /// `2026-11-29 00:00:00Z`.
    public var description: String {
        let text = String(value)
        let padded = String(repeating: "0", count: max(0, 14 - text.count)) + text
        let c = Array(padded)
        return
            "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8])) \(String(c[8..<10])):\(String(c[10..<12])):\(String(c[12..<14]))Z"
    }
}
