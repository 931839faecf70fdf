import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML document as a flat list of elements, enough for tests to count and inspect marks.
struct XMLTree {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// Names of the enclosing elements' ids and classes do not matter here; the parent's attributes do.
        var ancestors: [[String: String]]
        var text = ""
        /// All the text inside, children's included (a name continued in a `<tspan>`).
        var content = ""
    }

    private(set) var elements: [Element] = []

    /// Parses `text`; fails the way XMLParser does (with its line and column) when it is not well-formed XML.
    init(_ text: String) throws {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw NSError(domain: "XMLTree", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber): \(String(describing: parser.parserError))"])
        }
        elements = collector.elements
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
    func first(id: String) -> Element? { elements.first { $0.attributes["id"] == id } }
    /// Elements inside the element with `id` (any depth).
    func inside(id: String) -> [Element] { elements.filter { $0.ancestors.contains { $0["id"] == id } } }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var stack: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, ancestors: stack.map { elements[$0].attributes }))
            stack.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let open = stack.last { elements[open].text += string }
            for open in stack { elements[open].content += string }
        }
    }
}
