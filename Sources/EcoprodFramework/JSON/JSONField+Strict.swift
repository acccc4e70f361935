extension JSONField.Members {
    /// Refuses a member not in `allowed`: a signed document that carries a member nobody
    /// computed (`"certified_by_afnor": true`) states what no tool checked.
    public func refusingOthers(than allowed: Set<String>, what: String) throws(JSONField.ShapeError) -> Self {
        if let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw JSONField.ShapeError(
                kind: .invalid("'\(unknown)' is not a member of \(what)"), path: JSONPath.member(unknown, of: path))
        }
        return self
    }

    /// A required member that is a calendar date, `YYYY-MM-DD`.
    public func date(_ name: String) throws(JSONField.ShapeError) -> String {
        let field = try required(name)
        let text = try field.string()
        guard ReleaseDate.validated(text) != nil else {
            throw JSONField.ShapeError(
                kind: .invalid("'\(text)' is not a calendar date (YYYY-MM-DD)"), path: field.path)
        }
        return text
    }

    /// A required member that is lowercase hex SHA-256, optionally after `sha256:`.
    public func sha256(_ name: String, prefixed: Bool = false) throws(JSONField.ShapeError) -> String {
        let field = try required(name)
        let text = try field.string()
        let hex = prefixed && text.hasPrefix("sha256:") ? String(text.dropFirst(7)) : text
        guard !prefixed || text.hasPrefix("sha256:"), HexDigest.isSHA256(hex) else {
            throw JSONField.ShapeError(
                kind: .invalid(
                    "'\(text)' is not a SHA-256 digest (\(prefixed ? "sha256:" : "")64 lowercase hex digits)"),
                path: field.path)
        }
        return hex
    }
}
