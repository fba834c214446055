/// Text made safe to stand inside HTML or XML, as element content or a quoted attribute: the five characters that
/// could end either are replaced by references (the apostrophe numerically, valid in both). Used by the web pages,
/// the server's printable pages and the pacs.008 messages.
public enum MarkupText {
    public static func escaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
