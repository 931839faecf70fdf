import Estate
import Planning
import XCTest

/// With `min_travel` and no `max_minutes`, an area with no site at all within the travel horizon
/// is left out of the travel sum. Every capacity model counts exactly the areas a walk over every
/// site finds (`areas_unreachable`), the plan equals the brute-force optimum over the other areas,
/// and every other question counts none (they sum no travel, or make such an area a conflict).
final class AreasOutOfTravelTests: XCTestCase {
    /// Areas with no site within the horizon, by asking every site of every area.
    private func bruteForce(_ instance: PlanningInstance) -> [Int] {
        (0 ..< instance.areaCount).filter { i in
            !(0 ..< instance.siteCount).contains { j in instance.pairs(of: i).contains { instance.pairSite[$0] == j } }
        }
    }

    func testEveryModelLeavesOutExactlyTheAreasWithNoSiteWithinTheHorizon() throws {
        var sawSome = false, sawFeasible = false
        for seed in UInt64(1) ... 8 {
            // A short horizon (in minutes of the unit square's 50 a side) leaves some areas no site at all.
            let instance = randomInstance(seed: seed, areas: 8, sites: 5, horizon: 18)
            let expected = bruteForce(instance)
            sawSome = sawSome || !expected.isEmpty
            let ids = (0 ..< instance.areaCount).map { "A\($0)" }
            XCTAssertEqual(instance.areasLeftOutOfTravel(PlanSpecification(objective: .minTravel, coverageMinutes: 10)), expected)
            for capacity in [nil, CapacityAssignment.split, .single] {
                var constraints = PlanConstraints(capacity: capacity)
                constraints.maxSites = 3
                let spec = PlanSpecification(objective: .minTravel, coverageMinutes: 10, constraints: constraints)
                let plan = try Planner.plan(instance, spec, areaIDs: ids)
                let label = "seed \(seed), capacity \(capacity.map { "\($0)" } ?? "none")"
                XCTAssertEqual(plan.reductions.areasUnreachable, expected.count, label)
                let optimum = try BruteForce(instance: instance, spec: spec).optimum()
                XCTAssertEqual(plan.status.hasPlan, optimum != nil, label)
                if let optimum, let objective = plan.objective {
                    sawFeasible = sawFeasible || !expected.isEmpty
                    XCTAssertEqual(objective, optimum, accuracy: 1e-6, label)
                }
                for objective in Objective.allCases where objective != .minTravel {
                    let other = PlanSpecification(objective: objective, coverageMinutes: 10, constraints: constraints)
                    XCTAssertEqual(try Planner.plan(instance, other, areaIDs: ids).reductions.areasUnreachable, 0, "\(label), \(objective)")
                    XCTAssertEqual(instance.areasLeftOutOfTravel(other), [], "\(label), \(objective)")
                }
                var limited = constraints
                limited.maxMinutes = 12
                let bounded = PlanSpecification(objective: .minTravel, coverageMinutes: 10, constraints: limited)
                XCTAssertEqual(try Planner.plan(instance, bounded, areaIDs: ids).reductions.areasUnreachable, 0, label)
                XCTAssertEqual(instance.areasLeftOutOfTravel(bounded), [], label)
            }
        }
        XCTAssertTrue(sawSome, "the seeds must include areas with no site within the horizon")
        XCTAssertTrue(sawFeasible, "and a feasible plan that leaves some out")
    }
}
