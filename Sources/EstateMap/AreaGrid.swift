/// Bins areas into square cells of the canvas so a map of tens of thousands of areas draws and
/// hovers as a few thousand cells: each cell stands for the areas whose centroids fall in it.
struct AreaGrid {
    struct Cell {
        /// Top-left corner, canvas pixels.
        let x: Double
        let y: Double
        /// Indices of the areas in the cell, ascending.
        let members: [Int]
    }

    /// Cells holding at least one area, in row then column order (deterministic).
    let cells: [Cell]
    /// Cell side, pixels.
    let size: Double

    init(points: [(x: Double, y: Double)], size: Double, origin: (x: Double, y: Double)) {
        var byKey: [Int64: [Int]] = [:]
        for (i, p) in points.enumerated() {
            let c = Int64(((p.x - origin.x) / size).rounded(.down)), r = Int64(((p.y - origin.y) / size).rounded(.down))
            byKey[r << 32 | (c & 0xffff_ffff), default: []].append(i)
        }
        cells = byKey.keys.sorted().map { key in
            let r = Double(key >> 32), c = Double(Int32(truncatingIfNeeded: key))
            return Cell(x: origin.x + c * size, y: origin.y + r * size, members: byKey[key]!)
        }
        self.size = size
    }

    /// The cell of each of `count` areas (index into `cells`).
    func cellOfArea(count: Int) -> [Int] {
        var cellOf = [Int](repeating: 0, count: count)
        for (c, cell) in cells.enumerated() { for i in cell.members { cellOf[i] = c } }
        return cellOf
    }
}
