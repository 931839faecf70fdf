import XMLText

/// Appends SVG/XML text, escaping every attribute value and text by the one rule (`XMLText`). Attributes keep the order given,
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
        text += XMLText.escaped(content)
        close(name)
    }

    /// Markup already built elsewhere (e.g. a nested writer's output); never user text.
    mutating func raw(_ markup: String) {
        text += markup
    }

    private mutating func append(_ attributes: KeyValuePairs<String, String>) {
        for (key, value) in attributes {
            text += " " + key + "=\"" + XMLText.escaped(value) + "\""
        }
    }
}
