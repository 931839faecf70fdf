import Optimisation
import XCTest

final class GLPKSolverStatusTests: XCTestCase {
    /// min x + y, x + 2y >= 4, 3x + y >= 6: the vertex (1.6, 1.2) by hand, objective 2.8.
    func testLinearProgramIsOptimalAtHandComputedVertex() throws {
        var model = LinearModel()
        let x = model.addVariable(.continuous, objective: 1)
        let y = model.addVariable(.continuous, objective: 1)
        model.addRow(columns: [x, y], coefficients: [1, 2], lower: 4)
        model.addRow(columns: [x, y], coefficients: [3, 1], lower: 6)
        for presolve in [true, false] {
            let solution = try GLPKSolver.solve(model, options: SolveOptions(presolve: presolve))
            XCTAssertEqual(solution.status, .optimal)
            XCTAssertEqual(solution.objective ?? .nan, 2.8, accuracy: 1e-9)
            XCTAssertEqual(solution.bound ?? .nan, 2.8, accuracy: 1e-9)
            XCTAssertEqual(solution.gap, 0)
            XCTAssertEqual(solution[x], 1.6, accuracy: 1e-9)
            XCTAssertEqual(solution[y], 1.2, accuracy: 1e-9)
        }
    }

    /// max 5a + 4b + 3c with 2a + 3b + c <= 5, binary: {a, b} weighs 5 and is worth 9 (by hand).
    func testKnapsackIsOptimalWithObjectiveConstant() throws {
        var model = LinearModel(sense: .maximise)
        model.objectiveConstant = 10
        let items = model.addVariables(3, kind: .binary)
        for (j, value) in zip(items, [5.0, 4, 3]) { model.setObjectiveCoefficient(j, value) }
        model.addRow(columns: Array(items), coefficients: [2, 3, 1], upper: 5)
        for presolve in [true, false] {
            let solution = try GLPKSolver.solve(model, options: SolveOptions(presolve: presolve))
            XCTAssertEqual(solution.status, .optimal)
            XCTAssertEqual(solution.objective, 19)
            XCTAssertEqual(solution.bound, 19)
            XCTAssertEqual(solution.values, [1, 1, 0])
        }
    }

    /// min 2x + 3y, x + y >= 1: x = 1, and raising y costs 3 - 2 = 1 per unit (by hand).
    func testOptimalLPReportsReducedCosts() throws {
        var model = LinearModel()
        model.addVariable(.continuous, objective: 2)
        model.addVariable(.continuous, objective: 3)
        model.addRow(columns: [0, 1], coefficients: [1, 1], lower: 1)
        let solution = try GLPKSolver.solve(model)
        XCTAssertEqual(solution.values, [1, 0])
        XCTAssertEqual(solution.reducedCosts.count, 2)
        XCTAssertEqual(solution.reducedCosts[0], 0, accuracy: 1e-12)
        XCTAssertEqual(solution.reducedCosts[1], 1, accuracy: 1e-12)
    }

    /// The knapsack's LP relaxation by hand: c and a whole (weight 3), then 2/3 of b: 5 + 3 + 8/3.
    func testRelaxedModelIsTheLPRelaxation() throws {
        var model = LinearModel(sense: .maximise)
        let items = model.addVariables(3, kind: .binary)
        for (j, value) in zip(items, [5.0, 4, 3]) { model.setObjectiveCoefficient(j, value) }
        model.addRow(columns: Array(items), coefficients: [2, 3, 1], upper: 5)
        let solution = try GLPKSolver.solve(model.relaxed())
        XCTAssertEqual(solution.objective ?? .nan, 8 + 8.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(model.relaxed().kind(of: 0), .continuous)
        XCTAssertEqual(model.relaxed().bounds(of: 0).upper, 1)
    }

    func testRandomIntegerProgramsMatchEnumeration() throws {
        var solved = 0, infeasible = 0
        for seed in UInt64(1) ... 120 {
            let program = EnumeratedProgram.random(seed: seed, count: 6, range: seed % 2 == 0 ? 1 : 2)
            let options = SolveOptions(presolve: seed % 3 != 0, cuts: seed % 4 != 0)
            let solution = try GLPKSolver.solve(program.model, options: options)
            if let optimum = program.optimum {
                XCTAssertEqual(solution.status, .optimal, "seed \(seed)")
                XCTAssertEqual(solution.objective ?? .nan, optimum, accuracy: 1e-6, "seed \(seed)")
                XCTAssertNil(program.model.infeasibility(of: solution.values), "seed \(seed)")
                XCTAssertEqual(program.model.objectiveValue(of: solution.values), optimum, accuracy: 1e-6)
                solved += 1
            } else {
                XCTAssertEqual(solution.status, .infeasible, "seed \(seed)")
                XCTAssertTrue(solution.values.isEmpty)
                infeasible += 1
            }
        }
        XCTAssertGreaterThan(solved, 30)
        XCTAssertGreaterThan(infeasible, 3)
    }

    /// Branching on given columns first (a random subset, with an index out of range that must be
    /// ignored) never changes the optimum, on programs whose LP is rarely integral at the root.
    func testBranchingFirstOnGivenColumnsLeavesTheOptimumUnchanged() throws {
        var rng = SeededGenerator(seed: 77)
        var solved = 0
        for seed in UInt64(300) ... 380 {
            let program = EnumeratedProgram.random(seed: seed, count: 8, range: seed % 2 == 0 ? 1 : 2, rows: 4)
            var options = SolveOptions(presolve: false, cuts: false)
            options.branchFirst = (0 ..< 8).filter { _ in Bool.random(using: &rng) } + [99]
            let solution = try GLPKSolver.solve(program.model, options: options)
            guard let optimum = program.optimum else {
                XCTAssertEqual(solution.status, .infeasible, "seed \(seed)")
                continue
            }
            XCTAssertEqual(solution.status, .optimal, "seed \(seed)")
            XCTAssertEqual(solution.objective ?? .nan, optimum, accuracy: 1e-6, "seed \(seed)")
            XCTAssertNil(program.model.infeasibility(of: solution.values), "seed \(seed)")
            solved += 1
        }
        XCTAssertGreaterThan(solved, 30)
    }

    func testSuppliedIncumbentLeavesTheOptimumUnchanged() throws {
        for seed in UInt64(200) ... 260 {
            let program = EnumeratedProgram.random(seed: seed, count: 6, range: 1)
            guard let optimum = program.optimum else { continue }
            // Any feasible point will do as the incumbent: take the first one GLPK itself finds.
            let first = try GLPKSolver.solve(program.model, options: SolveOptions(relativeGap: 0.9))
            let solution = try GLPKSolver.solve(program.model, options: SolveOptions(incumbent: first.values))
            XCTAssertEqual(solution.status, .optimal, "seed \(seed)")
            XCTAssertEqual(solution.objective ?? .nan, optimum, accuracy: 1e-6, "seed \(seed)")
        }
    }

    func testObjectiveStepIsOneOnlyForWholeCostsOnIntegerVariables() {
        var model = LinearModel()
        model.addVariable(.binary, objective: 3)
        model.addVariable(.integer, upper: 4, objective: -2)
        model.addVariable(.continuous, upper: 1, objective: 0)
        XCTAssertEqual(model.objectiveStep, 1)
        var halves = model
        halves.setObjectiveCoefficient(0, 2.5)
        XCTAssertNil(halves.objectiveStep)
        var continuous = model
        continuous.setObjectiveCoefficient(2, 1)
        XCTAssertNil(continuous.objectiveStep, "a continuous variable's cost can take any value")
    }

    /// With the objective step, a node is pruned when its bound is within less than a step of the
    /// incumbent: the incumbent given is the feasible point closest to the optimum without being
    /// optimal (often exactly one step worse), so pruning a step or more would keep it.
    func testObjectiveStepStillFindsAnOptimumOneStepBetterThanTheIncumbent() throws {
        var closeCases = 0
        for seed in UInt64(300) ... 380 {
            for nonnegative in [false, true] {
                var program = EnumeratedProgram.random(seed: seed, count: 6, range: seed % 2 == 0 ? 1 : 2)
                if nonnegative {
                    // Minimising nonnegative costs: GLPK's tolerance is then scaled by our incumbent.
                    program.model.sense = .minimise
                    for j in 0 ..< program.model.variableCount {
                        program.model.setObjectiveCoefficient(j, abs(program.model.objectiveCoefficient(of: j)))
                    }
                }
                let model = program.model
                let values = program.feasiblePoints.map { model.objectiveValue(of: $0) }
                guard let optimum = model.sense == .minimise ? values.min() : values.max() else { continue }
                let worse = zip(program.feasiblePoints, values).filter { abs($0.1 - optimum) > 0.5 }
                guard let incumbent = worse.min(by: { abs($0.1 - optimum) < abs($1.1 - optimum) }) else { continue }
                if abs(abs(incumbent.1 - optimum) - 1) < 1e-9 { closeCases += 1 }
                var options = SolveOptions(incumbent: incumbent.0)
                options.objectiveStep = model.objectiveStep
                XCTAssertEqual(options.objectiveStep, 1)
                let solution = try GLPKSolver.solve(model, options: options)
                XCTAssertEqual(solution.status, .optimal, "seed \(seed)")
                XCTAssertEqual(solution.objective ?? .nan, optimum, accuracy: 1e-6, "seed \(seed), nonnegative \(nonnegative)")
            }
        }
        XCTAssertGreaterThan(closeCases, 20, "many incumbents exactly one step from the optimum")
    }

    /// Given the worst feasible point (by enumeration) as incumbent and asked to stop at a better
    /// plan from the start, branch and cut either proves the optimum or stops at a feasible plan
    /// strictly better than the incumbent, with a bound the optimum respects; asked to stop only
    /// after a long while, it proves the optimum.
    func testStopAtBetterPlanReturnsAStrictlyBetterFeasiblePlan() throws {
        var stopped = 0
        for seed in UInt64(400) ... 480 {
            let program = EnumeratedProgram.random(seed: seed, count: 7, range: 2, rows: 4)
            let model = program.model
            guard let optimum = program.optimum else { continue }
            let minimising = model.sense == .minimise
            let values = program.feasiblePoints.map { model.objectiveValue(of: $0) }
            guard let worst = zip(program.feasiblePoints, values).max(by: { minimising ? $0.1 < $1.1 : $0.1 > $1.1 }),
                  abs(worst.1 - optimum) > 0.5 else { continue }
            var options = SolveOptions(incumbent: worst.0)
            options.stopAtBetterPlanAfter = 0
            let solution = try GLPKSolver.solve(model, options: options)
            let objective = try XCTUnwrap(solution.objective, "seed \(seed)")
            XCTAssertNil(model.infeasibility(of: solution.values), "seed \(seed)")
            XCTAssertEqual(model.objectiveValue(of: solution.values), objective, accuracy: 1e-9, "seed \(seed)")
            if solution.stoppedAtBetterPlan {
                stopped += 1
                XCTAssertEqual(solution.status, .feasible, "seed \(seed)")
                XCTAssertTrue(minimising ? objective < worst.1 - 0.5 : objective > worst.1 + 0.5, "seed \(seed)")
                let bound = try XCTUnwrap(solution.bound, "seed \(seed)")
                XCTAssertTrue(minimising ? bound <= optimum + 1e-6 : bound >= optimum - 1e-6, "seed \(seed)")
            } else {
                XCTAssertEqual(solution.status, .optimal, "seed \(seed)")
                XCTAssertEqual(objective, optimum, accuracy: 1e-6, "seed \(seed)")
            }
            options.stopAtBetterPlanAfter = 3600
            let proven = try GLPKSolver.solve(model, options: options)
            XCTAssertFalse(proven.stoppedAtBetterPlan, "seed \(seed)")
            XCTAssertEqual(proven.status, .optimal, "seed \(seed)")
            XCTAssertEqual(proven.objective ?? .nan, optimum, accuracy: 1e-6, "seed \(seed)")
        }
        XCTAssertGreaterThan(stopped, 5, "the stop itself is exercised")
    }

    func testInfeasibleModelsAreReportedInfeasible() throws {
        var lp = LinearModel()
        let x = lp.addVariable(.continuous, upper: 1)
        lp.addRow(columns: [x], coefficients: [1], lower: 2)
        var mip = LinearModel()
        let a = mip.addVariable(.integer, lower: 0, upper: 10)
        let b = mip.addVariable(.integer, lower: 0, upper: 10)
        mip.addRow(columns: [a, b], coefficients: [2, 2], lower: 3, upper: 3) // 2(a + b) = 3 has no integer point
        for presolve in [true, false] {
            let options = SolveOptions(presolve: presolve)
            XCTAssertEqual(try GLPKSolver.solve(lp, options: options).status, .infeasible)
            let solution = try GLPKSolver.solve(mip, options: options)
            XCTAssertEqual(solution.status, .infeasible)
            XCTAssertNil(solution.objective)
            XCTAssertTrue(solution.values.isEmpty)
        }
    }

    func testUnboundedModelsAreReportedUnbounded() throws {
        var lp = LinearModel(sense: .maximise)
        let x = lp.addVariable(.continuous, objective: 1)
        let y = lp.addVariable(.continuous, objective: 1)
        lp.addRow(columns: [x, y], coefficients: [1, -1], upper: 3)
        var mip = lp
        mip.addVariable(.integer, upper: 5, objective: 1)
        for presolve in [true, false] {
            let options = SolveOptions(presolve: presolve)
            XCTAssertEqual(try GLPKSolver.solve(lp, options: options).status, .unbounded)
            XCTAssertEqual(try GLPKSolver.solve(mip, options: options).status, .unbounded)
        }
    }

    func testEmptyModelIsOptimalAtItsConstant() throws {
        var model = LinearModel()
        model.objectiveConstant = 4.5
        let solution = try GLPKSolver.solve(model)
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(solution.objective, 4.5)
        model.addRow(columns: [], coefficients: [], lower: 1)
        XCTAssertEqual(try GLPKSolver.solve(model).status, .infeasible)
    }

    func testTimeLimitBeforeAnyIncumbentIsLimitWithoutSolution() throws {
        let model = LargeModels.assignmentPMedian(size: 160, medians: 7, seed: 1)
        let solution = try GLPKSolver.solve(model, options: SolveOptions(timeLimit: 0.001))
        XCTAssertEqual(solution.status, .limitWithoutSolution)
        XCTAssertNil(solution.objective)
        XCTAssertTrue(solution.values.isEmpty)
    }

    func testTimeLimitWithOurIncumbentIsFeasibleAndNoWorse() throws {
        let model = LargeModels.assignmentPMedian(size: 160, medians: 7, seed: 1)
        let incumbent = LargeModels.firstMediansAssignment(size: 160, medians: 7, model: model)
        let ours = model.objectiveValue(of: incumbent)
        let solution = try GLPKSolver.solve(model, options: SolveOptions(timeLimit: 0.001, incumbent: incumbent))
        XCTAssertEqual(solution.status, .feasible)
        XCTAssertLessThanOrEqual(solution.objective ?? .infinity, ours + 1e-9)
        XCTAssertNil(model.infeasibility(of: solution.values))
        if let bound = solution.bound { XCTAssertLessThanOrEqual(bound, solution.objective ?? -.infinity) }
    }

    func testRelativeGapStopsWithinTheGapOfTheTrueOptimum() throws {
        for seed in UInt64(300) ... 340 {
            let program = EnumeratedProgram.random(seed: seed, count: 6, range: 2)
            guard let optimum = program.optimum else { continue }
            let solution = try GLPKSolver.solve(program.model, options: SolveOptions(relativeGap: 0.3))
            XCTAssertEqual(solution.status, .optimal)
            let objective = try XCTUnwrap(solution.objective)
            let bound = try XCTUnwrap(solution.bound)
            if program.model.sense == .minimise {
                XCTAssertLessThanOrEqual(bound, optimum + 1e-6)
                XCTAssertGreaterThanOrEqual(objective, optimum - 1e-6)
            } else {
                XCTAssertGreaterThanOrEqual(bound, optimum - 1e-6)
                XCTAssertLessThanOrEqual(objective, optimum + 1e-6)
            }
        }
    }
}
