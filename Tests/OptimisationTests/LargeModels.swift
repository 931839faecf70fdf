import Optimisation

/// Models big enough that GLPK needs noticeable time (for time-limit tests).
enum LargeModels {
    /// The plain x_ij p-median on `size` random planar points: y_j (open), x_ij (assign).
    /// Variables: y_0..y_{n-1}, then x_ij at n + i*n + j.
    static func assignmentPMedian(size n: Int, medians p: Int, seed: UInt64) -> LinearModel {
        var rng = SeededGenerator(seed: seed)
        let points = (0 ..< n).map { _ in (Double.random(in: 0 ..< 100, using: &rng), Double.random(in: 0 ..< 100, using: &rng)) }
        var model = LinearModel()
        let open = model.addVariables(n, kind: .binary)
        model.addRow(columns: Array(open), coefficients: Array(repeating: 1, count: n), lower: Double(p), upper: Double(p))
        for i in 0 ..< n {
            let row = model.addVariables(n, kind: .continuous, upper: 1)
            for j in 0 ..< n {
                let dx = points[i].0 - points[j].0, dy = points[i].1 - points[j].1
                model.setObjectiveCoefficient(row.lowerBound + j, (dx * dx + dy * dy).squareRoot().rounded())
                model.addRow(columns: [row.lowerBound + j, j], coefficients: [1, -1], upper: 0)
            }
            model.addRow(columns: Array(row), coefficients: Array(repeating: 1, count: n), lower: 1, upper: 1)
        }
        return model
    }

    /// A feasible point of `assignmentPMedian`: open the first p points, assign each point to the nearest.
    static func firstMediansAssignment(size n: Int, medians p: Int, model: LinearModel) -> [Double] {
        var values = [Double](repeating: 0, count: model.variableCount)
        for j in 0 ..< p { values[j] = 1 }
        for i in 0 ..< n {
            let base = n + i * n
            let best = (0 ..< p).min { model.objectiveCoefficient(of: base + $0) < model.objectiveCoefficient(of: base + $1) }!
            values[base + best] = 1
        }
        return values
    }
}
