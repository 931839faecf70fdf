import Estate
import XCTest
import Planning

/// Infeasible scenarios are explained: the constraints in conflict, and how far each must move.
final class InfeasibilityTests: XCTestCase {
    /// Two areas, three sites in two districts; every figure below is worked out by hand.
    private func tinyInstance(status: [SiteStatus] = [.candidate, .candidate, .candidate]) -> PlanningInstance {
        PlanningInstance(
            areaWeight: [10, 30], areaDemand: [1, 1], areaDistrict: [0, 1], districtNames: ["East", "West"],
            siteCost: [100, 200, 300], siteCarbon: [1, 2, 3], siteCapacity: [nil, nil, nil], siteDistrict: [0, 1, 1],
            siteStatus: status,
            pairs: [[(0, 5), (1, 30)], [(1, 10), (2, 12)]])
    }

    func testBudgetAgainstMinPerDistrictNamesBothAndTheShortfall() throws {
        // One site per district costs at least 100 + 200 = 300; a budget of 250 is 50 short.
        let spec = PlanSpecification(objective: .maxCoverage, coverageMinutes: 15,
                                     constraints: PlanConstraints(budget: 250, minPerDistrict: 1))
        let plan = try Planner.plan(tinyInstance(), spec, areaIDs: ["a", "b"])
        XCTAssertEqual(plan.status, .infeasible)
        XCTAssertEqual(plan.conflicts.map(\.constraint), [.budget, .minPerDistrict])
        XCTAssertEqual(plan.conflicts[0].minimumViolation ?? .nan, 50, accuracy: 1e-6)
        XCTAssertEqual(plan.conflicts[1].minimumViolation ?? .nan, 1, accuracy: 1e-6)
        // The least budget that allows a plan with the per-district minimum held: 100 + 200.
        XCTAssertEqual(plan.conflicts[0].limit, 250)
        XCTAssertEqual(plan.conflicts[0].best ?? .nan, 300, accuracy: 1e-6)
    }

    func testIrrelevantConstraintsAreNotBlamed() throws {
        // Full coverage needs sites 0 and (1 or 2): at least 300; the carbon cap of 100 plays no part.
        let spec = PlanSpecification(objective: .minCost, coverageMinutes: 15,
                                     constraints: PlanConstraints(budget: 250, carbon: 100, minCoverage: 1))
        let plan = try Planner.plan(tinyInstance(), spec, areaIDs: ["a", "b"])
        XCTAssertEqual(plan.status, .infeasible)
        XCTAssertEqual(plan.conflicts.map(\.constraint), [.budget, .minCoverage])
    }

    func testMaxMinutesWithNoSiteInReachNamesTheArea() throws {
        let spec = PlanSpecification(objective: .minCost, coverageMinutes: 15,
                                     constraints: PlanConstraints(maxMinutes: 8))
        let plan = try Planner.plan(tinyInstance(), spec, areaIDs: ["a", "b"])
        XCTAssertEqual(plan.status, .infeasible)
        XCTAssertEqual(plan.conflicts.map(\.constraint), [.maxMinutes])
        XCTAssertEqual(plan.conflicts[0].details, ["area b has no site within 8 minutes"])
    }

    func testClosedSitesAgainstMaxMinutesBlameTheStatus() throws {
        let spec = PlanSpecification(objective: .minCost, coverageMinutes: 15,
                                     constraints: PlanConstraints(maxMinutes: 12))
        let plan = try Planner.plan(tinyInstance(status: [.candidate, .close, .close]), spec, areaIDs: ["a", "b"])
        XCTAssertEqual(plan.status, .infeasible)
        XCTAssertEqual(plan.conflicts.map(\.constraint), [.siteStatus, .maxMinutes])
    }

    func testKeptSitesOverBudgetBlameStatusAndBudget() throws {
        let spec = PlanSpecification(objective: .maxCoverage, coverageMinutes: 15,
                                     constraints: PlanConstraints(budget: 400))
        let plan = try Planner.plan(tinyInstance(status: [.keep, .keep, .keep]), spec, areaIDs: ["a", "b"])
        XCTAssertEqual(plan.status, .infeasible)
        XCTAssertEqual(plan.conflicts.map(\.constraint), [.siteStatus, .budget])
    }

    func testOutOfRangeShareIsRejectedBeforeSolving() {
        let spec = PlanSpecification(objective: .minCost, coverageMinutes: 15, constraints: PlanConstraints(minCoverage: 1.5))
        XCTAssertThrowsError(try Planner.plan(tinyInstance(), spec, areaIDs: ["a", "b"])) { error in
            XCTAssertEqual(error as? PlanningError,
                           .invalidSpecification("constraints.min_coverage is 1.5; expected a share between 0 and 1"))
        }
    }

    /// A district floor out of reach within the budget names the district and the share the
    /// plan closest to every district's floor reaches with the budget held: that plan leaves the
    /// least total shortfall (need weight below the floors) of any plan within the budget, found
    /// here by trying every set of sites.
    func testADistrictFloorBeyondTheBudgetIsNamedWithTheShareOfTheClosestPlan() throws {
        var found = 0
        for seed in UInt64(80) ... 99 {
            let instance = randomInstance(seed: seed, areas: 8, sites: 5)
            var spec = PlanSpecification(objective: .maxCoverage, coverageMinutes: 15,
                                         constraints: PlanConstraints(budget: Double(500 + 100 * Int(seed % 4))))
            func shares(_ keep: [Bool]) -> [(covered: Double, total: Double)] {
                var result = Array(repeating: (covered: 0.0, total: 0.0), count: instance.districtCount)
                for i in 0 ..< instance.areaCount {
                    result[instance.areaDistrict[i]].total += instance.areaWeight[i]
                    if instance.pairs(of: i).contains(where: { keep[instance.pairSite[$0]] && instance.pairMinutes[$0] <= 15 }) {
                        result[instance.areaDistrict[i]].covered += instance.areaWeight[i]
                    }
                }
                return result
            }
            var plans: [[Bool]] = [], best = 0.0
            for mask in 0 ..< (1 << instance.siteCount) {
                let keep = (0 ..< instance.siteCount).map { mask & (1 << $0) != 0 }
                guard try BruteForce(instance: instance, spec: spec).value(of: keep) != nil else { continue }
                plans.append(keep)
                let d0 = shares(keep)[0]
                if d0.total > 0 { best = max(best, d0.covered / d0.total) }
            }
            guard best > 0.05, best < 0.9 else { continue }
            let floor = best + 0.05
            spec.constraints.minDistrictCoverage = floor
            let least = plans.map { keep in shares(keep).reduce(0) { $0 + max(0, floor * $1.total - $1.covered) } }.min()!
            let plan = try Planner.plan(instance, spec, areaIDs: (0 ..< instance.areaCount).map { "A\($0)" })
            XCTAssertEqual(plan.status, .infeasible)
            let details = plan.conflicts.flatMap(\.details).filter { $0.contains("closest") }
            guard details.count == 1, let detail = details.first, detail.hasPrefix("D0: ") else { continue }
            // Only D0 is short in the closest plan, so its shortfall is the least total.
            let reported = try XCTUnwrap(Double(detail.dropFirst("D0: ".count).prefix { $0 != "%" })) / 100
            let total = shares(Array(repeating: false, count: instance.siteCount))[0].total
            XCTAssertEqual(reported, floor - least / total, accuracy: 5e-4, detail)
            found += 1
        }
        XCTAssertGreaterThan(found, 0, "some seed has one district short")
    }
}
