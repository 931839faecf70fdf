import Optimisation
import XCTest

/// Lifted cover cuts against every 0-1 point of small random knapsack rows.
final class LiftedCoverCutsTests: XCTestCase {
    /// Every 0-1 point `(x, y)` of `row` (its items only; `y = 0` forces every item to 0).
    private func everyPoint(of row: KnapsackRow) -> [(x: [Double], y: Double)] {
        var points: [(x: [Double], y: Double)] = [(Array(repeating: 0, count: row.columns.count), 0)]
        for mask in 0 ..< (1 << row.columns.count) {
            let x = (0 ..< row.columns.count).map { Double((mask >> $0) & 1) }
            if zip(x, row.weights).reduce(0, { $0 + $1.0 * $1.1 }) <= row.capacity { points.append((x, 1)) }
        }
        return points
    }

    /// `coefficients` (one per item of the row) against every 0-1 point: the largest violation.
    private func worstViolation(_ coefficients: [Double], rhs: Double, _ points: [(x: [Double], y: Double)]) -> Double {
        points.map { point in zip(coefficients, point.x).reduce(0, { $0 + $1.0 * $1.1 }) - rhs * point.y }.max() ?? 0
    }

    /// On random rows (whole and fractional weights) and random points with `x <= y`: every cut
    /// holds at every 0-1 point of its row, is violated at the point it was separated from by what
    /// it reports, and is as strong as lifting allows: raising any one coefficient by 1 (members
    /// of the row left out count as 0) breaks it at some 0-1 point, for every item that fits. Enough points give a cut that
    /// the check cannot pass empty.
    func testCutsAreValidViolatedAndMaximallyLifted() {
        var rng = SeededGenerator(seed: 1604)
        var found = 0, lifted = 0
        for trial in 0 ..< 600 {
            let n = Int.random(in: 3 ... 10, using: &rng)
            let whole = trial % 2 == 0
            let weights = (0 ..< n).map { _ in whole ? Double(Int.random(in: 1 ... 20, using: &rng)) : Double.random(in: 0.5 ... 20, using: &rng) }
            let capacity = weights.reduce(0, +) * Double.random(in: 0.25 ... 0.8, using: &rng)
            let withSwitch = trial % 3 != 0
            // Columns: the items shuffled among n + 1 slots, the switch in the last one.
            let columns = Array(0 ..< n).shuffled(using: &rng)
            let row = KnapsackRow(columns: columns, weights: weights, capacity: capacity, switchColumn: withSwitch ? n : nil)
            let y = withSwitch ? Double.random(in: 0.3 ... 1, using: &rng) : 1
            var values = [Double](repeating: 0, count: n + 1)
            for k in 0 ..< n { values[columns[k]] = Bool.random(using: &rng) ? y * Double.random(in: 0 ... 1, using: &rng) : y }
            if withSwitch { values[n] = y }
            let cuts = LiftedCoverCuts(rows: [row], minimumViolation: 1e-6)
            guard let cover = cuts.violatedCover(of: 0, at: values) else { continue }
            found += 1
            var coefficients = [Double](repeating: 0, count: n)
            for (k, a) in zip(cover.items, cover.coefficients) { coefficients[k] = a }
            if coefficients.contains(where: { $0 > 1 }) || cover.items.count > Int(cover.rhs) + 1 { lifted += 1 }
            let points = everyPoint(of: row)
            XCTAssertLessThanOrEqual(worstViolation(coefficients, rhs: cover.rhs, points), 1e-9, "trial \(trial)")
            // (An item heavier than the capacity is never in a 0-1 point with y = 1: any
            // coefficient holds for it.)
            for k in 0 ..< n where weights[k] <= capacity {
                var raised = coefficients
                raised[k] += 1
                XCTAssertGreaterThan(worstViolation(raised, rhs: cover.rhs, points), 0.5, "trial \(trial) item \(k)")
            }
            let lazy = cuts.lazyRow(of: 0, cover)
            let activity = zip(lazy.columns, lazy.coefficients).reduce(0.0) { $0 + $1.1 * values[$1.0] }
            XCTAssertGreaterThan(activity, lazy.upper + 1e-7, "trial \(trial)")
            XCTAssertEqual(cuts.violatedRows(at: values), [lazy])
        }
        XCTAssertGreaterThan(found, 100)
        XCTAssertGreaterThan(lifted, 20)
    }

    /// A row whose items all fit, or a switch at 0, gives no cut.
    func testNoCoverWhereNothingOverflows() {
        let row = KnapsackRow(columns: [0, 1, 2], weights: [3, 4, 5], capacity: 12, switchColumn: 3)
        XCTAssertNil(LiftedCoverCuts(rows: [row]).violatedCover(of: 0, at: [1, 1, 1, 1]))
        let tight = KnapsackRow(columns: [0, 1, 2], weights: [3, 4, 5], capacity: 8, switchColumn: 3)
        XCTAssertNil(LiftedCoverCuts(rows: [tight]).violatedCover(of: 0, at: [0, 0, 0, 0]))
        // 0.9 of each item, capacity 8: items 1 and 2 (weights 4 and 5) do not fit together, so
        // x_1 + x_2 <= y, broken by 0.8; item 0 fits with either, so it is not lifted in.
        let cover = LiftedCoverCuts(rows: [tight]).violatedCover(of: 0, at: [0.9, 0.9, 0.9, 1])
        XCTAssertEqual(cover?.items.sorted(), [1, 2])
        XCTAssertEqual(cover?.coefficients, [1, 1])
        XCTAssertEqual(cover?.rhs, 1)
    }
}
