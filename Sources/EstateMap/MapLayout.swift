import Estate

/// What the plan map and the difference map lay out alike before drawing their own layers: the
/// canvas fitted to every area, site, boundary and outline; each area's and site's pixel; the
/// grid cells areas are merged into above `EstateMap.Options.aggregateAbove`; the area shapes
/// (outlines or raster, per area or per cell) and the district outlines and labels. Written once
/// so that both maps of one dataset frame, merge and outline it the same way.
struct MapLayout {
    let canvas: MapCanvas
    let areaPixels: [(x: Double, y: Double)]
    let sitePixels: [(x: Double, y: Double)]
    /// Area and site indices by id: every layer draws in this order, so the same data in another
    /// order gives the same bytes.
    let areaOrder: [Int], siteOrder: [Int]
    /// The cells areas are merged into; nil when each area is drawn on its own.
    let grid: AreaGrid?
    /// Side of a grid cell, canvas pixels (the legend names it).
    let cellSize: Double
    let shapes: AreaShapes
    /// District outlines and labels, computed once for both the SVG and the HTML.
    let districts: (outlines: String, labels: String)

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
        districts = canvas.districtLayers(shapes: shapes, areaDistricts: areas.map(\.district), boundaries: boundaries)
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
