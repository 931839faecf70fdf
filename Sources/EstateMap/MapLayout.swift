import Estate
import XMLText

/// What the plan map and the difference map lay out alike before drawing their own layers: the
/// canvas fitted to every area, site, boundary and outline; each area's and site's pixel; the
/// grid cells areas are merged into above `EstateMap.Options.aggregateAbove`; the area shapes
/// (outlines or raster, per area or per cell) and the district outlines and labels. Written once
/// so that both maps of one dataset frame, merge and outline it the same way.
struct MapLayout {
    let canvas: MapCanvas
    let areaPixels: [(x: Double, y: Double)]
    let sitePixels: [(x: Double, y: Double)]
    /// Each area's district, in the map data's order.
    let areaDistricts: [String]
    /// Area and site indices by id: every layer draws in this order, so the same data in another
    /// order gives the same bytes.
    let areaOrder: [Int], siteOrder: [Int]
    /// The cells areas are merged into; nil when each area is drawn on its own.
    let grid: AreaGrid?
    /// Side of a grid cell, canvas pixels (the legend names it).
    let cellSize: Double
    let shapes: AreaShapes
    /// District outlines, and where each district's name is anchored (placed with each map's
    /// other names, `MapCanvas.districtLabels`), computed once for both the SVG and the HTML.
    let districts: (outlines: String, anchors: [(district: String, x: Double, y: Double)])

    /// Whether areas are merged into grid cells.
    var aggregated: Bool { grid != nil }

    /// `areas` and `sites` in the map data's order; an area's `outline` is its boundary when the
    /// dataset has one.
    init(areas: [some MapPlacedArea], sites: [some MapPlacedSite], boundaries: [DistrictBoundary], options: EstateMap.Options) {
        var points = areas.map { GeoPoint(lat: $0.lat, lon: $0.lon) } + sites.map { GeoPoint(lat: $0.lat, lon: $0.lon) }
        for boundary in boundaries { for ring in boundary.rings { points += ring } }
        points += AreaShapes.corners(of: areas.map(\.outline))
        let canvas = MapCanvas(points: points)
        self.canvas = canvas
        cellSize = options.cellSize
        areaPixels = areas.map { canvas.frame.pixel(lat: $0.lat, lon: $0.lon) }
        areaDistricts = areas.map(\.district)
        sitePixels = sites.map { canvas.frame.pixel(lat: $0.lat, lon: $0.lon) }
        areaOrder = areas.indices.sorted { areas[$0].id < areas[$1].id }
        siteOrder = sites.indices.sorted { sites[$0].id < sites[$1].id }
        let shapeAreas = areas.map { (outline: $0.outline, district: $0.district) }
        if areas.count > options.aggregateAbove {
            let grid = AreaGrid(points: areaPixels, size: options.cellSize, origin: (canvas.frame.box.x, canvas.frame.box.y))
            self.grid = grid
            shapes = AreaShapes(areas: shapeAreas, pixels: areaPixels, frame: canvas.frame, budget: options.outlinePoints,
                                group: (grid.cellOfArea(count: areas.count), grid.cells.count))
        } else {
            grid = nil
            shapes = AreaShapes(areas: shapeAreas, pixels: areaPixels, frame: canvas.frame, budget: options.outlinePoints, group: nil)
        }
        districts = canvas.districtLayers(shapes: shapes, areaDistricts: areaDistricts, boundaries: boundaries)
    }

    /// Where the map's names may go, clear of the north arrow, the scale bar, every site's
    /// `symbols[i]` (in the map data's order) at its pixel, drawn `SiteSymbol.scale` times its
    /// size, and the dot of every town in `towns`.
    func labels(symbols: [SiteSymbol], towns: [MapPlace] = []) -> MapLabels {
        let scale = SiteSymbol.scale(forSites: sitePixels.count)
        let sites = zip(sitePixels, symbols).map { MapLabels.Box(x: $0.0.x, y: $0.0.y, radius: $0.1.radius * scale) }
        let dots = towns.map { town in
            let p = canvas.frame.pixel(lat: town.lat, lon: town.lon)
            return MapLabels.Box(x: p.x, y: p.y, radius: MapCanvas.townDot)
        }
        return canvas.labels(avoiding: sites + dots)
    }

    /// The district names (their own group, drawn above every other layer) and the towns (dots
    /// and names, under the district names), placed by `labels` (`MapLabels.placeNames`): a name
    /// with no free place is left out, as a printed map would (the district table and the hover
    /// details still name every district). Every town's dot is drawn.
    /// A district's name counts as over its district when the area centroid nearest its centre
    /// is the district's and its corners are on land (a small district's name may reach over
    /// its neighbours, never out to sea).
    func names(towns: [MapPlace], labels: inout MapLabels) -> (districts: String, towns: String) {
        let anchors = districts.anchors
        let townPixels = towns.map { canvas.frame.pixel(lat: $0.lat, lon: $0.lon) }
        let index = PointIndex(points: areaPixels, bucket: 16)
        // A name's centre is over its district when the nearest centroid is the district's and no
        // further than nine areas in ten are from their nearest neighbour; its corners are over
        // land when within the reach of the land the areas' raster shades.
        let reach = PointIndex.spacing(areaPixels, percentile: 90) ?? MapCanvas.width
        let land = AreaRaster.reach(points: areaPixels, minimum: 3 * MapCanvas.rasterCell)
        let inDistrict = { (d: Int, box: MapLabels.Box) -> Bool in
            let inset = LabelFont.district.halo / 2 + 1
            let centre = index.nearest(x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2, within: reach)
            guard let centre, self.areaDistricts[centre] == anchors[d].district else { return false }
            let corners = [(box.x0 + inset, box.y0 + inset), (box.x1 - inset, box.y0 + inset),
                           (box.x0 + inset, box.y1 - inset), (box.x1 - inset, box.y1 - inset)]
            return corners.allSatisfy { index.nearest(x: $0.0, y: $0.1, within: land) != nil }
        }
        let placed = labels.placeNames(districts: anchors.map { ($0.district, $0.x, $0.y) },
                                       towns: zip(towns, townPixels).map { ($0.0.name, $0.1.x, $0.1.y) }, inDistrict: inDistrict)
        var svg = SVGWriter()
        svg.open("g", ["id": "layer-district-labels", "font-size": Fixed.trimmed(LabelFont.district.size), "font-weight": "700",
                       "fill": "#111111", "text-anchor": "middle", "stroke": "#ffffff", "stroke-width": Fixed.trimmed(LabelFont.district.halo),
                       "paint-order": "stroke", "stroke-linejoin": "round", "pointer-events": "none"])
        for placed in placed.districts {
            guard let (text, place) = placed else { continue }
            let lines = text.split(separator: "\n").map(String.init)
            if lines.count == 1 {
                svg.element("text", ["x": Fixed.trimmed(place.x), "y": Fixed.trimmed(place.y), "class": "district-label"], text: text)
                continue
            }
            // A name over two lines: the space between them stays in the text, so it reads whole.
            svg.open("text", ["x": Fixed.trimmed(place.x), "y": Fixed.trimmed(place.y), "class": "district-label"])
            svg.raw(XMLText.escaped(lines[0] + " "))
            svg.element("tspan", ["x": Fixed.trimmed(place.x), "dy": Fixed.trimmed(LabelFont.district.lineHeight)], text: lines[1])
            svg.close("text")
        }
        svg.close("g")
        let districtMarkup = svg.text
        guard !towns.isEmpty else { return (districtMarkup, "") }
        svg = SVGWriter()
        svg.open("g", ["id": "layer-places", "font-size": Fixed.trimmed(LabelFont.town.size), "fill": "#222222", "pointer-events": "none"])
        for i in towns.indices.sorted(by: { (towns[$0].name, towns[$0].lat, towns[$0].lon) < (towns[$1].name, towns[$1].lat, towns[$1].lon) }) {
            svg.empty("circle", ["cx": Fixed.trimmed(townPixels[i].x), "cy": Fixed.trimmed(townPixels[i].y), "r": Fixed.trimmed(MapCanvas.townDot)])
            guard let name = placed.towns[i] else { continue }
            svg.element("text", ["x": Fixed.trimmed(name.x), "y": Fixed.trimmed(name.y), "text-anchor": name.anchor.rawValue,
                                 "class": "place-label", "font-style": "italic", "stroke": "#ffffff",
                                 "stroke-width": Fixed.trimmed(LabelFont.town.halo), "stroke-opacity": "0.85", "paint-order": "stroke"],
                        text: towns[i].name)
        }
        svg.close("g")
        return (districtMarkup, svg.text)
    }

    /// A small dot at every area's centroid, which also keeps an area hoverable when its shape is tiny.
    func centroidDots() -> String {
        var svg = SVGWriter()
        svg.open("g", ["fill": "#1e1e1e", "fill-opacity": "0.6"])
        for i in areaOrder {
            svg.raw("<circle cx=\"" + Fixed.trimmed(areaPixels[i].x) + "\" cy=\"" + Fixed.trimmed(areaPixels[i].y)
                    + "\" r=\"1.3\" data-h=\"a\(i)\"/>\n")
        }
        svg.close("g")
        return svg.text
    }
}

extension AreaGrid.Cell {
    /// The districts of the cell's areas, sorted and joined, as both maps' cell hover names them.
    func districtNames(_ areas: [some MapPlacedArea]) -> String {
        Array(Set(members.map { areas[$0].district })).sorted().joined(separator: ", ")
    }
}
