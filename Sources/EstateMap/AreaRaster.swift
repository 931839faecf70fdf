/// A fine pixel grid over the map box in which every cell belongs to its nearest area (a
/// rasterised Voronoi diagram), or to none when it is further than a reach distance from every
/// area (sea, or beyond the study area). It turns centroids into area shapes: the map fills them
/// by need, and district outlines follow their edges.
struct AreaRaster {
    let box: (x: Double, y: Double, width: Double, height: Double)
    /// Cell side, pixels.
    let cell: Double
    let columns: Int
    let rows: Int
    /// Area index owning each cell (row-major), or -1 for none.
    let owner: [Int]

    init(points: [(x: Double, y: Double)], box: (x: Double, y: Double, width: Double, height: Double), cell: Double) {
        self.box = box
        self.cell = cell
        columns = max(1, Int((box.width / cell).rounded(.up)))
        rows = max(1, Int((box.height / cell).rounded(.up)))
        let reach = Self.reach(points: points, minimum: 3 * cell)
        let index = PointIndex(points: points, bucket: max(2 * cell, reach / 4))
        var owner = [Int](repeating: -1, count: columns * rows)
        for r in 0..<rows {
            for c in 0..<columns {
                let x = box.x + (Double(c) + 0.5) * cell, y = box.y + (Double(r) + 0.5) * cell
                if let nearest = index.nearest(x: x, y: y, within: reach) { owner[r * columns + c] = nearest }
            }
        }
        self.owner = owner
    }

    /// How far from an area a cell may be and still belong to it: 1.5 times the 98th percentile
    /// of nearest-neighbour spacing, so sparse rural areas join up into one study area without
    /// the outline ballooning far over the sea.
    static func reach(points: [(x: Double, y: Double)], minimum: Double) -> Double {
        guard let spacing = PointIndex.spacing(points, percentile: 98) else { return max(minimum, 40) }
        return max(minimum, 1.5 * spacing)
    }

    /// Each area's shape as an SVG path of one-cell-high horizontal runs (empty when its cells
    /// all went to closer neighbours). Runs of adjacent rows abut exactly; draw with crisp edges.
    func shapes(count: Int) -> [String] {
        shapes(group: Array(0..<count), groups: count)
    }

    /// The union of the shapes of the areas in each group (`group[area]` in 0..<groups): how
    /// aggregated cells cover the land without gaps, however their areas' centroids fall.
    func shapes(group: [Int], groups: Int) -> [String] {
        var paths = [String](repeating: "", count: groups)
        let h = Fixed.trimmed(cell)
        let label = owner.map { $0 >= 0 ? group[$0] : -1 }
        for r in 0..<rows {
            var c = 0
            while c < columns {
                let g = label[r * columns + c]
                var end = c + 1
                while end < columns && label[r * columns + end] == g { end += 1 }
                if g >= 0 {
                    let w = Fixed.trimmed(Double(end - c) * cell)
                    paths[g] += "M" + Fixed.trimmed(box.x + Double(c) * cell) + " " + Fixed.trimmed(box.y + Double(r) * cell)
                        + "h" + w + "v" + h + "h-" + w + "z"
                }
                c = end
            }
        }
        return paths
    }
}
