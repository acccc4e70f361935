/// Where a release comes from: the previous release it was diffed against, and the rules
/// that carry answers written for that release to this one.
public struct Lineage: Sendable, Hashable, Codable {
    /// The previous release this one was diffed against; nil for a first release.
    public var previous: ReleaseReference?
    /// The migration rules from `previous` to this release, in criterion order.
    public var rules: [MigrationRule]
    /// The fingerprint (`SHA256:…`) of the key that signs this release, when it was released
    /// with `--sign`. Inside the digest, so a signature by another key cannot pass for the release's.
    public var signer: String?

    public init(previous: ReleaseReference? = nil, rules: [MigrationRule] = [], signer: String? = nil) {
        self.previous = previous
        self.rules = rules
        self.signer = signer
    }

    /// The lineage of a first release.
    public static let origin = Lineage()
}

/// A pointer to a released bundle: its version and digest.
public struct ReleaseReference: Sendable, Hashable, Codable {
    public var version: SemanticVersion
    /// `sha256:<hex>` of the bundle, as in its `digest` member.
    public var digest: String

    public init(version: SemanticVersion, digest: String) {
        self.version = version
        self.digest = digest
    }
}

/// One migration rule from the previous release.
public struct MigrationRule: Sendable, Hashable, Codable {
    /// What the rule does.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case rename, split, merge, retire
    }

    /// How the statuses of merged criteria combine.
    public enum Combination: String, Sendable, Hashable, Codable, CaseIterable {
        case allMet = "all-met"
        case anyMet = "any-met"
    }

    public var kind: Kind
    /// The previous release's IDs the rule consumes.
    public var from: [String]
    /// The new IDs the rule produces (empty for a retirement).
    public var to: [String]
    /// For a merge: how statuses combine.
    public var combine: Combination?
    /// For a retirement: why, in every locale.
    public var reason: LocalizedText?

    public init(kind: Kind, from: [String], to: [String], combine: Combination? = nil, reason: LocalizedText? = nil) {
        self.kind = kind
        self.from = from
        self.to = to
        self.combine = combine
        self.reason = reason
    }
}
