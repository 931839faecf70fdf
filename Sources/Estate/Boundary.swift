/// An area's (or a district's) outline: one or more polygons, each an exterior ring followed by
/// its holes, as GeoJSON's MultiPolygon and GeoPackage's WKB describe them. Coordinates are WGS84
/// longitude and latitude in degrees, stored flat (`[lon0, lat0, lon1, lat1, ...]`) so that a
/// country's 35,000 outlines are a few large arrays, not millions of small structs.
public struct Boundary: Sendable, Hashable {
    /// A closed ring: first point equals last, at least four points.
    public struct Ring: Sendable, Hashable {
        /// `[lon0, lat0, lon1, lat1, ...]`, degrees.
        public var coordinates: [Double]
        public init(coordinates: [Double]) { self.coordinates = coordinates }
        /// Number of points (the closing point included).
        public var count: Int { coordinates.count / 2 }
    }

    /// Polygons: `polygons[k][0]` is the exterior ring of polygon `k`, the rest are its holes.
    public var polygons: [[Ring]]

    public init(polygons: [[Ring]]) { self.polygons = polygons }

    /// What is wrong with the geometry, in plain words, or `nil` when it is usable: every
    /// polygon has an exterior ring, every ring at least four finite points and is closed, and
    /// coordinates are longitude/latitude in range.
    public var problem: String? {
        if polygons.isEmpty { return "a polygon with at least one ring (the geometry is empty)" }
        for (k, polygon) in polygons.enumerated() {
            if polygon.isEmpty { return "polygon \(k + 1) to have an exterior ring" }
            for (r, ring) in polygon.enumerated() {
                let name = r == 0 ? "the exterior ring of polygon \(k + 1)" : "hole \(r) of polygon \(k + 1)"
                if ring.count < 4 { return "\(name) to have at least 4 points (it has \(ring.count))" }
                let c = ring.coordinates
                if c[0] != c[c.count - 2] || c[1] != c[c.count - 1] { return "\(name) to be closed (first point = last point)" }
                var index = 0
                while index < c.count {
                    let lon = c[index], lat = c[index + 1]
                    if !lon.isFinite || !lat.isFinite || abs(lon) > 180 || abs(lat) > 90 {
                        return "\(name) to hold longitude/latitude degrees (point \(index / 2 + 1) is \(lon), \(lat))"
                    }
                    index += 2
                }
            }
        }
        return nil
    }

    /// Number of points over all rings.
    public var pointCount: Int { polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }
}
