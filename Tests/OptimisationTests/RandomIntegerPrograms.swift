import Optimisation

/// A small pure-integer program with its optimum found by enumerating every point.
struct EnumeratedProgram {
    var model: LinearModel
    /// nil when no point is feasible.
    var optimum: Double?
    /// Every feasible point.
    var feasiblePoints: [[Double]] = []

    /// `count` integer variables in 0...range, `rows` random <= / >= / == rows.
    static func random(seed: UInt64, count: Int = 6, range: Int = 2, rows: Int = 3) -> EnumeratedProgram {
        var rng = SeededGenerator(seed: seed)
        var model = LinearModel(sense: Bool.random(using: &rng) ? .minimise : .maximise)
        model.objectiveConstant = Double(Int.random(in: -5 ... 5, using: &rng))
        for _ in 0 ..< count {
            let kind: VariableKind = range == 1 ? .binary : .integer
            model.addVariable(kind, lower: 0, upper: Double(range), objective: Double(Int.random(in: -9 ... 9, using: &rng)))
        }
        var matrix: [[Double]] = []
        var bounds: [(Double, Double)] = []
        for _ in 0 ..< rows {
            let coefficients = (0 ..< count).map { _ in Double(Int.random(in: -4 ... 6, using: &rng)) }
            let rhs = Double(Int.random(in: 0 ... 3 * count, using: &rng))
            let bound: (Double, Double)
            switch Int.random(in: 0 ..< 6, using: &rng) {
            case 0: bound = (rhs - Double(count), .infinity)
            case 1: bound = (rhs / 2, rhs / 2)
            default: bound = (-.infinity, rhs)
            }
            let used = (0 ..< count).filter { coefficients[$0] != 0 }
            model.addRow(columns: used, coefficients: used.map { coefficients[$0] }, lower: bound.0, upper: bound.1)
            matrix.append(coefficients)
            bounds.append(bound)
        }
        var best: Double?
        var feasiblePoints: [[Double]] = []
        var point = [Int](repeating: 0, count: count)
        while true {
            let feasible = zip(matrix, bounds).allSatisfy { row, bound in
                let activity = zip(row, point).reduce(0.0) { $0 + $1.0 * Double($1.1) }
                return activity >= bound.0 - 1e-9 && activity <= bound.1 + 1e-9
            }
            if feasible {
                feasiblePoints.append(point.map(Double.init))
                let value = model.objectiveValue(of: point.map(Double.init))
                if best.map({ model.sense == .minimise ? value < $0 : value > $0 }) ?? true { best = value }
            }
            var k = 0
            while k < count && point[k] == range { point[k] = 0; k += 1 }
            if k == count { break }
            point[k] += 1
        }
        return EnumeratedProgram(model: model, optimum: best, feasiblePoints: feasiblePoints)
    }
}
