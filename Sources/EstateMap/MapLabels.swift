/// The names a map writes, placed as a cartographer would: each in the first of its candidate
/// places that stays on the map and overlaps no name placed before it, no site symbol, town dot,
/// north arrow or scale bar; a name with no free place is left out (the hover details, the
/// district table and the sites table still name everything). Towns and districts go first
/// (`placeNames`), then, for print, the numbers of closing sites around them (`ClosureKey`).
package struct MapLabels {
    /// A rectangle on the canvas, pixels (y down).
    package struct Box: Equatable, Sendable {
        package var x0, y0, x1, y1: Double

        package init(x0: Double, y0: Double, x1: Double, y1: Double) {
            (self.x0, self.y0, self.x1, self.y1) = (x0, y0, x1, y1)
        }

        /// The square of half-side `radius` centred at (x, y).
        package init(x: Double, y: Double, radius: Double) {
            self.init(x0: x - radius, y0: y - radius, x1: x + radius, y1: y + radius)
        }

        /// Whether the two share any area (touching edges do not count).
        package func overlaps(_ other: Box) -> Bool {
            x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1
        }

        func contains(_ other: Box) -> Bool {
            other.x0 >= x0 && other.x1 <= x1 && other.y0 >= y0 && other.y1 <= y1
        }
    }

    /// Where a name is written: its SVG `x`, baseline `y` and `text-anchor`.
    package struct Place: Equatable, Sendable {
        package var x, y: Double
        package var anchor: LabelFont.Anchor

        package init(x: Double, y: Double, anchor: LabelFont.Anchor) {
            (self.x, self.y, self.anchor) = (x, y, anchor)
        }
    }

    private let bounds: Box
    private var taken: [Box]

    /// - Parameters:
    ///   - bounds: where names may go (the map box, not the panel beside it).
    ///   - obstacles: what no name may cover: site symbols, town dots, the north arrow and scale bar.
    init(bounds: Box, obstacles: [Box]) {
        self.bounds = bounds
        taken = obstacles
    }

    /// The first of `candidates` where `text` in `font` stays within the bounds and clear of every
    /// obstacle and every name placed so far, which it then occupies; nil when none is free.
    /// `fits` may refuse a place for what it would cover (a district's name over another district).
    mutating func place(_ text: String, font: LabelFont, candidates: [Place], fits: (Box) -> Bool = { _ in true }) -> Place? {
        let boxes = candidates.map { font.box(text, at: $0) }
        guard let first = boxes.first else { return nil }
        // Only what lies within reach of some candidate can stand in the way (a map has thousands of marks).
        let reach = boxes.reduce(first) { Box(x0: min($0.x0, $1.x0), y0: min($0.y0, $1.y0), x1: max($0.x1, $1.x1), y1: max($0.y1, $1.y1)) }
        let near = taken.filter { $0.overlaps(reach) }
        for (candidate, box) in zip(candidates, boxes) {
            if bounds.contains(box) && !near.contains(where: { $0.overlaps(box) }) && fits(box) {
                taken.append(box)
                return candidate
            }
        }
        return nil
    }

    /// Places district and town names, returning where each went (nil: left out), in the order
    /// given. A town's name must stay beside its dot while a district's can move within the
    /// district, so the towns go first, in the order given (a dataset lists its principal towns
    /// first), then the districts, top of the map first; a district left with no room is then
    /// placed before every town on another pass (at most three), since a district's name matters more. A
    /// district's name stays over its district: `inDistrict(d, box)` says whether it does.
    mutating func placeNames(districts: [(name: String, x: Double, y: Double)], towns: [(name: String, x: Double, y: Double)],
                             inDistrict: (Int, Box) -> Bool) -> (districts: [(text: String, place: Place)?], towns: [Place?]) {
        let start = self
        let order = districts.indices.sorted { (districts[$0].y, districts[$0].x, districts[$0].name) < (districts[$1].y, districts[$1].x, districts[$1].name) }
        var first: [Int] = [], passes = 0
        while true {
            self = start
            var districtPlaces = [(text: String, place: Place)?](repeating: nil, count: districts.count)
            // On one line, or else broken over two, as a long name is where a district is crowded.
            func placeDistrict(_ d: Int) {
                let (name, x, y) = districts[d]
                let font = LabelFont.district
                for (text, lines) in [(name, 1.0)] + (LabelFont.twoLines(name).map { [($0, 2.0)] } ?? []) {
                    let candidates = Self.aroundArea(x: x, y: y - (lines - 1) * font.lineHeight / 2, font: font)
                    if let found = place(text, font: font, candidates: candidates, fits: { inDistrict(d, $0) }) {
                        districtPlaces[d] = (text, found)
                        return
                    }
                }
            }
            first.forEach(placeDistrict)
            let townPlaces = towns.map { town in
                place(town.name, font: .town, candidates: Self.aroundPoint(x: town.x, y: town.y, radius: MapCanvas.townDot, font: .town))
            }
            let rest = order.filter { !first.contains($0) }
            rest.forEach(placeDistrict)
            let crowdedOut = rest.filter { districtPlaces[$0] == nil }
            passes += 1
            if crowdedOut.isEmpty || passes == 3 { return (districtPlaces, townPlaces) }
            first = order.filter { first.contains($0) || crowdedOut.contains($0) }
        }
    }

    /// Places around an area's label anchor, nearest first: the anchor itself, then shifts of
    /// half a line and 12 pixels, up to six lines and 144 pixels away.
    static func aroundArea(x: Double, y: Double, font: LabelFont) -> [Place] {
        let line = font.lineHeight
        var shifts: [(dx: Double, dy: Double)] = []
        for row in 0...24 {
            let dy = Double((row + 1) / 2) * (row % 2 == 1 ? 1 : -1) * line / 2
            for column in 0...24 { shifts.append((Double((column + 1) / 2) * (column % 2 == 1 ? 12 : -12), dy)) }
        }
        // Nearest first; ties keep the order above (down before up, right before left).
        let ordered = shifts.enumerated().sorted {
            let a = $0.element.dx * $0.element.dx + $0.element.dy * $0.element.dy
            let b = $1.element.dx * $1.element.dx + $1.element.dy * $1.element.dy
            return (a, $0.offset) < (b, $1.offset)
        }
        // Baseline a third of the size below the anchor, so the capitals centre on it.
        return ordered.map { Place(x: x + $0.element.dx, y: y + $0.element.dy + font.size * 2 / 7, anchor: .middle) }
    }

    /// Places around a point mark of half-size `radius` (a town dot, a site symbol), in the
    /// cartographer's order of preference: right, above right, below right, left, above left,
    /// below left, above, below; then the same ring again at each further `gaps` (pixels between
    /// the mark and the name).
    static func aroundPoint(x: Double, y: Double, radius: Double, font: LabelFont, gaps: [Double] = [2.2, 7, 12]) -> [Place] {
        let ascent = font.size * LabelFont.ascent, descent = font.size * LabelFont.descent
        var places: [Place] = []
        for gap in gaps {
            let d = radius + gap, diagonal = radius * 0.7 + gap
            let middle = y + (ascent - descent) / 2
            places += [
                Place(x: x + d, y: middle, anchor: .start),
                Place(x: x + diagonal, y: y - diagonal - descent, anchor: .start),
                Place(x: x + diagonal, y: y + diagonal + ascent, anchor: .start),
                Place(x: x - d, y: middle, anchor: .end),
                Place(x: x - diagonal, y: y - diagonal - descent, anchor: .end),
                Place(x: x - diagonal, y: y + diagonal + ascent, anchor: .end),
                Place(x: x, y: y - d - descent, anchor: .middle),
                Place(x: x, y: y + d + ascent, anchor: .middle),
            ]
        }
        return places
    }
}

/// How a map name is set, and the one estimate of its size that placing it and the tests use.
/// A pure writer has no font metrics, so widths come from a table of DejaVu Sans's advances (the
/// widest of the faces `MapCanvas.fontFamily` lists, and what headless Chromium on Debian uses),
/// a little generous, so a name set in any listed face fits its box.
package struct LabelFont: Sendable {
    package enum Anchor: String, Sendable { case start, middle, end }

    /// Font size, pixels.
    package let size: Double
    package let bold: Bool
    /// Width of the white halo drawn under the letters (SVG `stroke-width`), pixels.
    package let halo: Double

    /// District names: 14 px bold.
    package static let district = LabelFont(size: 14, bold: true, halo: 4)
    /// Town names: 10.5 px italic.
    package static let town = LabelFont(size: 10.5, bold: false, halo: 3)
    /// Closing sites' numbers on the printed map: 8.5 px bold.
    package static let closureNumber = LabelFont(size: 8.5, bold: true, halo: 2.5)
    /// The lines of the key to those numbers under the map: 8.5 px.
    package static let closureKey = LabelFont(size: 8.5, bold: false, halo: 0)

    /// Height above the baseline and depth below it, in ems (DejaVu Sans: capitals 0.73,
    /// ascenders 0.76, descenders 0.24).
    static let ascent = 0.76, descent = 0.24

    /// Distance between the baselines of a name's lines, pixels.
    package var lineHeight: Double { size * 1.2 }

    /// Estimated width of `text` (of its longest line), pixels.
    package func width(_ text: String) -> Double {
        let ems = text.split(separator: "\n").map { $0.reduce(0.0) { $0 + Self.advance($1) } }.max() ?? 0
        return ems * size * (bold ? 1.12 : 1)
    }

    /// `name` broken into two lines (joined by a newline) at the space nearest its middle; nil
    /// when it is one word.
    static func twoLines(_ name: String) -> String? {
        let middle = Double(name.count) / 2
        let spaces = name.indices.filter { name[$0] == " " }
        guard let cut = spaces.min(by: { abs(Double(name.distance(from: name.startIndex, to: $0)) - middle)
                                         < abs(Double(name.distance(from: name.startIndex, to: $1)) - middle) }) else { return nil }
        return name[..<cut] + "\n" + name[name.index(after: cut)...]
    }

    /// The box `text` covers written at `place` (lines after the first `lineHeight` apart below
    /// it), its halo included.
    package func box(_ text: String, at place: MapLabels.Place) -> MapLabels.Box {
        let width = width(text), pad = halo / 2
        let below = Double(text.split(separator: "\n").count - 1) * lineHeight
        let x0 = switch place.anchor {
        case .start: place.x
        case .middle: place.x - width / 2
        case .end: place.x - width
        }
        return MapLabels.Box(x0: x0 - pad, y0: place.y - size * Self.ascent - pad, x1: x0 + width + pad, y1: place.y + below + size * Self.descent + pad)
    }

    /// A character's advance in ems, by the classes DejaVu Sans's widths fall into.
    private static func advance(_ c: Character) -> Double {
        switch c {
        case "i", "j", "l", "I", "J", ".", ",", ":", ";", "'", "!", "|": return 0.32
        case " ", "f", "t", "r", "(", ")", "-", "/": return 0.42
        case "m", "w", "M", "W", "&", "%": return 0.98
        case "A"..."Z", "@", "#": return 0.76
        default: return 0.64
        }
    }
}
