/// Locale codes as the framework declares them: BCP 47 language tags (RFC 5646), such as `fr`,
/// `en`, `pt-BR` or `zh-Hant`.
///
/// A locale code ends up in reports as an attribute value and a class name, and in file and
/// column names of spreadsheets; refusing anything but a well-formed tag keeps every one of
/// those safe, whatever a source or a bundle says.
public enum LocaleTag {
    /// Whether `code` is a well-formed BCP 47 tag of the forms frameworks use: a 2–3 letter
    /// language, then optional subtags of 1–8 letters or digits (script, region, variant).
    public static func isValid(_ code: String) -> Bool {
        let subtags = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = subtags.first, (2...3).contains(language.count),
            language.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
        else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.count)
                && subtag.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                }
        }
    }
}
