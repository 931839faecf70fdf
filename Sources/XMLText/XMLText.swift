/// Text written into XML or HTML: the map's SVG and page, the report, the frontier plot and the
/// workbook's sheets. One rule, so that a name with an apostrophe or a stray control character
/// reads the same, and parses, in every file Estate writes.
package enum XMLText {
    /// `text` safe as XML 1.0 character data and as a quoted attribute value, and as HTML text
    /// or attribute: the five specials escaped (the apostrophe as `&#39;`, which HTML 4 reads
    /// too, unlike `&apos;`), and the control characters XML 1.0 forbids (below U+0020 but tab,
    /// newline and carriage return) dropped, since no XML parser accepts them even escaped.
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { "&<>\"'".unicodeScalars.contains($0) || Self.forbidden($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case let s where Self.forbidden(s): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func forbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }
}
