/// Text from a framework put into Markdown, as GitHub renders it: every character that could
/// open markup is escaped with a backslash (CommonMark escapes any ASCII punctuation), so a
/// title holding `<img src=x onerror=…>`, `![](http://tracker)` or `@here` reaches a pull
/// request's comment as the text it is, never as an image, a link, HTML or a mention.
public enum MarkdownText {
    /// The characters escaped: HTML and entities, images and links, emphasis and strike-through,
    /// code, table cells, headings, mentions, and the backslash itself.
    static let escaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "!", "|", "~", "@", "&", "#"]

    /// `text` for a Markdown paragraph, list item or table cell: escaped, on one line.
    public static func inline(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            if escaped.contains(character) {
                output.append("\\")
                output.append(character)
            } else if character.isNewline {
                output.append(" ")
            } else {
                output.append(character)
            }
        }
        return output
    }

    /// `text` as a code span: nothing inside one renders, so only a backtick needs care (a
    /// text holding one is escaped as inline text instead).
    public static func code(_ text: String) -> String {
        text.contains("`") || text.contains(where: \.isNewline) ? inline(text) : "`\(text)`"
    }
}
