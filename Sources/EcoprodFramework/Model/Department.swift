/// A department ("poste d'action"): a group of criteria, such as Production or Travel.
public struct Department: Sendable, Hashable, Codable, Identifiable {
    /// The department's ID; Ecoprod letters them (`A` is Production, communication and commitment).
    public var id: String
    public var title: LocalizedText

    public init(id: String, title: LocalizedText) {
        self.id = id
        self.title = title
    }
}

/// A declared value with a localized title: a production type (`series`) or a production stage (`shoot`).
public struct CatalogEntry: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var title: LocalizedText

    public init(id: String, title: LocalizedText) {
        self.id = id
        self.title = title
    }
}
