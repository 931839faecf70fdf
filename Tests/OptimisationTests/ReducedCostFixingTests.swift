import Optimisation
import XCTest

/// Reduced-cost fixing against enumeration: no integer point better than the incumbent may break a
/// fixing, on random small programs of both senses.
final class ReducedCostFixingTests: XCTestCase {
    func testNoPointBetterThanTheIncumbentBreaksAFixing() throws {
        var fixed = 0, checked = 0
        for seed in UInt64(0) ..< 300 {
            let range = seed % 3 == 0 ? 2 : 1
            let program = EnumeratedProgram.random(seed: seed, count: 6, range: range, rows: 2)
            guard let optimum = program.optimum else { continue }
            let model = program.model
            let relaxation = try GLPKSolver.solve(model.relaxed())
            guard relaxation.status == .optimal else { continue }
            let minimising = model.sense == .minimise
            // An incumbent somewhat worse than the optimum, as a heuristic's would be.
            for slack in [0.5, 2.5] {
                let incumbent = minimising ? optimum + slack : optimum - slack
                let fixings = ReducedCostFixing.fixings(model, relaxation: relaxation, incumbent: incumbent)
                fixed += fixings.count
                forEachPoint(count: model.variableCount, range: range) { point in
                    guard model.infeasibility(of: point) == nil else { return }
                    let value = model.objectiveValue(of: point)
                    guard minimising ? value < incumbent : value > incumbent else { return }
                    checked += 1
                    for (column, fixedValue) in fixings {
                        XCTAssertEqual(point[column], fixedValue, "seed \(seed): column \(column) fixed at \(fixedValue) breaks a better point \(point)")
                    }
                }
            }
        }
        // The programs must both fix columns and leave better points to check, or the test proves nothing.
        XCTAssertGreaterThan(fixed, 50)
        XCTAssertGreaterThan(checked, 50)
    }

    /// max 6a + 4b + c over binaries with a + b + c <= 2: the LP optimum a = b = 1 (10) is
    /// integral, and its only dual-feasible basis has c basic at 0 with the row's dual 1, so the
    /// reduced costs are 5, 3 and 0. Against an incumbent of 8.5 (gap 1.5), dropping a or b costs
    /// more than the gap (the only better plan keeps both); against 5 (gap 5) nothing is fixed.
    func testFixesTheColumnsWhoseStepCostsMoreThanTheGap() throws {
        var model = LinearModel(sense: .maximise)
        let items = model.addVariables(3, kind: .binary)
        for (j, value) in zip(items, [6.0, 4, 1]) { model.setObjectiveCoefficient(j, value) }
        model.addRow(columns: Array(items), coefficients: [1, 1, 1], upper: 2)
        let relaxation = try GLPKSolver.solve(model.relaxed())
        XCTAssertEqual(relaxation.objective ?? 0, 10, accuracy: 1e-9)
        let fixings = ReducedCostFixing.fixings(model, relaxation: relaxation, incumbent: 8.5)
        XCTAssertEqual(fixings.map(\.column), [0, 1], "\(fixings)")
        XCTAssertEqual(fixings.map(\.value), [1, 1])
        XCTAssertTrue(ReducedCostFixing.fixings(model, relaxation: relaxation, incumbent: 5).isEmpty)
    }

    private func forEachPoint(count: Int, range: Int, _ body: ([Double]) -> Void) {
        var point = [Int](repeating: 0, count: count)
        while true {
            body(point.map(Double.init))
            var k = 0
            while k < count && point[k] == range { point[k] = 0; k += 1 }
            if k == count { return }
            point[k] += 1
        }
    }
}
