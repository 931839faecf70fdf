import XMLText

/// The printed map's key to its closing sites: each closing site has a number beside its symbol
/// and the key, under the map, lists number → name by district, so a printed map names every
/// closing site however crowded (on screen the hover details name them, and both stay hidden).
/// Numbered by district, then name, then id, so each district's closures are a run of numbers.
struct ClosureKey {
    struct Entry: Equatable {
        var number: Int
        /// Index of the site in `EstateMapData.sites`.
        var site: Int
        var name: String
        var district: String
    }

    var entries: [Entry]

    init(entries: [Entry]) {
        self.entries = entries
    }

    init(sites: [MapSite]) {
        let closed = sites.indices.filter { sites[$0].decision == .closed }
            .sorted { (sites[$0].district, sites[$0].name, sites[$0].id) < (sites[$1].district, sites[$1].name, sites[$1].id) }
        entries = closed.enumerated().map { Entry(number: $0.offset + 1, site: $0.element, name: sites[$0.element].name,
                                                   district: sites[$0.element].district) }
    }

    /// Line height and the gap between columns, pixels.
    static let lineHeight = 11.0, columnGap = 18.0, margin = 24.0

    /// The key's lines in reading order: each district's name, then its closures.
    var lines: [(text: String, heading: Bool)] {
        var lines: [(String, Bool)] = []
        for entry in entries {
            if lines.isEmpty || entry.district != entries[entry.number - 2].district { lines.append((entry.district, true)) }
            lines.append(("\(entry.number)  \(entry.name)", false))
        }
        return lines
    }

    /// The key as print-only markup starting at `top` (the bottom of the map box), in as many
    /// columns (at most four) as its longest line allows across the map's width, filled
    /// top to bottom; and the height it takes. Nothing, of no height, without closures.
    func markup(top: Double) -> (markup: String, height: Double) {
        guard !entries.isEmpty else { return ("", 0) }
        let font = LabelFont.closureKey, lines = self.lines
        let widest = lines.map { font.width($0.text) * ($0.heading ? 1.12 : 1) }.max() ?? 0
        let usable = MapCanvas.mapWidth - 2 * Self.margin
        let columns = min(4, max(1, Int((usable + Self.columnGap) / (widest + Self.columnGap))))
        let rows = (lines.count + columns - 1) / columns
        let columnWidth = (usable + Self.columnGap) / Double(columns)
        var svg = SVGWriter()
        svg.open("g", ["id": "closure-key", "class": "closure-key", "font-size": Fixed.trimmed(font.size), "fill": "#1e1e1e"])
        svg.raw("<style>.closure-key{display:none}@media print{.closure-key{display:inline}}</style>\n")
        let title = top + 22
        svg.element("text", ["x": Fixed.trimmed(Self.margin), "y": Fixed.trimmed(title), "font-size": "11", "font-weight": "700"],
                    text: "Closing sites: the numbers on the map")
        for (k, line) in lines.enumerated() {
            let x = Self.margin + Double(k / rows) * columnWidth, y = title + 16 + Double(k % rows) * Self.lineHeight
            if line.heading {
                svg.element("text", ["x": Fixed.trimmed(x), "y": Fixed.trimmed(y), "font-weight": "700"], text: line.text)
            } else {
                svg.element("text", ["x": Fixed.trimmed(x), "y": Fixed.trimmed(y)], text: line.text)
            }
        }
        svg.close("g")
        return (svg.text, 22 + 16 + Double(rows) * Self.lineHeight + 12)
    }
}
