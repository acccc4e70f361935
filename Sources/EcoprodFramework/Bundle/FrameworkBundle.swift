import Foundation

/// A frozen, content-hashed bundle: the one file every scorer reads.
///
/// The digest is SHA-256 over the RFC 8785 canonical form of the bundle object without its
/// `digest` member, so any language with a JCS library can check it. The file itself is the
/// pretty layout of the same object (sorted members, two-space indent), so the bytes are
/// determined by the content alone.
public struct FrameworkBundle: Sendable, Hashable {
    /// The format tag written in every bundle. A scorer refuses a format it does not know.
    public static let format = "ecoprod-bundle/1"

    /// The compiled framework the bundle carries.
    public var framework: Framework {
        didSet { content = nil }
    }
    /// `sha256:<64 lowercase hex>`.
    public var digest: String

    /// The bundle object without `digest`, kept from the digest computation (or from the
    /// verified file) so that writing the file does not build it a second time.
    private var content: JSONValue?

    /// Makes the bundle of a framework, computing its digest.
    public init(framework: Framework) {
        let content = Self.contentValue(of: framework)
        self.framework = framework
        self.digest = Self.digest(ofContent: content)
        self.content = content
    }

    /// A bundle with a digest already known (read from a verified file).
    public init(framework: Framework, digest: String) {
        self.framework = framework
        self.digest = digest
    }

    init(framework: Framework, digest: String, content: JSONValue) {
        self.framework = framework
        self.digest = digest
        self.content = content
    }

    /// The bundle as a JSON value, digest included.
    public var jsonValue: JSONValue {
        var members = (content ?? Self.contentValue(of: framework)).objectValue ?? [:]
        members["digest"] = .string(digest)
        return .object(members)
    }

    public static func == (lhs: FrameworkBundle, rhs: FrameworkBundle) -> Bool {
        lhs.digest == rhs.digest && lhs.framework == rhs.framework
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
        hasher.combine(framework)
    }

    /// The bytes of the bundle file: pretty, sorted, newline-terminated, identical on every machine.
    public func fileBytes() -> [UInt8] {
        jsonValue.prettyBytes()
    }

    /// The file name a release gets: `<framework-id>-<version>.json`.
    public var fileName: String {
        "\(framework.identity.id)-\(framework.identity.version).json"
    }

    /// The digest of a bundle's content (the bundle object without `digest`).
    /// `sizeHint`: about how many bytes the canonical form has (a bundle file's size bounds it).
    public static func digest(ofContent content: JSONValue, sizeHint: Int = 4096) -> String {
        "sha256:" + HexDigest.sha256(content.canonicalBytes(sizeHint: sizeHint))
    }

    /// The bundle object without its digest.
    static func contentValue(of framework: Framework) -> JSONValue {
        directContentValue(of: framework)
    }

    /// The same object through the Codable wire form: the reference the direct encoder is tested against.
    static func codableContentValue(of framework: Framework) -> JSONValue {
        let document = BundleDocument(framework: framework, digest: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document), let value = try? JSONParser().parse(Array(data)) else {
            preconditionFailure("a compiled framework always encodes to JSON")
        }
        return value
    }
}

/// The wire form of a bundle, member for member. `Schemas/bundle.schema.json` documents it.
struct BundleDocument: Codable {
    var format: String
    var framework: FrameworkIdentity
    var departments: [Department]
    var criteria: [Criterion]
    var productionTypes: [CatalogEntry]
    var scoring: ScoringPolicy
    var lineage: Lineage
    var audit: AuditPolicy?
    var digest: String?

    enum CodingKeys: String, CodingKey {
        case format, framework, departments, criteria, scoring, lineage, audit, digest
        case productionTypes = "production_types"
    }

    init(framework: Framework, digest: String?) {
        self.format = FrameworkBundle.format
        self.framework = framework.identity
        self.departments = framework.departments
        self.criteria = framework.criteria
        self.productionTypes = framework.productionTypes
        self.scoring = framework.scoring
        self.lineage = framework.lineage
        self.audit = framework.audit
        self.digest = digest
    }

    var model: Framework {
        Framework(
            identity: framework, departments: departments, criteria: criteria,
            productionTypes: productionTypes, scoring: scoring, lineage: lineage, audit: audit)
    }
}
