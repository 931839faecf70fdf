import Optimisation
import XCTest

/// A basis carried to a model with rows left out (`SimplexBasis.carried(from:to:)`, how an
/// explanation's re-solve with a limit dropped starts from the plan's basis): refused exactly when
/// a row left out was not basic, and where it is carried, the LP started from it reaches the
/// optimum it reaches from scratch.
final class SimplexBasisTests: XCTestCase {
    func testABasisCarriedToAModelWithRowsLeftOutStartsItAtTheSameOptimum() throws {
        var carried = 0, refused = 0
        for seed in UInt64(1) ... 80 {
            var rng = SeededGenerator(seed: seed)
            let columns = 8, rowCount = 6
            let objective = (0 ..< columns).map { _ in Double(Int.random(in: 1 ... 9, using: &rng)) }
            let rows = (0 ..< rowCount).map { _ in
                (coefficients: (0 ..< columns).map { _ in Double(Int.random(in: 0 ... 5, using: &rng)) },
                 upper: Double(Int.random(in: 4 ... 20, using: &rng)))
            }
            func model(_ kept: [Int]) -> LinearModel {
                var model = LinearModel(sense: .maximise)
                for j in 0 ..< columns { model.addVariable(.continuous, lower: 0, upper: 3, objective: objective[j]) }
                for r in kept { model.addRow(columns: Array(0 ..< columns), coefficients: rows[r].coefficients, upper: rows[r].upper) }
                return model
            }
            let all = Array(0 ..< rowCount)
            let full = try GLPKSolver.solve(model(all))
            let basis = try XCTUnwrap(full.basis, "seed \(seed)")
            for left in all {
                let kept = all.filter { $0 != left }
                let cold = try GLPKSolver.solve(model(kept))
                guard let start = basis.carried(from: all, to: kept) else {
                    // Refused: the row left out was not basic, so it was tight at the optimum.
                    let activity = zip(rows[left].coefficients, full.values).reduce(0.0) { $0 + $1.0 * $1.1 }
                    XCTAssertEqual(activity, rows[left].upper, accuracy: 1e-7, "seed \(seed) row \(left)")
                    refused += 1
                    continue
                }
                var options = SolveOptions()
                options.startBasis = start
                options.simplex = .dual
                let warm = try GLPKSolver.solve(model(kept), options: options)
                XCTAssertEqual(warm.status, .optimal, "seed \(seed) row \(left)")
                XCTAssertEqual(warm.objective ?? .nan, cold.objective ?? .nan, accuracy: 1e-7, "seed \(seed) row \(left)")
                carried += 1
            }
        }
        XCTAssertGreaterThan(carried, 100)
        XCTAssertGreaterThan(refused, 20)
    }

    func testRowsAreMatchedByKeyWhereverTheyStand() throws {
        var model = LinearModel(sense: .maximise)
        model.addVariable(.continuous, lower: 0, upper: 4, objective: 1)
        model.addVariable(.continuous, lower: 0, upper: 4, objective: 2)
        model.addRow(columns: [0, 1], coefficients: [1, 1], upper: 5)
        model.addRow(columns: [0], coefficients: [1], upper: 10)
        let basis = try XCTUnwrap(try GLPKSolver.solve(model).basis)
        // The loose row (basic) left out, a new row added first: carried, and optimal from the start.
        XCTAssertNotNil(basis.carried(from: ["sum", "x"], to: ["new", "sum"]))
        // The tight row (x + y <= 5 at x = 1, y = 4) left out: refused.
        XCTAssertNil(basis.carried(from: ["sum", "x"], to: ["x"]))
        // Keys that do not describe the basis's rows: refused.
        XCTAssertNil(basis.carried(from: ["sum"], to: ["sum"]))
    }
}

/// `SolveOptions.iterationLimit`: branch and cut stops at a count of simplex iterations, so where
/// it stops (and the plan it returns) is the same on every run, however busy the machine.
final class IterationLimitTests: XCTestCase {
    /// A multi-dimensional knapsack of 40 items: a search of many nodes.
    private func knapsack(seed: UInt64) -> LinearModel {
        var rng = SeededGenerator(seed: seed)
        var model = LinearModel(sense: .maximise)
        for _ in 0 ..< 40 { model.addVariable(.binary, objective: Double(Int.random(in: 10 ... 99, using: &rng))) }
        for _ in 0 ..< 5 {
            let weights = (0 ..< 40).map { _ in Double(Int.random(in: 5 ... 60, using: &rng)) }
            model.addRow(columns: Array(0 ..< 40), coefficients: weights, upper: weights.reduce(0, +) / 3)
        }
        return model
    }

    func testTheSearchStopsAtTheSamePointOnEveryRun() throws {
        var stopped = 0
        for seed in UInt64(1) ... 12 {
            let model = knapsack(seed: seed)
            let optimum = try GLPKSolver.solve(model)
            XCTAssertEqual(optimum.status, .optimal)
            var options = SolveOptions(cuts: false)
            options.iterationLimit = 60
            let first = try GLPKSolver.solve(model, options: options)
            let second = try GLPKSolver.solve(model, options: options)
            XCTAssertEqual(first.status, second.status, "seed \(seed)")
            XCTAssertEqual(first.values, second.values, "seed \(seed)")
            XCTAssertEqual(first.iterations, second.iterations, "seed \(seed)")
            if first.message == "iteration limit reached" {
                stopped += 1
                XCTAssertNotEqual(first.status, .optimal, "seed \(seed)")
                if let objective = first.objective {
                    XCTAssertLessThanOrEqual(objective, optimum.objective! + 1e-9, "seed \(seed)")
                    XCTAssertNil(model.infeasibility(of: first.values), "seed \(seed)")
                }
            } else {
                XCTAssertEqual(first.objective ?? .nan, optimum.objective ?? .nan, accuracy: 1e-9, "seed \(seed)")
            }
        }
        XCTAssertGreaterThan(stopped, 3, "searches the limit cut short")
    }
}
