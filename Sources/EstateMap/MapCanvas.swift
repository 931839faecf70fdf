/// The parts every map shares: the page layout (map box on the left, title block and legend in
/// a panel on the right), district outlines and labels, the scale bar and the north arrow.
/// The estate map and the difference map add their own layers in between.
struct MapCanvas {
    static let mapWidth = 900.0
    static let panelWidth = 340.0
    static let width = mapWidth + panelWidth
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"
    /// Where the panel's text starts and ends, pixels.
    static let panelLeft = mapWidth + 24
    static let panelRight = width - 24

    let frame: MapFrame

    /// Fits every area, site and boundary vertex into the map box.
    init(points: [GeoPoint]) {
        frame = MapFrame(points: points, x: 0, y: 0, width: Self.mapWidth, minHeight: 640, maxHeight: 1000, margin: 36)
    }

    /// Writes a whole SVG document: background, `layers` (already built markup, bottom first),
    /// the scale bar and north arrow, and the panel. `standalone` adds the XML namespace a
    /// stand-alone .svg file needs (inline SVG in HTML must not carry a URL at all).
    func document(standalone: Bool, layers: String, panel: Panel) -> String {
        let panelMarkup = panel.markup()
        let height = max(frame.box.height, panel.height)
        let h = Fixed.trimmed(height)
        var svg = SVGWriter()
        if standalone {
            svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(Fixed.trimmed(Self.width)) \(h)",
                             "width": Fixed.trimmed(Self.width), "height": h, "font-family": Self.fontFamily, "id": "estate-map"])
        } else {
            svg.open("svg", ["viewBox": "0 0 \(Fixed.trimmed(Self.width)) \(h)", "font-family": Self.fontFamily,
                             "id": "estate-map", "role": "img", "aria-label": panel.title])
        }
        svg.raw("\n")
        svg.element("title", text: panel.title + " — " + panel.subtitle)
        svg.empty("rect", ["x": "0", "y": "0", "width": Fixed.trimmed(Self.mapWidth), "height": h, "fill": "#f3f1ea"])
        svg.empty("rect", ["x": Fixed.trimmed(Self.mapWidth), "y": "0", "width": Fixed.trimmed(Self.panelWidth), "height": h, "fill": "#ffffff"])
        svg.empty("line", ["x1": Fixed.trimmed(Self.mapWidth), "y1": "0", "x2": Fixed.trimmed(Self.mapWidth), "y2": h, "stroke": "#bbbbbb"])
        svg.raw(Self.hatchDefinition)
        svg.raw(layers)
        svg.raw(scaleBar())
        svg.raw(northArrow())
        svg.raw(panelMarkup)
        svg.close("svg")
        return svg.text
    }

    /// District outlines and labels: the given boundaries, or outlines derived from the areas.
    /// Labels go in their own group so they stay above every other layer.
    /// Outlines come from `boundaries` when given, else from the areas' shapes.
    func districtLayers(shapes: AreaShapes, areaDistricts: [String],
                        boundaries: [DistrictBoundary]) -> (outlines: String, labels: String) {
        var outlines = SVGWriter(), labels = SVGWriter()
        outlines.open("g", ["id": "layer-districts", "fill": "none", "stroke-linejoin": "round"])
        var anchors: [(district: String, x: Double, y: Double)]
        if boundaries.isEmpty, case .outlines(let polygons) = shapes {
            // Districts merged from their areas' outlines: the arcs between two districts, and the outside.
            let edges = polygons.districtEdges()
            if !edges.inner.isEmpty {
                outlines.empty("path", ["d": edges.inner, "stroke": "#ffffff", "stroke-width": "3", "stroke-opacity": "0.8"])
                outlines.empty("path", ["d": edges.inner, "stroke": "#1e1e1e", "stroke-width": "1.2"])
            }
            if !edges.outer.isEmpty {
                outlines.empty("path", ["d": edges.outer, "stroke": "#1e1e1e", "stroke-width": "1.6"])
            }
            anchors = polygons.districtAnchors()
        } else if boundaries.isEmpty, case .derived(let raster) = shapes {
            let names = Array(Set(areaDistricts)).sorted()
            let number = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            let derived = DistrictOutlines(raster: raster, district: areaDistricts.map { number[$0]! }, districts: names)
            // A white casing under a dark line keeps outlines legible over every fill colour.
            if !derived.innerPath.isEmpty {
                outlines.empty("path", ["d": derived.innerPath, "stroke": "#ffffff", "stroke-width": "3", "stroke-opacity": "0.8"])
                outlines.empty("path", ["d": derived.innerPath, "stroke": "#1e1e1e", "stroke-width": "1.2"])
            }
            if !derived.outerPath.isEmpty {
                outlines.empty("path", ["d": derived.outerPath, "stroke": "#1e1e1e", "stroke-width": "1.6"])
            }
            anchors = derived.labels
        } else {
            anchors = []
            for boundary in boundaries.sorted(by: { $0.district < $1.district }) {
                var d = ""
                var sumX = 0.0, sumY = 0.0, n = 0.0
                for ring in boundary.rings {
                    for (k, point) in ring.enumerated() {
                        let p = frame.pixel(lat: point.lat, lon: point.lon)
                        d += (k == 0 ? "M" : "L") + Fixed.trimmed(p.x) + " " + Fixed.trimmed(p.y)
                        sumX += p.x; sumY += p.y; n += 1
                    }
                    d += "Z"
                }
                outlines.empty("path", ["d": d, "stroke": "#ffffff", "stroke-width": "3", "stroke-opacity": "0.8"])
                outlines.empty("path", ["d": d, "stroke": "#1e1e1e", "stroke-width": "1.2", "data-district": boundary.district])
                if n > 0 { anchors.append((boundary.district, sumX / n, sumY / n)) }
            }
        }
        outlines.close("g")
        labels.open("g", ["id": "layer-district-labels", "font-size": "14", "font-weight": "700", "fill": "#111111",
                          "text-anchor": "middle", "stroke": "#ffffff", "stroke-width": "4", "paint-order": "stroke",
                          "stroke-linejoin": "round", "pointer-events": "none"])
        for anchor in Self.separated(anchors) {
            labels.element("text", ["x": Fixed.trimmed(anchor.x), "y": Fixed.trimmed(anchor.y + 4), "class": "district-label"],
                           text: anchor.district)
        }
        labels.close("g")
        return (outlines.text, labels.text)
    }

    /// District labels kept apart: top to bottom, a label that would overlap one already placed
    /// moves a line down, or up, or two lines down; when none of those is free (hundreds of
    /// districts on one page) it is left out, as a printed map would (the district table and
    /// hover details still name every district). Widths are estimated at 8.2 px a character of
    /// the 14 px bold face (there is no text measuring).
    static func separated(_ anchors: [(district: String, x: Double, y: Double)]) -> [(district: String, x: Double, y: Double)] {
        let line = 17.0
        var placed: [(district: String, x: Double, y: Double)] = []
        for anchor in anchors.sorted(by: { ($0.y, $0.x, $0.district) < ($1.y, $1.x, $1.district) }) {
            let half = 4.1 * Double(anchor.district.count)
            let free = { (y: Double) in
                !placed.contains { abs($0.x - anchor.x) < half + 4.1 * Double($0.district.count) && abs($0.y - y) < line }
            }
            if let y = [anchor.y, anchor.y + line, anchor.y - line, anchor.y + 2 * line].first(where: free) {
                placed.append((anchor.district, anchor.x, y))
            }
        }
        return anchors.compactMap { anchor in placed.first { $0.district == anchor.district && $0.x == anchor.x } }
    }

    /// Town names for orientation: a small dot and the name to its right, in a light halo so it
    /// reads over any fill; quieter than the district names drawn above them.
    func placeLayer(_ places: [MapPlace]) -> String {
        guard !places.isEmpty else { return "" }
        var svg = SVGWriter()
        svg.open("g", ["id": "layer-places", "font-size": "10.5", "fill": "#222222", "pointer-events": "none"])
        for place in places.sorted(by: { ($0.name, $0.lat, $0.lon) < ($1.name, $1.lat, $1.lon) }) {
            let p = frame.pixel(lat: place.lat, lon: place.lon)
            svg.empty("circle", ["cx": Fixed.trimmed(p.x), "cy": Fixed.trimmed(p.y), "r": "1.8"])
            svg.element("text", ["x": Fixed.trimmed(p.x + 4), "y": Fixed.trimmed(p.y + 3.5), "class": "place-label", "font-style": "italic",
                                 "stroke": "#ffffff", "stroke-width": "3", "stroke-opacity": "0.85", "paint-order": "stroke"],
                        text: place.name)
        }
        svg.close("g")
        return svg.text
    }

    /// Fine raster cell for area shapes and derived outlines, pixels: smooth enough at 900 pixels wide,
    /// small enough output (runs of cells, not cells, are written).
    static let rasterCell = 3.0

    /// The hatch that marks areas not covered, referenced as `url(#uncovered-hatch)`: dark and
    /// white stripes side by side, so it shows on the palest and the darkest need colours alike.
    static let hatchDefinition = "<defs><pattern id=\"uncovered-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        + "patternTransform=\"rotate(45)\"><line x1=\"1\" y1=\"0\" x2=\"1\" y2=\"6\" stroke=\"#111111\" stroke-width=\"1.5\"/>"
        + "<line x1=\"3\" y1=\"0\" x2=\"3\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"1.2\"/></pattern></defs>\n"

    /// A scale bar of a "nice" length (1, 2 or 5 times a power of ten km, or 25/250 km), at most a quarter of the map box wide, bottom left.
    func scaleBar() -> String {
        let nice: [Double] = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000]
        let target = frame.box.width / 4
        let km = nice.last(where: { $0 * frame.scale <= target }) ?? nice[0]
        let length = km * frame.scale
        let x = frame.box.x + 20, y = frame.box.y + frame.box.height - 26
        var svg = SVGWriter()
        svg.open("g", ["id": "scale-bar", "font-size": "11", "fill": "#222222"])
        svg.empty("rect", ["x": Fixed.trimmed(x - 6), "y": Fixed.trimmed(y - 16), "width": Fixed.trimmed(length + 36),
                           "height": "34", "fill": "#ffffff", "fill-opacity": "0.8", "rx": "3"])
        for k in 0..<4 {
            svg.empty("rect", ["x": Fixed.trimmed(x + Double(k) * length / 4), "y": Fixed.trimmed(y),
                               "width": Fixed.trimmed(length / 4), "height": "5",
                               "fill": k % 2 == 0 ? "#222222" : "#ffffff", "stroke": "#222222", "stroke-width": "0.8"])
        }
        svg.element("text", ["x": Fixed.trimmed(x), "y": Fixed.trimmed(y - 4), "text-anchor": "middle"], text: "0")
        svg.element("text", ["x": Fixed.trimmed(x + length), "y": Fixed.trimmed(y - 4), "text-anchor": "middle"],
                    text: Fixed.trimmed(km, 1) + " km")
        svg.close("g")
        return svg.text
    }

    /// A north arrow, top left of the map box (north is straight up in this projection).
    func northArrow() -> String {
        let x = frame.box.x + 34, y = frame.box.y + 30
        var svg = SVGWriter()
        svg.open("g", ["id": "north-arrow", "transform": "translate(\(Fixed.trimmed(x)) \(Fixed.trimmed(y)))"])
        svg.empty("circle", ["cx": "0", "cy": "14", "r": "19", "fill": "#ffffff", "fill-opacity": "0.8"])
        svg.empty("path", ["d": "M0 0L8 26L0 20Z", "fill": "#222222"])
        svg.empty("path", ["d": "M0 0L-8 26L0 20Z", "fill": "#ffffff", "stroke": "#222222", "stroke-width": "1"])
        svg.element("text", ["x": "0", "y": "-4", "text-anchor": "middle", "font-size": "12", "font-weight": "700"], text: "N")
        svg.close("g")
        return svg.text
    }
}
