import Estate
import Optimisation
@testable import Planning
import XCTest

/// The heuristic plan that a time-limited run falls back on: feasible whenever it is offered
/// (checked by brute force, not by the model it was built for), found for most feasible mixes, and
/// reported with its status, bound and gap when the limit stops the solver first.
final class PlanHeuristicTests: XCTestCase {
    private func randomMix(_ rng: inout SplitMix64, objective: Objective) -> PlanSpecification {
        var c = PlanConstraints()
        if Bool.random(using: &rng) { c.budget = Double(Int.random(in: 8 ... 30, using: &rng) * 100) }
        if Bool.random(using: &rng) { c.carbon = Double(Int.random(in: 8 ... 30, using: &rng)) }
        switch Int.random(in: 0 ..< 4, using: &rng) {
        case 0: c.maxSites = Int.random(in: 2 ... 5, using: &rng)
        case 1: c.minSites = Int.random(in: 1 ... 4, using: &rng)
        case 2: let k = Int.random(in: 2 ... 5, using: &rng); c.minSites = k; c.maxSites = k
        default: break
        }
        if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.minPerDistrict = 1 }
        if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.minCoverage = Double.random(in: 0.3 ... 0.8, using: &rng) }
        if Int.random(in: 0 ..< 4, using: &rng) == 0 { c.minDistrictCoverage = Double.random(in: 0.2 ... 0.6, using: &rng) }
        if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.maxMinutes = Double(Int.random(in: 20 ... 35, using: &rng)) }
        var deprived: [Int] = []
        if Int.random(in: 0 ..< 4, using: &rng) == 0 {
            c.minDeprivedCoverage = Double.random(in: 0.5 ... 1, using: &rng)
            deprived = [0, 3, 5]
        }
        if Int.random(in: 0 ..< 5, using: &rng) == 0 { c.capacity = .split }
        return PlanSpecification(objective: objective, coverageMinutes: Double(Int.random(in: 10 ... 25, using: &rng)),
                                 constraints: c, deprivedAreas: deprived)
    }

    /// The greedy keeps the site covering most (S0: areas 1-4) and then S1 (area 0), 5 of 6 areas;
    /// the interchange trades S0 for S2 and covers all 6, with S1 and S2.
    func testInterchangeImprovesOnTheGreedyForMaxCoverage() throws {
        let covers: [[Int]] = [[1], [0, 1], [0, 1, 2], [0, 2], [0, 2], [2]]
        let instance = PlanningInstance(
            areaWeight: Array(repeating: 1, count: 6), areaDemand: Array(repeating: 1, count: 6),
            areaDistrict: Array(repeating: 0, count: 6), districtNames: ["D"],
            siteCost: [100, 100, 100], siteCarbon: [1, 1, 1], siteCapacity: [nil, nil, nil], siteDistrict: [0, 0, 0],
            siteStatus: [.candidate, .candidate, .candidate],
            pairs: covers.map { sites in sites.map { (site: $0, minutes: 5.0) } })
        let spec = PlanSpecification(objective: .maxCoverage, coverageMinutes: 10, constraints: PlanConstraints(maxSites: 2))
        let model = PlanningModel(instance: instance, specification: spec, areaIDs: (0 ..< 6).map { "A\($0)" })
        XCTAssertEqual(PlanHeuristic(model).keepSites(), [false, true, true])
    }

    func testHeuristicPlansAreFeasibleAndFoundForMostFeasibleMixes() throws {
        var rng = SplitMix64(seed: 7)
        var feasible = 0, found = 0
        for seed in UInt64(300) ..< 420 {
            let instance = randomInstance(seed: seed, areas: 10, sites: 7, districts: 2 + Int(seed % 2),
                                          statuses: seed % 3 == 0, capacities: true)
            let objective = Objective.allCases[Int(seed) % Objective.allCases.count]
            let spec = randomMix(&rng, objective: objective)
            let reference = BruteForce(instance: instance, spec: spec)
            let model = PlanningModel(instance: instance, specification: spec, areaIDs: (0 ..< 10).map { "A\($0)" })
            let context = "seed \(seed), \(objective.rawValue), \(spec.constraints)"
            // The planner settles these before any heuristic or solve (an area out of reach of every site).
            if !model.dataConflicts.isEmpty || model.formulation.hasViolatedEmptyRow() { continue }
            guard let keep = PlanHeuristic(model).keepSites(),
                  let point = try PlanHeuristic.point(keep: keep, model: model, options: SolveOptions()) else {
                if try reference.optimum() != nil { feasible += 1 }
                continue
            }
            feasible += 1
            found += 1
            let value = try reference.value(of: keep)
            XCTAssertNotNil(value, "the heuristic plan breaks a constraint; \(context)")
            if let value, let optimum = try reference.optimum() {
                // The model's value of the point is the plan's own (with capacity, its best assignment).
                XCTAssertEqual(point.objective ?? .nan, value, accuracy: 1e-6, context)
                XCTAssertTrue(objective == .maxCoverage ? value <= optimum + 1e-6 : value >= optimum - 1e-6, context)
            }
        }
        XCTAssertGreaterThan(feasible, 40)
        XCTAssertGreaterThanOrEqual(Double(found), 0.8 * Double(feasible), "found \(found) of \(feasible) feasible mixes")
    }

    /// Not a timed test: whatever the machine's speed, a run stopped by its limit either proved
    /// the optimum or reports the best plan found with a valid bound and the gap between them.
    func testRunStoppedByTheTimeLimitStillReportsAPlanWithBoundAndGap() throws {
        let instance = randomInstance(seed: 11, areas: 600, sites: 120, districts: 4, horizon: 30)
        let ids = (0 ..< instance.areaCount).map { "A\($0)" }
        for objective in [Objective.maxCoverage, .minTravel, .minCost] {
            var c = PlanConstraints(minPerDistrict: 2)
            switch objective {
            case .maxCoverage: c.minSites = 15; c.maxSites = 15
            case .minTravel: c.minSites = 12; c.maxSites = 12
            default: c.minCoverage = 0.9
            }
            var spec = PlanSpecification(objective: objective, coverageMinutes: 8, constraints: c, timeLimit: 0.001)
            spec.relativeGap = 0
            let plan = try Planner.plan(instance, spec, areaIDs: ids)
            let context = "\(objective.rawValue): \(plan.status), \(plan.message ?? "")"
            XCTAssertTrue(plan.status.hasPlan, context)
            let objectiveValue = try XCTUnwrap(plan.objective, context)
            let bound = try XCTUnwrap(plan.bound, context)
            let gap = try XCTUnwrap(plan.gap, context)
            XCTAssertTrue(objective == .maxCoverage ? bound >= objectiveValue - 1e-6 : bound <= objectiveValue + 1e-6, context)
            XCTAssertEqual(gap, Solution.relativeGap(objective: objectiveValue, bound: bound), accuracy: 1e-9, context)
            if plan.status == .feasible { XCTAssertEqual(plan.message, "time limit reached", context) }
            // The reported decisions are feasible and achieve the reported objective.
            let value = try BruteForce(instance: instance, spec: spec).value(of: plan.keep)
            XCTAssertEqual(value ?? .nan, objectiveValue, accuracy: 1e-6 * max(1, objectiveValue), context)
        }
    }
}
