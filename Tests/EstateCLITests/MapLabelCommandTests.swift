import EstateMap
import Foundation
import XCTest

/// The names on the Kent default map (`bin/estate plan`), placed as a cartographer would: no name
/// (nor closing site's number) overlaps another, none covers a site symbol; the printed key
/// names every closing site by its number. Boxes are computed from the SVG the plan wrote,
/// names with the renderer's own text-width estimate (`LabelFont`), symbols from their own markup.
final class MapLabelCommandTests: XCTestCase {
    func testKentDefaultMapNamesOverlapNoOtherNameAndNoSiteSymbol() throws {
        let scratch = try Scratch()
        let run = try EstateRun.run(["plan", "datasets/kent/scenario.yaml", "--out", scratch.path("out"), "--quiet", "--no-explain"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let svg = try scratch.read("out/estate.svg")

        let districts = Self.names(in: group("layer-district-labels", of: svg), font: .district, anchor: .middle)
        let towns = Self.names(in: group("layer-places", of: svg), font: .town, anchor: .start)
        let closures = Self.names(in: group("layer-closure-numbers", of: svg), font: .closureNumber, anchor: .start)
        let names = districts.map { (text: $0.text, box: $0.box, name: $0.name, font: 0) } + towns.map { (text: $0.text, box: $0.box, name: $0.name, font: 1) }
            + closures.map { (text: $0.text, box: $0.box, name: $0.name, font: 2) }
        let symbols = Self.symbols(in: svg)

        // What the map must name: every district, and the towns the crowded west used to hide.
        let districtNames = Set(parseCSV(try scratch.read("out/districts.csv")).rows.compactMap { $0["district"] }).subtracting(["total"])
        let named = group("layer-district-labels", of: svg).components(separatedBy: "<text").dropFirst().map { element in
            Self.unescaped(element.drop { $0 != ">" }.dropFirst().replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression))
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        XCTAssertEqual(Set(named), districtNames, "every district is named (a long name may take two lines)")
        for town in ["Sevenoaks", "Royal Tunbridge Wells", "Tonbridge"] {
            XCTAssertTrue(towns.contains { $0.text == town }, "\(town) is named")
        }
        // In print every closing site has a number beside its symbol, and the key under the map
        // gives each number the site's name.
        let closed = parseCSV(try scratch.read("out/sites.csv")).rows.filter { $0["decision"] == "closed" }
        let numbered = group("layer-closure-numbers", of: svg).components(separatedBy: "<text").dropFirst().map { element in
            (site: Self.attribute("data-closure", of: element.prefix { $0 != ">" })!,
             number: String(element.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }))
        }
        XCTAssertEqual(numbered.count, closed.count, "every closing site is numbered")
        XCTAssertEqual(Set(numbered.map(\.site)), Set(closed.map { $0["site_id"]! }))
        XCTAssertEqual(Set(numbered.map(\.number)).count, closed.count, "each its own number")
        let key = Self.names(in: group("closure-key", of: svg), font: .closureKey, anchor: .start)
        for site in closed {
            let number = try XCTUnwrap(numbered.first { $0.site == site["site_id"] }).number
            XCTAssertEqual(key.filter { $0.text == "\(number)  \(site["name"]!)" }.count, 1, "the key names \(number)")
        }
        XCTAssertGreaterThan(symbols.count, 100, "every site's symbol was read")
        let mapBottom = symbols.map(\.box.y1).max()!
        for line in key {
            XCTAssertTrue(line.box.x0 >= 0 && line.box.x1 <= 900 && line.box.y0 > mapBottom, "\(line.text) is under the map, off the panel")
        }

        for a in names.indices {
            XCTAssertTrue(names[a].box.x0 >= 0 && names[a].box.x1 <= 900, "\(names[a].text) stays on the map, off the panel")
            // The lines of one name (its `name` index within its group) are one label.
            for b in names.indices where a < b && !(names[a].name == names[b].name && names[a].font == names[b].font) {
                XCTAssertFalse(names[a].box.overlaps(names[b].box), "\(names[a].text) overlaps \(names[b].text)")
            }
            for symbol in symbols {
                XCTAssertFalse(names[a].box.overlaps(symbol.box), "\(names[a].text) covers the symbol of \(symbol.site)")
            }
        }
    }

    /// The markup of the group `id` (up to its first closing tag: the name groups nest nothing).
    private func group(_ id: String, of svg: String) -> String {
        svg.components(separatedBy: "<g id=\"\(id)\"").dropFirst().first?.components(separatedBy: "</g>").first ?? ""
    }

    /// Every line of every `<text>` of a name group (a name over two lines continues in a
    /// `<tspan>` with its own `x` and `dy`) with the box its font covers; `anchor` is the group's default.
    private static func names(in group: String, font: LabelFont, anchor: LabelFont.Anchor) -> [(text: String, box: MapLabels.Box, name: Int)] {
        group.components(separatedBy: "<text").dropFirst().enumerated().flatMap { name, element in
            let tag = element.prefix { $0 != ">" }
            let anchor = attribute("text-anchor", of: tag).flatMap(LabelFont.Anchor.init) ?? anchor
            var x = Double(attribute("x", of: tag)!)!, y = Double(attribute("y", of: tag)!)!
            var lines: [(text: String, box: MapLabels.Box, name: Int)] = []
            for (k, part) in element.components(separatedBy: "<tspan").enumerated() {
                let tag = part.prefix { $0 != ">" }
                if k > 0 { x = Double(attribute("x", of: tag)!)!; y += Double(attribute("dy", of: tag)!)! }
                let text = unescaped(String(part.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })).trimmingCharacters(in: .whitespaces)
                lines.append((text, font.box(text, at: MapLabels.Place(x: x, y: y, anchor: anchor)), name))
            }
            return lines
        }
    }

    /// Every site symbol's box: its translate and scale, and the extent of its own shapes
    /// (circle radius, rectangle corners, path vertices) plus half their stroke.
    private static func symbols(in svg: String) -> [(site: String, box: MapLabels.Box)] {
        svg.components(separatedBy: "<g class=\"site ").dropFirst().map { element in
            let tag = element.prefix { $0 != ">" }
            let body = String(element.drop { $0 != ">" }).components(separatedBy: "</g>")[0]
            let transform = attribute("transform", of: tag)!
            let numbers = self.numbers(transform)
            let scale = transform.contains("scale(") ? numbers[2] : 1
            var extent = 0.0
            for shape in body.components(separatedBy: "<").dropFirst() {
                let half = (attribute("stroke-width", of: shape).flatMap(Double.init) ?? 0) / 2
                if shape.hasPrefix("circle") {
                    extent = max(extent, Double(attribute("r", of: shape)!)! + half)
                } else if shape.hasPrefix("rect") {
                    let x = Double(attribute("x", of: shape)!)!, y = Double(attribute("y", of: shape)!)!
                    let w = Double(attribute("width", of: shape)!)!, h = Double(attribute("height", of: shape)!)!
                    extent = max(extent, [abs(x), abs(x + w), abs(y), abs(y + h)].max()! + half)
                } else if shape.hasPrefix("path") {
                    // Absolute M, L, H and V only, as the symbols are written; every number is a coordinate.
                    extent = max(extent, self.numbers(attribute("d", of: shape)!).map(abs).max()! + half)
                }
            }
            return (attribute("data-site", of: tag)!, MapLabels.Box(x: numbers[0], y: numbers[1], radius: extent * scale))
        }
    }

    private static func attribute(_ name: String, of tag: some StringProtocol) -> String? {
        tag.components(separatedBy: " \(name)=\"").dropFirst().first?.components(separatedBy: "\"").first
    }

    private static func numbers(_ text: String) -> [Double] {
        text.matches(of: /-?[0-9]*\.?[0-9]+/).map { Double(text[$0.range])! }
    }

    private static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
