import Estate

/// Where the map's area shapes and district outlines come from: the areas' own outlines when
/// the dataset has boundaries (a true choropleth, districts merged from their areas), otherwise
/// the land nearest each centroid (`AreaRaster`). Both renderers draw through this one choice.
enum AreaShapes {
    case derived(AreaRaster)
    case outlines(AreaPolygons)

    /// Outlines when any area has one, the raster otherwise.
    init(areas: [(outline: Boundary?, district: String)], pixels: [(x: Double, y: Double)], frame: MapFrame,
         budget: Int, group: (of: [Int], count: Int)?) {
        if let polygons = AreaPolygons(outlines: areas.map(\.outline), districtNames: areas.map(\.district), frame: frame,
                                       budget: budget, group: group) {
            self = .outlines(polygons)
        } else {
            self = .derived(AreaRaster(points: pixels, box: frame.box, cell: MapCanvas.rasterCell))
        }
    }

    /// Each outline's bounding box corners: they fit the map's frame as well as all its points do.
    static func corners(of outlines: [Boundary?]) -> [GeoPoint] {
        var points: [GeoPoint] = []
        for outline in outlines {
            guard let outline else { continue }
            var south = Double.infinity, north = -Double.infinity, west = Double.infinity, east = -Double.infinity
            for polygon in outline.polygons {
                let c = polygon[0].coordinates
                for k in stride(from: 0, to: c.count - 1, by: 2) {
                    west = min(west, c[k]); east = max(east, c[k]); south = min(south, c[k + 1]); north = max(north, c[k + 1])
                }
            }
            if west <= east { points += [GeoPoint(lat: south, lon: west), GeoPoint(lat: north, lon: east)] }
        }
        return points
    }

    /// Each area's shape as an SVG path.
    func shapes(count: Int) -> [String] {
        switch self {
        case .derived(let raster): return raster.shapes(count: count)
        case .outlines(let polygons): return polygons.shapes(count: count)
        }
    }

    /// The union of each group's shapes.
    func shapes(group: [Int], groups: Int) -> [String] {
        switch self {
        case .derived(let raster): return raster.shapes(group: group, groups: groups)
        case .outlines(let polygons): return polygons.shapes(group: group, groups: groups)
        }
    }

    /// Attributes of the group holding one fill colour's shapes: runs of raster cells abut with
    /// crisp edges; polygons get a hairline of their own colour so antialiasing leaves no seam.
    func classAttributes(colour: String) -> KeyValuePairs<String, String> {
        switch self {
        case .derived: return ["fill": colour]
        case .outlines: return ["fill": colour, "stroke": colour, "stroke-width": "0.4", "stroke-linejoin": "round"]
        }
    }

    /// Attributes of the whole areas layer.
    var layerAttributes: KeyValuePairs<String, String> {
        switch self {
        case .derived: return ["shape-rendering": "crispEdges", "fill-opacity": "0.85"]
        case .outlines: return ["fill-rule": "evenodd", "fill-opacity": "0.85"]
        }
    }

    /// Whether the shapes are the areas' own outlines.
    var isOutlines: Bool {
        if case .outlines = self { return true }
        return false
    }

    /// The legend's note on where the shapes come from.
    var note: String {
        switch self {
        case .derived: return "District outlines derived from area centroids."
        case .outlines(let polygons):
            return "Areas from the boundary file, simplified to \(Fixed.grouped(Double(polygons.simplification.points))) points "
                + "(\(Fixed.trimmed(polygons.simplification.tolerance, 2)) px); districts are the union of their areas."
        }
    }
}
