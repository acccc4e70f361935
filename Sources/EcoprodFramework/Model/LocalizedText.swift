/// A human text given in every locale of the framework, keyed by locale code (`fr`, `en`).
///
/// Encoded as a plain JSON object (`{"en": "…", "fr": "…"}`) so that scorers in any
/// language read it without a custom decoder.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The text per locale code.
    public var translations: [String: String]

    public init(_ translations: [String: String]) {
        self.translations = translations
    }

    /// The text in `locale`, if given.
    public subscript(locale: String) -> String? {
        translations[locale]
    }

    /// The locales this text is given in, sorted.
    public var locales: [String] { translations.keys.sorted() }

    public init(from decoder: any Decoder) throws {
        translations = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(translations)
    }
}
