import Foundation

/// A uniform latitude/longitude grid over a set of points (the sites), so that finding every
/// point within a great-circle radius of a query visits only nearby cells instead of all points.
///
/// The search is exact, never approximate: cells are chosen with conservative bounds derived
/// from the haversine formula (see `candidates(latitude:longitude:radiusKm:_:)`), and callers
/// still compute the true distance of each candidate.
public struct SpatialGrid: Sendable {
    /// Cell height, degrees of latitude.
    public let cellDegrees: Double
    /// Southern edge of row 0 and western edge of column 0, degrees.
    let south: Double, west: Double
    /// Grid size in cells.
    let rows: Int, columns: Int
    /// Cell starts into `points` (CSR, row-major cells), `rows * columns + 1` entries.
    let cellOffsets: [Int]
    /// Point indices ordered by cell, ascending within a cell.
    let points: [Int32]
    /// Coordinates of the points, degrees.
    let latitudes: [Double], longitudes: [Double]

    /// Indexes `latitudes`/`longitudes` (degrees) with cells about `radiusKm` across, the radius
    /// most queries will use (any radius works; this only tunes speed).
    public init(latitudes: [Double], longitudes: [Double], radiusKm: Double) {
        precondition(latitudes.count == longitudes.count)
        self.latitudes = latitudes
        self.longitudes = longitudes
        let degreesPerKm = 180 / (Double.pi * Geodesy.earthRadiusKm)
        let minimumLatitude = latitudes.min() ?? 0, maximumLatitude = latitudes.max() ?? 0
        let minimumLongitude = longitudes.min() ?? 0, maximumLongitude = longitudes.max() ?? 0
        // At most ~4 million cells, however small the radius, so memory stays bounded.
        var cell = max(radiusKm * degreesPerKm, 1e-6)
        while ((maximumLatitude - minimumLatitude) / cell + 1) * ((maximumLongitude - minimumLongitude) / cell + 1) > 4_000_000 {
            cell *= 2
        }
        cellDegrees = cell
        south = minimumLatitude
        west = minimumLongitude
        rows = Int((maximumLatitude - minimumLatitude) / cell) + 1
        columns = Int((maximumLongitude - minimumLongitude) / cell) + 1
        var offsets = [Int](repeating: 0, count: rows * columns + 1)
        var cellOf = [Int](repeating: 0, count: latitudes.count)
        for index in latitudes.indices {
            let row = min(rows - 1, Int((latitudes[index] - minimumLatitude) / cell))
            let column = min(columns - 1, Int((longitudes[index] - minimumLongitude) / cell))
            cellOf[index] = row * columns + column
            offsets[cellOf[index] + 1] += 1
        }
        for index in 0..<(rows * columns) { offsets[index + 1] += offsets[index] }
        var cursor = offsets
        var points = [Int32](repeating: 0, count: latitudes.count)
        for index in latitudes.indices {
            points[cursor[cellOf[index]]] = Int32(index)
            cursor[cellOf[index]] += 1
        }
        cellOffsets = offsets
        self.points = points
    }

    /// Calls `body` with every indexed point that may lie within `radiusKm` of the query (a
    /// superset of those that do, each once). Bounds used:
    /// - latitude: a great-circle distance `d` is at least `R |Δφ|`, so `|Δφ| <= d / R`;
    /// - longitude: `hav(d/R) >= cos φ1 cos φ2 hav(Δλ)`, so with `c` the smallest `cos φ2` over
    ///   the reachable latitude band, `sin(Δλ/2) <= sin(d/2R) / sqrt(cos φ1 · c)`; when the right
    ///   side reaches 1 (near a pole) every longitude is searched. Longitudes wrap at ±180°.
    public func candidates(latitude: Double, longitude: Double, radiusKm: Double, _ body: (Int) -> Void) {
        // A relative margin of 1e-9 absorbs rounding so the bounds stay conservative.
        let angle = radiusKm / Geodesy.earthRadiusKm * (1 + 1e-9)
        let radians = Double.pi / 180
        let deltaLatitude = angle / radians
        let lowLatitude = latitude - deltaLatitude, highLatitude = latitude + deltaLatitude
        let extremeLatitude = min(90, max(abs(lowLatitude), abs(highLatitude)))
        let cosines = cos(latitude * radians) * cos(extremeLatitude * radians)
        var deltaLongitude = 360.0
        if cosines > 0 {
            let ratio = sin(min(angle, Double.pi) / 2) / cosines.squareRoot()
            if ratio < 1 { deltaLongitude = 2 * asin(ratio) / radians }
        }
        let firstRow = max(0, Int(((lowLatitude - south) / cellDegrees).rounded(.down)))
        let lastRow = min(rows - 1, Int(((highLatitude - south) / cellDegrees).rounded(.down)))
        if firstRow > lastRow { return }
        // Column ranges for the query longitude and its copies shifted by ±360° (wrap-around).
        var ranges: [(Int, Int)] = []
        if deltaLongitude >= 180 {
            ranges.append((0, columns - 1))
        } else {
            for shift in [-360.0, 0, 360] {
                let low = longitude + shift - deltaLongitude, high = longitude + shift + deltaLongitude
                let first = max(0, Int(((low - west) / cellDegrees).rounded(.down)))
                let last = min(columns - 1, Int(((high - west) / cellDegrees).rounded(.down)))
                if first <= last { ranges.append((first, last)) }
            }
            // Merge overlapping ranges so that no point is reported twice.
            ranges.sort { $0.0 < $1.0 }
            var merged: [(Int, Int)] = []
            for range in ranges {
                if let last = merged.last, range.0 <= last.1 + 1 {
                    merged[merged.count - 1].1 = max(last.1, range.1)
                } else {
                    merged.append(range)
                }
            }
            ranges = merged
        }
        for row in firstRow...lastRow {
            for (first, last) in ranges {
                let start = cellOffsets[row * columns + first], end = cellOffsets[row * columns + last + 1]
                for position in start..<end { body(Int(points[position])) }
            }
        }
    }

    /// Every indexed point within `radiusKm` (haversine) of the query, ascending.
    public func within(latitude: Double, longitude: Double, radiusKm: Double) -> [Int] {
        var found: [Int] = []
        candidates(latitude: latitude, longitude: longitude, radiusKm: radiusKm) { index in
            if Geodesy.distanceKm(latitude1: latitude, longitude1: longitude,
                                  latitude2: latitudes[index], longitude2: longitudes[index]) <= radiusKm {
                found.append(index)
            }
        }
        return found.sorted()
    }
}
