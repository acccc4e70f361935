/// One event of the public register, as its canonical JSON (RFC 8785) entry in the log.
public struct RegisterEntry: Sendable, Hashable {
    /// What happened to a certificate.
    public enum Event: String, Sendable, Hashable, CaseIterable {
        case issued, suspended, reinstated, withdrawn

        /// Whether this event may follow `previous` (nil: the certificate's first event).
        public func follows(_ previous: Event?) -> Bool {
            switch (previous, self) {
            case (nil, .issued): return true
            case (.issued, .suspended), (.reinstated, .suspended): return true
            case (.suspended, .reinstated): return true
            case (.issued, .withdrawn), (.suspended, .withdrawn), (.reinstated, .withdrawn): return true
            case (nil, .suspended), (nil, .reinstated), (nil, .withdrawn), (.issued, .issued),
                (.issued, .reinstated), (.suspended, .issued), (.suspended, .suspended), (.reinstated, .issued),
                (.reinstated, .reinstated), (.withdrawn, .issued), (.withdrawn, .suspended),
                (.withdrawn, .reinstated), (.withdrawn, .withdrawn):
                return false
            }
        }
    }

    /// Lowercase hex SHA-256 of the certificate file's bytes.
    public var certificate: String
    public var event: Event
    public var production: Production
    public var stars: Int
    public var framework: (id: String, version: String)
    /// `YYYY-MM-DD`.
    public var date: String
    /// Why, for every event but `issued`.
    public var reason: String?

    public init(
        certificate: String, event: Event, production: Production, stars: Int, framework: (id: String, version: String),
        date: String, reason: String?
    ) {
        self.certificate = certificate
        self.event = event
        self.production = production
        self.stars = stars
        self.framework = framework
        self.date = date
        self.reason = reason
    }

    public static func == (left: RegisterEntry, right: RegisterEntry) -> Bool { left.jsonValue == right.jsonValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(jsonValue.canonicalBytes()) }

    public var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "certificate": .string("sha256:" + certificate), "event": .string(event.rawValue),
            "production": [
                "title": .string(production.title), "type": .string(production.type),
                "scheme": .string(production.scheme),
            ],
            "stars": .integer(stars),
            "framework": ["id": .string(framework.id), "version": .string(framework.version)],
            "date": .string(date),
        ]
        if let reason { object["reason"] = .string(reason) }
        return .object(object)
    }

    /// The bytes logged: the entry's canonical JSON.
    public var bytes: [UInt8] { jsonValue.canonicalBytes() }

    /// Reads a logged entry, which must be canonical JSON with exactly the members above.
    public init(bytes: [UInt8]) throws(JSONField.ShapeError) {
        let value: JSONValue
        do {
            value = try JSONParser().parse(bytes)
        } catch {
            throw JSONField.ShapeError(kind: .invalid("not JSON"), path: "$")
        }
        let members = try JSONField(value).object().refusingOthers(
            than: ["certificate", "event", "production", "stars", "framework", "date", "reason"],
            what: "a register entry")
        certificate = try members.sha256("certificate", prefixed: true)
        event = try members.required("event").oneOf(Event.self)
        production = try Production(reading: members.required("production"))
        stars = try members.required("stars").integer()
        let framework = try members.required("framework").object().refusingOthers(
            than: ["id", "version"], what: "a framework")
        self.framework = (try framework.required("id").string(), try framework.required("version").string())
        date = try members.date("date")
        reason = try members.optional("reason")?.string()
        guard value.canonicalBytes() == bytes else {
            throw JSONField.ShapeError(kind: .invalid("the entry is not in canonical JSON (RFC 8785)"), path: "$")
        }
        guard (reason == nil) == (event == .issued) else {
            throw JSONField.ShapeError(
                kind: .invalid("an \(event.rawValue) entry \(event == .issued ? "has no" : "needs a") reason"),
                path: "$.reason")
        }
    }
}
