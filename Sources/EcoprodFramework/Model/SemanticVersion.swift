/// A semantic version (`MAJOR.MINOR.PATCH`, semver 2.0.0, without build metadata).
///
/// Framework versions follow semver by their effect on scores: a change that can alter a
/// score needs a major bump, an addition a minor one, a text edit a patch.
public struct SemanticVersion: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int
    /// Pre-release identifiers (`1.0.0-rc.1` has `["rc", "1"]`); they sort before the release.
    public var prerelease: [String]

    public init(major: Int, minor: Int, patch: Int, prerelease: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
    }

    /// Parses `1.2.3` or `1.2.3-rc.1`; nil when the text is not a semver version.
    public init?(_ text: String) {
        let (core, pre) = Self.split(text)
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3 else { return nil }
        var values: [Int] = []
        for part in numbers {
            guard !part.isEmpty, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                part == "0" || !part.hasPrefix("0"), part.count <= 9, let value = Int(part)
            else { return nil }
            values.append(value)
        }
        var identifiers: [String] = []
        if let pre {
            for identifier in pre.split(separator: ".", omittingEmptySubsequences: false) {
                guard !identifier.isEmpty,
                    identifier.unicodeScalars.allSatisfy({
                        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
                    })
                else { return nil }
                identifiers.append(String(identifier))
            }
        }
        self.init(major: values[0], minor: values[1], patch: values[2], prerelease: identifiers)
    }

    private static func split(_ text: String) -> (Substring, Substring?) {
        guard let dash = text.firstIndex(of: "-") else { return (Substring(text), nil) }
        return (text[..<dash], text[text.index(after: dash)...])
    }

    public var description: String {
        let core = "\(major).\(minor).\(patch)"
        return prerelease.isEmpty ? core : core + "-" + prerelease.joined(separator: ".")
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.prerelease.isEmpty, rhs.prerelease.isEmpty) {
        case (true, true), (true, false): return false
        case (false, true): return true
        case (false, false):
            for (l, r) in zip(lhs.prerelease, rhs.prerelease) where l != r {
                switch (Int(l), Int(r)) {
                case (let a?, let b?): return a < b
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return l < r
                }
            }
            return lhs.prerelease.count < rhs.prerelease.count
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = SemanticVersion(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a semantic version (MAJOR.MINOR.PATCH)")
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
