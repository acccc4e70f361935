/// The integer another YAML dialect would have read from a points value this profile refuses:
/// `0x10`, `0o17`, `1_000`, `+3`, `4.0`. Used only to offer the decimal spelling as a fix; the
/// profile itself never reads these as numbers.
enum PointsSpelling {
    static func decimal(of text: String) -> Int? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.hasPrefix("+") { body = body.dropFirst() }
        body = Substring(body.replacingOccurrences(of: "_", with: ""))
        let lower = body.lowercased()
        if lower.hasPrefix("0x") { return Int(lower.dropFirst(2), radix: 16) }
        if lower.hasPrefix("0o") { return Int(lower.dropFirst(2), radix: 8) }
        if lower.hasPrefix("0b") { return Int(lower.dropFirst(2), radix: 2) }
        if let dot = body.firstIndex(of: "."), body[body.index(after: dot)...].allSatisfy({ $0 == "0" }) {
            return Int(body[..<dot])
        }
        return Int(body)
    }
}
