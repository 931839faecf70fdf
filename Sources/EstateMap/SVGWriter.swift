/// Appends SVG/XML text with escaping done once, in one place. Attributes keep the order given,
/// so output is byte-identical for the same data.
package struct SVGWriter {
    private(set) var text = ""

    init() { text.reserveCapacity(1 << 16) }

    /// `<name a="v" ...>`; values are escaped.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "<" + name
        append(attributes)
        text += ">"
    }

    mutating func close(_ name: String) {
        text += "</" + name + ">\n"
    }

    /// `<name a="v" .../>`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        text += "<" + name
        append(attributes)
        text += "/>\n"
    }

    /// `<name ...>escaped text</name>`.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text content: String) {
        open(name, attributes)
        text += Self.escape(content)
        close(name)
    }

    /// Markup already built elsewhere (e.g. a nested writer's output); never user text.
    mutating func raw(_ markup: String) {
        text += markup
    }

    private mutating func append(_ attributes: KeyValuePairs<String, String>) {
        for (key, value) in attributes {
            text += " " + key + "=\"" + Self.escape(value) + "\""
        }
    }

    /// Escapes the five XML specials; also safe inside HTML text and attributes.
    package static func escape(_ s: String) -> String {
        guard s.contains(where: { "&<>\"'".contains($0) }) else { return s }
        var out = ""
        out.reserveCapacity(s.count + 8)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
