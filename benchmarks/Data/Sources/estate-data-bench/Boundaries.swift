import Estate
import EstateIO
import Foundation

/// Issue 12's target: reading 35,000 area polygons (about 100 MB of GeoJSON) in under 3 s.
/// The file is generated here (seeded): a grid of 35,000 polygons over England, each a
/// 96-point ring with coordinates written to 7 decimals (about a centimetre), one in ten with
/// a hole, so the file's size and shape match ONS's full-resolution LSOA boundaries.
func benchBoundaries() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("estate-boundary-bench")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent("lsoa.geojson")
    let count = 35_000, points = 96
    if !FileManager.default.fileExists(atPath: url.path) {
        var text = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        text.reserveCapacity(110_000_000)
        let columns = 175
        func ring(_ lon: Double, _ lat: Double, _ radius: Double) -> String {
            var parts: [String] = []
            for k in 0..<points {
                let angle = Double(k) / Double(points) * 2 * Double.pi
                let wobble = 1 + 0.15 * sin(7 * angle)
                parts.append(String(format: "[%.7f,%.7f]", lon + radius * wobble * cos(angle) * 1.6, lat + radius * wobble * sin(angle)))
            }
            parts.append(parts[0])
            return "[" + parts.joined(separator: ",") + "]"
        }
        for index in 0..<count {
            let lon = -5.5 + Double(index % columns) * 0.04, lat = 50.0 + Double(index / columns) * 0.025
            var rings = [ring(lon, lat, 0.011)]
            if index % 10 == 0 { rings.append(ring(lon, lat, 0.003)) }
            text += "{\"type\":\"Feature\",\"properties\":{\"LSOA21CD\":\"E0\(String(format: "%07d", index))\",\"LSOA21NM\":\"Area \(index)\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\(rings.joined(separator: ","))]}}"
                + (index == count - 1 ? "\n" : ",\n")
        }
        text += "]}\n"
        try Data(text.utf8).write(to: url)
    }
    let size = Double((try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) / 1e6
    var times: [Double] = []
    var read: [(id: String, boundary: Boundary)] = []
    for _ in 0..<3 { times.append(try seconds { read = try BoundaryReader.read(url: url, key: "LSOA21CD") }) }
    let pointsRead = read.reduce(0) { $0 + $1.boundary.pointCount }
    print(String(format: "boundaries: %d polygons, %d points, %.0f MB of GeoJSON read in %.2f s median of 3 (target < 3 s), ",
                 read.count, pointsRead, size, median(times)) + cpu() + String(format: ", peak %.0f MiB", peakMiB()))
}
