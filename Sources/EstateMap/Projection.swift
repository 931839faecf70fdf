import Estate
import Foundation

/// Equirectangular projection at the data's mean latitude, in kilometres: accurate to well under
/// 1% across a county (Kent spans half a degree of latitude), which is all a scale bar needs.
struct Projection {
    static let kmPerDegree = Geodesy.earthRadiusKm * Double.pi / 180

    let originLat: Double
    let originLon: Double
    /// cos(mean latitude): shrinks longitude degrees to the same km as latitude degrees.
    let lonScale: Double

    init(points: [GeoPoint]) {
        let lats = points.map(\.lat), lons = points.map(\.lon)
        let meanLat = lats.isEmpty ? 0 : lats.reduce(0, +) / Double(lats.count)
        originLat = lats.max() ?? 0
        originLon = lons.min() ?? 0
        lonScale = cos(meanLat * Double.pi / 180)
    }

    /// Kilometres east (x) and south (y) of the north-west corner of the data.
    func km(lat: Double, lon: Double) -> (x: Double, y: Double) {
        ((lon - originLon) * lonScale * Self.kmPerDegree, (originLat - lat) * Self.kmPerDegree)
    }
}

/// Where the projected data sits on the canvas: a uniform scale (pixels per km) and an offset,
/// fitted so the data's bounding box fills the map box with a margin.
struct MapFrame {
    let projection: Projection
    /// Pixels per kilometre.
    let scale: Double
    let offsetX: Double
    let offsetY: Double
    /// The map box on the canvas, pixels.
    let box: (x: Double, y: Double, width: Double, height: Double)

    /// Fits `points` into a box `width` pixels wide; the height follows the data's aspect,
    /// clamped so that very tall or very flat data still gives a usable page.
    init(points: [GeoPoint], x: Double, y: Double, width: Double, minHeight: Double, maxHeight: Double, margin: Double) {
        let projection = Projection(points: points)
        let km = points.map { projection.km(lat: $0.lat, lon: $0.lon) }
        // At least a kilometre each way, so one area or a row of areas still gives a sensible scale.
        let maxX = max(km.map(\.x).max() ?? 1, 1)
        let maxY = max(km.map(\.y).max() ?? 1, 1)
        let innerWidth = width - 2 * margin
        let height = min(max(innerWidth * maxY / maxX + 2 * margin, minHeight), maxHeight)
        let scale = min(innerWidth / maxX, (height - 2 * margin) / maxY)
        self.projection = projection
        self.scale = scale
        self.offsetX = x + (width - maxX * scale) / 2
        self.offsetY = y + (height - maxY * scale) / 2
        self.box = (x, y, width, height)
    }

    /// Canvas pixels of a WGS84 position.
    func pixel(lat: Double, lon: Double) -> (x: Double, y: Double) {
        let p = projection.km(lat: lat, lon: lon)
        return (offsetX + p.x * scale, offsetY + p.y * scale)
    }
}
