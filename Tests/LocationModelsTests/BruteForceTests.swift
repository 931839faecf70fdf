@testable import LocationModels
import Optimisation
import XCTest

final class BruteForceTests: XCTestCase {
    func testPMedianMatchesBruteForceOnSmallInstances() throws {
        var optimal = 0, infeasible = 0
        for seed in UInt64(1) ... 60 {
            let instance = try RandomLocationInstance(seed: seed, sparse: seed % 3 == 0)
            var rng = SeededGenerator(seed: seed &* 7)
            let p = Int.random(in: 1 ... instance.sites, using: &rng)
            let budget = seed % 2 == 0 ? Double(Int.random(in: 3 ... 25, using: &rng)) : nil
            let expected = instance.pMedianOptimum(p: p, budget: budget)
            let problem = PMedianProblem(costs: instance.costs, weights: instance.weights, medians: p,
                                         budget: budget.map { SiteBudget(siteCosts: instance.siteCosts, budget: $0) })
            for formulation in PMedianFormulation.allCases {
                for heuristic in [true, false] {
                    let solution = try problem.solve(formulation: formulation, heuristic: heuristic)
                    let context = "seed \(seed) p \(p) budget \(budget.map { "\($0)" } ?? "none") \(formulation) heuristic \(heuristic)"
                    guard let expected else {
                        XCTAssertEqual(solution.status, .infeasible, context)
                        continue
                    }
                    XCTAssertEqual(solution.status, .optimal, context)
                    XCTAssertEqual(solution.objective, expected, context)
                    XCTAssertEqual(solution.bound, expected, context)
                    XCTAssertEqual(solution.openSites.count, p, context)
                    XCTAssertEqual(problem.evaluate(openSites: solution.openSites)?.objective, expected, context)
                }
            }
            if expected == nil { infeasible += 1 } else { optimal += 1 }
        }
        XCTAssertGreaterThan(optimal, 30)
        XCTAssertGreaterThan(infeasible, 2)
    }

    /// The incremental radius formulation started from each client's nearest site only (and
    /// also from the default limits), so it must widen levels and re-solve.
    func testIncrementalRadiusWideningMatchesBruteForce() throws {
        var widenedSomewhere = false, fixedSomewhere = false
        for seed in UInt64(500) ... 511 {
            let instance = try RandomLocationInstance(seed: seed, clients: 30, sites: 14)
            let p = 3 + Int(seed % 4)
            let expected = try XCTUnwrap(instance.pMedianOptimum(p: p, budget: nil))
            let problem = PMedianProblem(costs: instance.costs, weights: instance.weights, medians: p)
            for (heuristic, rank) in [(true, nil), (false, 1), (true, 1)] as [(Bool, Int?)] {
                let solution = try problem.solve(options: SolveOptions(), formulation: .incrementalRadius,
                                                 heuristic: heuristic, initialRank: rank)
                XCTAssertEqual(solution.status, .optimal, "seed \(seed)")
                XCTAssertEqual(solution.objective, expected, "seed \(seed)")
                XCTAssertEqual(solution.bound, expected, "seed \(seed)")
                if solution.rounds > 1 { widenedSomewhere = true }
                if solution.fixedSites > 0 { fixedSomewhere = true }
                if let sites = solution.openSites.first { XCTAssertEqual(solution.assignment.count, 30, "site \(sites)") }
            }
        }
        XCTAssertTrue(widenedSomewhere, "no instance exercised the widening")
        XCTAssertTrue(fixedSomewhere, "no instance exercised reduced-cost fixing of sites")
    }

    /// Both formulations (the links written out, and branch-and-Benders-cut generating them).
    func testMaximalCoveringMatchesBruteForceOnSmallInstances() throws {
        for seed in UInt64(100) ... 160 {
            let instance = try RandomLocationInstance(seed: seed, sparse: seed % 3 == 0)
            var rng = SeededGenerator(seed: seed &* 11)
            let p = Int.random(in: 1 ... instance.sites, using: &rng)
            let radius = Double(Int.random(in: 0 ... 12, using: &rng))
            let budget = seed % 2 == 0 ? Double(Int.random(in: 0 ... 20, using: &rng)) : nil
            let expected = instance.maxCoveringOptimum(p: p, radius: radius, budget: budget)
            let problem = MaximalCoveringProblem(costs: instance.costs, weights: instance.weights, radius: radius,
                                                 facilities: p,
                                                 budget: budget.map { SiteBudget(siteCosts: instance.siteCosts, budget: $0) })
            let runs = [true, false].flatMap { heuristic in [CoverageFormulation.compact, .benders].map { (heuristic, $0) } }
            for (heuristic, formulation) in runs {
                let solution = try problem.solve(heuristic: heuristic, formulation: formulation)
                let context = "seed \(seed) p \(p) radius \(radius) budget \(budget.map { "\($0)" } ?? "none") \(formulation)"
                XCTAssertEqual(solution.coverageFormulation, formulation, context)
                XCTAssertEqual(solution.status, .optimal, context)
                XCTAssertEqual(solution.objective, expected, context)
                XCTAssertEqual(solution.bound, expected, context)
                XCTAssertEqual(solution.gap, 0, context)
                XCTAssertLessThanOrEqual(solution.openSites.count, p, context)
                XCTAssertEqual(instance.coveredWeight(solution.openSites, radius: radius), expected, context)
                if let budget {
                    XCTAssertLessThanOrEqual(solution.openSites.reduce(0.0) { $0 + instance.siteCosts[$1] }, budget, context)
                }
            }
        }
    }

    func testSetCoveringMatchesBruteForceOnSmallInstances() throws {
        var optimal = 0, infeasible = 0
        for seed in UInt64(200) ... 270 {
            let instance = try RandomLocationInstance(seed: seed, sparse: seed % 3 == 0)
            var rng = SeededGenerator(seed: seed &* 13)
            let radius = Double(Int.random(in: 4 ... 16, using: &rng))
            let budget = seed % 2 == 0 ? Double(Int.random(in: 2 ... 30, using: &rng)) : nil
            let expected = instance.setCoveringOptimum(radius: radius, budget: budget)
            let problem = SetCoveringProblem(costs: instance.costs, radius: radius,
                                             budget: budget.map { SiteBudget(siteCosts: instance.siteCosts, budget: $0) })
            let solution = try problem.solve()
            let context = "seed \(seed) radius \(radius) budget \(budget.map { "\($0)" } ?? "none")"
            if let expected {
                XCTAssertEqual(solution.status, .optimal, context)
                XCTAssertEqual(solution.objective, Double(expected), context)
                XCTAssertEqual(solution.bound, Double(expected), context)
                XCTAssertTrue(problem.evaluate(openSites: solution.openSites).coversAll, context)
                optimal += 1
            } else {
                XCTAssertEqual(solution.status, .infeasible, context)
                XCTAssertTrue(solution.openSites.isEmpty, context)
                infeasible += 1
            }
        }
        XCTAssertGreaterThan(optimal, 20)
        XCTAssertGreaterThan(infeasible, 5)
    }
}
