import Estate
import Planning
import XCTest

/// The areas no plan can cover, counted by the coverage model, named by an infeasible coverage
/// floor and listed in `unreachable_areas.csv`, are those a brute-force check finds: no site
/// other than a `close` one within the coverage standard, even with every such site kept.
final class NeverCoveredTests: XCTestCase {
    /// Areas without a non-closed site within `minutes`, by walking every site of every area.
    private func bruteForce(_ instance: PlanningInstance, minutes: Double) -> [Int] {
        (0 ..< instance.areaCount).filter { i in
            !instance.pairs(of: i).contains { instance.pairMinutes[$0] <= minutes && instance.siteStatus[instance.pairSite[$0]] != .close }
        }
    }

    func testTheModelCountsExactlyTheAreasNoPlanCovers() throws {
        var sawSome = false
        for seed in UInt64(1) ... 16 {
            var instance = randomInstance(seed: seed, areas: 14, sites: 6, statuses: true)
            // Close a third of the sites so that some areas lose their only reachable building.
            for j in 0 ..< instance.siteCount where (j + Int(seed)) % 3 == 0 { instance.siteStatus[j] = .close }
            let minutes = Double(8 + seed % 8)
            let expected = bruteForce(instance, minutes: minutes)
            sawSome = sawSome || !expected.isEmpty
            XCTAssertEqual(instance.unreachableAreas(coverageMinutes: minutes).entries.map(\.area), expected, "seed \(seed)")
            var constraints = PlanConstraints()
            constraints.maxSites = 2
            let plan = try Planner.plan(instance, PlanSpecification(objective: .maxCoverage, coverageMinutes: minutes,
                                                                    constraints: constraints),
                                        areaIDs: (0 ..< instance.areaCount).map { "A\($0)" })
            XCTAssertEqual(plan.reductions.areasNeverCovered, expected.count, "seed \(seed)")
            for i in expected { XCTAssertEqual(plan.areaCoveredShare[i], 0, "seed \(seed), area \(i)") }
        }
        XCTAssertTrue(sawSome, "the seeds must include areas no plan covers")
    }

    /// An unreachable coverage floor names the areas beyond reach, the same ones.
    func testAnInfeasibleFloorNamesTheSameAreas() throws {
        var instance = randomInstance(seed: 7, areas: 14, sites: 6)
        for j in 0 ..< instance.siteCount where j % 2 == 0 { instance.siteStatus[j] = .close }
        let expected = bruteForce(instance, minutes: 10)
        XCTAssertFalse(expected.isEmpty)
        var constraints = PlanConstraints()
        constraints.minCoverage = 1
        let plan = try Planner.plan(instance, PlanSpecification(objective: .minCost, coverageMinutes: 10, constraints: constraints),
                                    areaIDs: (0 ..< instance.areaCount).map { "A\($0)" })
        XCTAssertEqual(plan.status, .infeasible)
        let named = try XCTUnwrap(plan.conflicts.first { $0.constraint == .minCoverage }?.outOfReach.first)
        XCTAssertEqual(named.beyond, expected.count)
        XCTAssertTrue(Set(named.examples).isSubset(of: expected.map { "A\($0)" }), "\(named.examples)")
        XCTAssertEqual(named.examples.count, min(10, expected.count))
    }
}
