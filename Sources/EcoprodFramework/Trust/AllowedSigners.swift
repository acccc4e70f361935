/// Who may sign, in OpenSSH's allowed-signers format (ssh-keygen(1), "ALLOWED SIGNERS"): the
/// file `ssh-keygen -Y verify -f` reads, so the label's trust list is checked the same way by
/// `ecoprod` and by OpenSSH alone.
///
/// Each line is `principals [options] keytype base64-key [comment]`. The options read are
/// `namespaces="…"` (the purposes a key may sign for), `valid-after="…"` and `valid-before="…"`
/// (for rotation) and `cert-authority` (recognised, and refused: the label trusts keys, not CAs).
public struct AllowedSigners: Sendable {
    /// One signer: a key, the names it answers to, and where and when it may sign.
    public struct Entry: Sendable, Hashable {
        public var principals: [String]
        public var key: SSHPublicKey
        /// The namespaces the key may sign for; nil allows every namespace.
        public var namespaces: [String]?
        public var validAfter: SignerTime?
        public var validBefore: SignerTime?
        /// The 1-based line of the file.
        public var line: Int

        /// Whether the entry allows signing for `namespace`, as OpenSSH's `match_pattern_list`
        /// decides: a negated pattern that matches refuses, whatever else matches.
        public func allows(namespace: String) -> Bool {
            namespaces.map { Glob.matchesList($0, namespace) } ?? true
        }

        /// Whether `time` falls inside the entry's validity dates.
        public func isValid(at time: SignerTime) -> Bool {
            (validAfter.map { time >= $0 } ?? true) && (validBefore.map { time < $0 } ?? true)
        }
    }

    /// A line that could not be read, with its place.
    public struct Problem: Sendable, Hashable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    public private(set) var entries: [Entry] = []
    public private(set) var problems: [Problem] = []

    /// A file is a short list of people; a larger one is refused before it is read.
    public static let maximumFileBytes = 1024 * 1024

    /// Reads the file's text; every line that cannot be read is a problem, and reading goes on.
    public init(text: String) {
        // "\r\n" is one Character: split on it too, or a CRLF line would swallow the next one.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do {
                entries.append(try Self.entry(String(line), line: index + 1))
            } catch {
                problems.append(error)
            }
        }
    }

    /// The entries that name `key`.
    public func entries(for key: SSHPublicKey) -> [Entry] {
        entries.filter { $0.key == key }
    }

    private static func entry(_ text: String, line: Int) throws(Problem) -> Entry {
        var fields = try AllowedSignersLine.fields(text, line: line)
        guard fields.count >= 2 else {
            throw Problem(message: "expected principals, options and a key", line: line, column: 1)
        }
        let principals = fields.removeFirst()
        var options: (text: String, column: Int)?
        if !Self.isKeyType(fields[0].text) {
            options = fields.removeFirst()
        }
        guard fields.count >= 2, Self.isKeyType(fields[0].text) else {
            throw Problem(
                message: "expected a key type such as ssh-ed25519 and a base64 key", line: line,
                column: fields.first?.column ?? text.count + 1)
        }
        let key: SSHPublicKey
        do {
            key = try SSHPublicKey(text: fields[0].text + " " + fields[1].text)
        } catch {
            throw Problem(message: "the key: \(error.message)", line: line, column: fields[1].column)
        }
        let names = AllowedSignersLine.list(principals.text)
        if names.contains(where: { $0.hasPrefix("!") }) {
            // OpenSSH would refuse the names a negation matches; the verifier checks keys, not
            // names, so it refuses the line rather than be laxer than OpenSSH.
            throw Problem(
                message: "negated principals ('!') are not supported: list the signer's names", line: line,
                column: principals.column)
        }
        var entry = Entry(principals: names, key: key, line: line)
        if let options { try Self.apply(options: options, to: &entry) }
        return entry
    }

    private static func apply(options: (text: String, column: Int), to entry: inout Entry) throws(Problem) {
        let parsed: [(name: String, value: String?, offset: Int)]
        do {
            parsed = try AllowedSignersLine.options(options.text)
        } catch {
            throw Problem(message: error.message, line: entry.line, column: options.column + error.offset)
        }
        for option in parsed {
            let column = options.column + option.offset
            switch option.name {
            case "namespaces":
                entry.namespaces = (option.value ?? "").split(separator: ",", omittingEmptySubsequences: false)
                    .map(String.init)
            case "valid-after", "valid-before":
                guard let value = option.value, let time = SignerTime(value) else {
                    throw Problem(
                        message: "\(option.name) takes a date: YYYYMMDD or YYYYMMDDHHMM[SS], with an optional Z",
                        line: entry.line, column: column)
                }
                if option.name == "valid-after" { entry.validAfter = time } else { entry.validBefore = time }
            default:
                throw Problem(
                    message: "cert-authority: the label trusts signers' own keys, not certificate authorities",
                    line: entry.line, column: column)
            }
        }
        if let after = entry.validAfter, let before = entry.validBefore, before <= after {
            throw Problem(message: "valid-before is not after valid-after", line: entry.line, column: options.column)
        }
    }

    /// Whether a field names an SSH key type (`ssh-ed25519`, `ecdsa-sha2-nistp256`, `sk-…`).
    public static func isKeyType(_ text: String) -> Bool {
        text.hasPrefix("ssh-") || text.hasPrefix("ecdsa-") || text.hasPrefix("sk-")
    }
}

extension AllowedSigners.Problem: Error {}

/// Shell-like wildcard patterns as OpenSSH matches principals and namespaces: `*` and `?`.
enum Glob {
    /// OpenSSH's `match_pattern_list`: true when some pattern matches and no negated pattern
    /// (`!pattern`) does.
    static func matchesList(_ patterns: [String], _ text: String) -> Bool {
        var positive = false
        for pattern in patterns {
            if pattern.hasPrefix("!") {
                if matches(String(pattern.dropFirst()), text) { return false }
            } else if matches(pattern, text) {
                positive = true
            }
        }
        return positive
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        matches(Array(pattern.unicodeScalars), 0, Array(text.unicodeScalars), 0)
    }

    private static func matches(_ pattern: [Unicode.Scalar], _ p: Int, _ text: [Unicode.Scalar], _ t: Int) -> Bool {
        var (p, t) = (p, t)
        var star: (p: Int, t: Int)?
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                star = (p, t)
                p += 1
            } else if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let last = star {
                p = last.p + 1
                t = last.t + 1
                star = (last.p, last.t + 1)
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
