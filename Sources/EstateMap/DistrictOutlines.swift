/// District outlines derived from area centroids when no boundary file is given: the edges of an
/// `AreaRaster` between cells of different districts, and between a district and the outside.
/// Unlike convex hulls, neighbouring districts never overlap and concave districts keep their shape.
struct DistrictOutlines {
    /// Edges between two districts, as an SVG path (horizontal/vertical runs).
    let innerPath: String
    /// Edges between a district and the outside (the study area's edge).
    let outerPath: String
    /// Label anchor of each district (pixels), in district order.
    let labels: [(district: String, x: Double, y: Double)]

    /// - Parameters:
    ///   - raster: which area owns each cell.
    ///   - district: index into `districts` for each area.
    init(raster: AreaRaster, district: [Int], districts: [String]) {
        let columns = raster.columns, rows = raster.rows, cell = raster.cell, box = raster.box
        let label = raster.owner.map { $0 >= 0 ? district[$0] : -1 }
        var inner = "", outer = ""
        // Vertical edges: between (r, c-1) and (r, c), merged down each column.
        for c in 0...columns {
            var r = 0
            while r < rows {
                let pair = Self.pair(label, columns, r, c - 1, c)
                guard pair.differ else { r += 1; continue }
                var end = r + 1
                while end < rows && Self.pair(label, columns, end, c - 1, c) == pair { end += 1 }
                let path = "M" + Fixed.trimmed(box.x + Double(c) * cell) + " " + Fixed.trimmed(box.y + Double(r) * cell)
                    + "V" + Fixed.trimmed(box.y + Double(end) * cell)
                if pair.outside { outer += path } else { inner += path }
                r = end
            }
        }
        // Horizontal edges: between (r-1, c) and (r, c), merged along each row.
        for r in 0...rows {
            var c = 0
            while c < columns {
                let pair = Self.vpair(label, columns, rows, r, c)
                guard pair.differ else { c += 1; continue }
                var end = c + 1
                while end < columns && Self.vpair(label, columns, rows, r, end) == pair { end += 1 }
                let path = "M" + Fixed.trimmed(box.x + Double(c) * cell) + " " + Fixed.trimmed(box.y + Double(r) * cell)
                    + "H" + Fixed.trimmed(box.x + Double(end) * cell)
                if pair.outside { outer += path } else { inner += path }
                c = end
            }
        }
        innerPath = inner
        outerPath = outer
        labels = Self.labelAnchors(label: label, columns: columns, districts: districts, box: box, cell: cell)
    }

    /// Labels of the two cells either side of an edge; the grid's border counts as outside.
    private struct Pair: Equatable {
        let a: Int, b: Int
        var differ: Bool { a != b }
        var outside: Bool { a < 0 || b < 0 }
    }

    private static func pair(_ label: [Int], _ columns: Int, _ r: Int, _ c0: Int, _ c1: Int) -> Pair {
        Pair(a: c0 >= 0 ? label[r * columns + c0] : -1, b: c1 < columns ? label[r * columns + c1] : -1)
    }

    private static func vpair(_ label: [Int], _ columns: Int, _ rows: Int, _ r: Int, _ c: Int) -> Pair {
        Pair(a: r > 0 ? label[(r - 1) * columns + c] : -1, b: r < rows ? label[r * columns + c] : -1)
    }

    /// Each district's label sits at the mean of its cells, moved to the district's nearest cell
    /// when that mean falls outside it (a crescent-shaped district).
    private static func labelAnchors(label: [Int], columns: Int, districts: [String],
                                     box: (x: Double, y: Double, width: Double, height: Double), cell: Double) -> [(district: String, x: Double, y: Double)] {
        var sumX = [Double](repeating: 0, count: districts.count)
        var sumY = sumX, count = sumX
        for (i, d) in label.enumerated() where d >= 0 {
            sumX[d] += Double(i % columns)
            sumY[d] += Double(i / columns)
            count[d] += 1
        }
        var anchors: [(district: String, x: Double, y: Double)] = []
        for d in districts.indices where count[d] > 0 {
            var cx = sumX[d] / count[d], cy = sumY[d] / count[d]
            let home = Int(cy.rounded()) * columns + Int(cx.rounded())
            if !label.indices.contains(home) || label[home] != d {
                var best = Double.infinity
                for (i, l) in label.enumerated() where l == d {
                    let dx = Double(i % columns) - cx, dy = Double(i / columns) - cy
                    if dx * dx + dy * dy < best { best = dx * dx + dy * dy; cx = Double(i % columns); cy = Double(i / columns) }
                }
            }
            anchors.append((districts[d], box.x + (cx + 0.5) * cell, box.y + (cy + 0.5) * cell))
        }
        return anchors
    }
}
