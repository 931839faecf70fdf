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
    /// stand-alone .svg file needs (inline SVG in HTML must not carry a URL at all). `below`:
    /// markup under the map box and its height (the printed key to the closing sites).
    func document(standalone: Bool, layers: String, panel: Panel, below: (markup: String, height: Double) = ("", 0)) -> String {
        let panelMarkup = panel.markup()
        let height = max(frame.box.y + frame.box.height + below.height, panel.height)
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
        svg.raw(below.markup)
        svg.raw(panelMarkup)
        svg.close("svg")
        return svg.text
    }

    /// District outlines, and each district's label anchor (pixels): the given boundaries, or
    /// outlines derived from the areas' shapes. The labels are placed with the map's other names
    /// (`districtLabels`), drawn above every other layer.
    func districtLayers(shapes: AreaShapes, areaDistricts: [String],
                        boundaries: [DistrictBoundary]) -> (outlines: String, anchors: [(district: String, x: Double, y: Double)]) {
        var outlines = SVGWriter()
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
        return (outlines.text, anchors)
    }

    /// Radius of a town's dot, pixels.
    static let townDot = 1.8

    /// Where names may go and what they must keep clear of, whichever map: the map box (not the
    /// panel) and the north arrow and scale bar; each map adds its site symbols and town dots.
    func labels(avoiding marks: [MapLabels.Box]) -> MapLabels {
        let box = frame.box
        return MapLabels(bounds: MapLabels.Box(x0: box.x + 2, y0: box.y + 2, x1: box.x + box.width - 2, y1: box.y + box.height - 2),
                         obstacles: [northArrowBox, scaleBarBox] + marks)
    }

    /// Fine raster cell for area shapes and derived outlines, pixels: smooth enough at 900 pixels wide,
    /// small enough output (runs of cells, not cells, are written).
    static let rasterCell = 3.0

    /// The hatch that marks areas not covered, referenced as `url(#uncovered-hatch)`: dark and
    /// white stripes side by side, so it shows on the palest and the darkest need colours alike.
    static let hatchDefinition = "<defs><pattern id=\"uncovered-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        + "patternTransform=\"rotate(45)\"><line x1=\"1\" y1=\"0\" x2=\"1\" y2=\"6\" stroke=\"#111111\" stroke-width=\"1.5\"/>"
        + "<line x1=\"3\" y1=\"0\" x2=\"3\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"1.2\"/></pattern></defs>\n"

    /// The scale bar's length: a "nice" number of kilometres and its pixels.
    private var scaleBarLength: (km: Double, pixels: Double) {
        let nice: [Double] = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000]
        let target = frame.box.width / 4
        let km = nice.last(where: { $0 * frame.scale <= target }) ?? nice[0]
        return (km, km * frame.scale)
    }

    /// The scale bar's white backing, which names keep clear of.
    var scaleBarBox: MapLabels.Box {
        let x = frame.box.x + 20, y = frame.box.y + frame.box.height - 26
        return MapLabels.Box(x0: x - 6, y0: y - 16, x1: x + scaleBarLength.pixels + 30, y1: y + 18)
    }

    /// The north arrow's disc and its "N", which names keep clear of.
    var northArrowBox: MapLabels.Box {
        let x = frame.box.x + 34, y = frame.box.y + 30
        return MapLabels.Box(x0: x - 19, y0: y - 17, x1: x + 19, y1: y + 33)
    }

    /// A scale bar of a "nice" length (1, 2 or 5 times a power of ten km, or 25/250 km), at most a quarter of the map box wide, bottom left.
    func scaleBar() -> String {
        let (km, length) = scaleBarLength
        let x = frame.box.x + 20, y = frame.box.y + frame.box.height - 26
        let back = scaleBarBox
        var svg = SVGWriter()
        svg.open("g", ["id": "scale-bar", "font-size": "11", "fill": "#222222"])
        svg.empty("rect", ["x": Fixed.trimmed(back.x0), "y": Fixed.trimmed(back.y0), "width": Fixed.trimmed(back.x1 - back.x0),
                           "height": Fixed.trimmed(back.y1 - back.y0), "fill": "#ffffff", "fill-opacity": "0.8", "rx": "3"])
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
