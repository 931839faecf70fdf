@testable import LocationModels
import Optimisation
import XCTest

/// The p-median with a planner's limits on top (a range of open counts, linear rows such as a
/// carbon cap and a per-district minimum, fixed sites) against enumeration of every subset.
final class PMedianSideLimitTests: XCTestCase {
    private func optimum(_ instance: RandomLocationInstance, _ problem: PMedianProblem) -> Double? {
        var best: Double?
        for subset in instance.subsets where problem.admits(subset.sites) {
            var total = 0.0, served = true
            for i in 0 ..< instance.clients {
                let nearest = subset.sites.map { instance.dense[i * instance.sites + $0] }.min() ?? .infinity
                if nearest == .infinity { served = false; break }
                total += instance.weights[i] * nearest
            }
            if served, total < (best ?? .infinity) { best = total }
        }
        return best
    }

    func testSideLimitsMatchBruteForce() throws {
        var optimal = 0, infeasible = 0, ranged = 0
        for seed in UInt64(700) ..< 770 {
            let planar = seed % 2 == 0
            let instance = try RandomLocationInstance(seed: seed, sparse: seed % 3 == 0, clients: planar ? 16 : nil,
                                                      sites: planar ? 9 : nil)
            var rng = SeededGenerator(seed: seed &* 13)
            let m = instance.sites
            let most = Int.random(in: 1 ... m, using: &rng)
            let least = Bool.random(using: &rng) ? Int.random(in: 1 ... most, using: &rng) : nil
            var rows: [SiteRow] = []
            if Bool.random(using: &rng) {
                let carbon = (0 ..< m).map { _ in Double(Int.random(in: 1 ... 9, using: &rng)) }
                rows.append(SiteRow(coefficients: carbon, upper: Double(Int.random(in: 5 ... 30, using: &rng))))
            }
            if Bool.random(using: &rng) {
                rows.append(SiteRow(coefficients: (0 ..< m).map { $0 % 2 == 0 ? 1 : 0 }, lower: Double(Int.random(in: 1 ... 2, using: &rng))))
            }
            let fixed = Int.random(in: 0 ..< 3, using: &rng) == 0 ? [Int.random(in: 0 ..< m, using: &rng)] : []
            let budget = Int.random(in: 0 ..< 3, using: &rng) == 0
                ? SiteBudget(siteCosts: instance.siteCosts, budget: Double(Int.random(in: 5 ... 30, using: &rng))) : nil
            let problem = PMedianProblem(costs: instance.costs, weights: instance.weights, medians: most, budget: budget,
                                         leastOpen: least, siteRows: rows, fixedOpen: fixed)
            let expected = optimum(instance, problem)
            for formulation in [PMedianFormulation.automatic, .radius, .assignment, .benders] {
                for heuristic in [true, false] {
                    let solution = try problem.solve(formulation: formulation, heuristic: heuristic)
                    let context = "seed \(seed) open \(least ?? most)...\(most) rows \(rows.count) fixed \(fixed) \(formulation) heuristic \(heuristic)"
                    guard let expected else {
                        XCTAssertEqual(solution.status, .infeasible, context)
                        continue
                    }
                    XCTAssertEqual(solution.status, .optimal, context)
                    XCTAssertEqual(solution.objective ?? .nan, expected, accuracy: 1e-9, context)
                    XCTAssertEqual(solution.bound ?? .nan, expected, accuracy: 1e-9, context)
                    XCTAssertTrue(problem.admits(solution.openSites), "open sites break a limit; \(context)")
                }
            }
            if expected == nil { infeasible += 1 } else { optimal += 1 }
            if least != nil && least != most { ranged += 1 }
        }
        XCTAssertGreaterThan(optimal, 30)
        XCTAssertGreaterThan(infeasible, 2)
        XCTAssertGreaterThan(ranged, 10)
    }
}

/// The greedy can open sites that leave a client without any allowed site (set covering's classic
/// trap); the interchange must still start from them and repair the plan, or the solve loses its
/// incumbent and reduced-cost fixing.
final class PMedianHeuristicRepairTests: XCTestCase {
    func testTheInterchangeRepairsAGreedyThatLeavesClientsUnserved() throws {
        // Site 0 reaches clients 0-3, site 1 clients 0, 1 and 4, site 2 clients 2, 3 and 5: the
        // greedy opens site 0 first (four clients) and then cannot reach both 4 and 5 with p = 2.
        let reach = [[0, 1, 2, 3], [0, 1, 4], [2, 3, 5]]
        let entries = reach.enumerated().flatMap { site, clients in clients.map { (client: $0, site: site, cost: 1.0) } }
        let problem = PMedianProblem(costs: try ServiceCosts(clientCount: 6, siteCount: 3, entries: entries), medians: 2)
        let groups = ClientGroups(costs: problem.costs, weights: problem.weights)
        let heuristic = PMedianHeuristic(problem: problem, groups: groups, dense: ServiceCosts.groupMatrix(problem.costs, groups))
        let greedy = try XCTUnwrap(heuristic.greedy())
        XCTAssertFalse(heuristic.serves(greedy), "the trap springs: the greedy alone leaves a client unserved")
        XCTAssertEqual(heuristic.solve(), [1, 2])
        let solution = try problem.solve()
        XCTAssertEqual(solution.status, .optimal)
        XCTAssertEqual(solution.heuristicObjective, 6)
        XCTAssertEqual(solution.objective, 6)
    }
}
