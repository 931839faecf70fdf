import Foundation
import Optimisation
import XCTest

/// Row generation through GLPK's branch-and-cut callback and the LP's cutting-plane loop, on
/// models small enough to solve by hand.
final class LazyRowTests: XCTestCase {
    /// Gives `rows` whenever the point violates one (checked here, so GLPK re-solves only when needed).
    private struct Fixed: LazyRowGenerator {
        let rows: [LazyRow]
        func violatedRows(at values: [Double]) -> [LazyRow] {
            rows.filter { row in
                let activity = zip(row.columns, row.coefficients).reduce(0.0) { $0 + $1.1 * values[$1.0] }
                return activity < row.lower - 1e-9 || activity > row.upper + 1e-9
            }
        }
    }

    /// Gives its rows at every call, violated or not.
    private struct Always: LazyRowGenerator {
        let rows: [LazyRow]
        func violatedRows(at values: [Double]) -> [LazyRow] { rows }
    }

    /// max 3a + 2b + 2c over binaries with a + b + c <= 2 in the model: {a, b} or {a, c} worth 5.
    /// The lazy rows a + b <= 1 and a + c <= 1 leave {b, c}, worth 4 (every pair enumerated by hand).
    func testMIPSolutionsSatisfyLazyRowsTheModelDoesNotHold() throws {
        var model = LinearModel(sense: .maximise)
        let items = model.addVariables(3, kind: .binary)
        for (j, value) in zip(items, [3.0, 2, 2]) { model.setObjectiveCoefficient(j, value) }
        model.addRow(columns: Array(items), coefficients: [1, 1, 1], upper: 2)
        XCTAssertEqual(try GLPKSolver.solve(model).objective, 5)
        var options = SolveOptions()
        options.lazyRows = Fixed(rows: [LazyRow(columns: [0, 1], coefficients: [1, 1], upper: 1),
                                        LazyRow(columns: [0, 2], coefficients: [1, 1], upper: 1)])
        let solution = try GLPKSolver.solve(model, options: options)
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(solution.objective, 4)
        XCTAssertEqual(solution.values, [0, 1, 1])
        XCTAssertGreaterThan(solution.generatedRows, 0)
    }

    /// max x + y on [0, 1]^2 with the lazy row x + 2y <= 2 (and x + y <= 1.5 never binding after
    /// it): the vertex x = 1, y = 0.5, worth 1.5, found in two LP rounds.
    func testLPGeneratesRowsUntilNoneIsViolated() throws {
        var model = LinearModel(sense: .maximise)
        let x = model.addVariable(.continuous, upper: 1, objective: 1)
        let y = model.addVariable(.continuous, upper: 1, objective: 1)
        var options = SolveOptions()
        options.lazyRows = Fixed(rows: [LazyRow(columns: [x, y], coefficients: [1, 2], upper: 2)])
        let solution = try GLPKSolver.solve(model, options: options)
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(solution.objective ?? .nan, 1.5, accuracy: 1e-9)
        XCTAssertEqual(solution[x], 1, accuracy: 1e-9)
        XCTAssertEqual(solution[y], 0.5, accuracy: 1e-9)
        XCTAssertEqual(solution.generatedRows, 1)
        XCTAssertEqual(solution.reducedCosts.count, 2)
    }

    /// max x + y + z on [0, 1]^3 with the model row x + z <= 2 and the lazy rows x + y <= 1 and
    /// x + y + z <= 2.5: both are violated at (1, 1, 1) and generated in the first round; the
    /// optimum, 2, leaves the second slack. Without it, the LP's basis restricted to the rows
    /// kept is an optimal basis of the smaller model: a solve from it ends where it started.
    func testCuttingPlaneBasisWithoutSlackRowsStartsAtTheOptimum() throws {
        var model = LinearModel(sense: .maximise)
        let x = model.addVariable(.continuous, upper: 1, objective: 1)
        let y = model.addVariable(.continuous, upper: 1, objective: 1)
        let z = model.addVariable(.continuous, upper: 1, objective: 1)
        model.addRow(columns: [x, z], coefficients: [1, 1], upper: 2)
        let tight = LazyRow(columns: [x, y], coefficients: [1, 1], upper: 1)
        let slack = LazyRow(columns: [x, y, z], coefficients: [1, 1, 1], upper: 2.5)
        var options = SolveOptions()
        options.lazyRows = Fixed(rows: [tight, slack])
        let generated = try GLPKSolver.solve(model, options: options)
        XCTAssertEqual(generated.status, .optimal)
        XCTAssertEqual(generated.objective ?? .nan, 2, accuracy: 1e-9)
        XCTAssertEqual(generated.generatedRows, 2)
        let basis = try XCTUnwrap(generated.basis)

        var smaller = model
        smaller.addRow(columns: tight.columns, coefficients: tight.coefficients, upper: tight.upper)
        var warm = SolveOptions()
        warm.startBasis = basis.keepingRows([0, 1])
        let resolved = try GLPKSolver.solve(smaller, options: warm)
        XCTAssertEqual(resolved.status, .optimal)
        XCTAssertEqual(resolved.objective ?? .nan, 2, accuracy: 1e-9)
        XCTAssertEqual(resolved.basis, warm.startBasis, "no pivot from an optimal basis")
    }

    /// Gives its row once the point violates it, after using up the time limit.
    private struct Slow: LazyRowGenerator {
        let row: LazyRow
        let seconds: Double
        func violatedRows(at values: [Double]) -> [LazyRow] {
            Thread.sleep(forTimeInterval: seconds)
            return Fixed(rows: [row]).violatedRows(at: values)
        }
    }

    /// The same model and row as above, with a time limit that runs out while the row is being
    /// generated: the second round stops at once, and the first round's optimum (2, over no rows)
    /// is reported as the bound, a true one for the LP's optimum 1.5.
    func testLPStoppedBetweenRoundsKeepsTheLastRoundsBound() throws {
        var model = LinearModel(sense: .maximise)
        let x = model.addVariable(.continuous, upper: 1, objective: 1)
        let y = model.addVariable(.continuous, upper: 1, objective: 1)
        var options = SolveOptions(timeLimit: 0.5)
        options.lazyRows = Slow(row: LazyRow(columns: [x, y], coefficients: [1, 2], upper: 2), seconds: 0.8)
        let solution = try GLPKSolver.solve(model, options: options)
        XCTAssertNotEqual(solution.status, .optimal)
        XCTAssertEqual(solution.bound ?? .nan, 2, accuracy: 1e-9)
        XCTAssertEqual(solution.generatedRows, 1)
    }

    /// A generator naming a column the model does not have is an error, never a wrong optimum.
    func testInvalidGeneratedRowIsAnError() throws {
        var model = LinearModel(sense: .maximise)
        let items = model.addVariables(2, kind: .binary)
        for j in items { model.setObjectiveCoefficient(j, 1) }
        model.addRow(columns: Array(items), coefficients: [2, 3], upper: 4)
        var options = SolveOptions()
        options.lazyRows = Always(rows: [LazyRow(columns: [0, 7], coefficients: [1, 1], upper: 0)])
        for kind in [VariableKind.binary, .continuous] {
            var variant = model
            if kind == .continuous { variant = model.relaxed() }
            let solution = try GLPKSolver.solve(variant, options: options)
            XCTAssertEqual(solution.status, .error, "\(kind)")
            XCTAssertTrue(solution.message?.contains("out of range") ?? false, solution.message ?? "no message")
        }
    }
}
