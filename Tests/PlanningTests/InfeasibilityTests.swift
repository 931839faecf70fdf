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
        // Each district alone can keep its one site within the budget: only together are they short.
        XCTAssertTrue(plan.conflicts[1].floors.allSatisfy { $0.reachableAlone && $0.measure == .sites })
    }

    func testEachDistrictShortOfSitesIsNamedWithTheMostItCanKeepAlone() throws {
        // Two per district within 250: East has one site; West's two cost 500, so 200 alone is the most it keeps.
        let spec = PlanSpecification(objective: .maxCoverage, coverageMinutes: 15,
                                     constraints: PlanConstraints(budget: 250, minPerDistrict: 2))
        let plan = try Planner.plan(tinyInstance(), spec, areaIDs: ["a", "b"])
        XCTAssertEqual(plan.status, .infeasible)
        let conflict = try XCTUnwrap(plan.conflicts.first { $0.constraint == .minPerDistrict })
        XCTAssertEqual(conflict.floors, [FloorReach(floor: "East", measure: .sites, asked: 2, best: 1),
                                         FloorReach(floor: "West", measure: .sites, asked: 2, best: 1)])
        XCTAssertTrue(conflict.details.contains("West can keep at most 1 of the 2 sites asked with the other constraints held"))
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

    /// A district floor out of reach within the budget names the district with the most its
    /// need covered can reach on its own (the budget held, the other districts' floors dropped),
    /// found here by trying every set of sites within the budget.
    func testADistrictFloorBeyondTheBudgetIsNamedWithItsOwnBest() throws {
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
            var best = Array(repeating: 0.0, count: instance.districtCount)
            for mask in 0 ..< (1 << instance.siteCount) {
                let keep = (0 ..< instance.siteCount).map { mask & (1 << $0) != 0 }
                guard try BruteForce(instance: instance, spec: spec).value(of: keep) != nil else { continue }
                for (d, share) in shares(keep).enumerated() where share.total > 0 { best[d] = max(best[d], share.covered / share.total) }
            }
            guard best[0] > 0.05, best[0] < 0.9 else { continue }
            let floor = best[0] + 0.05
            spec.constraints.minDistrictCoverage = floor
            let plan = try Planner.plan(instance, spec, areaIDs: (0 ..< instance.areaCount).map { "A\($0)" })
            XCTAssertEqual(plan.status, .infeasible)
            let conflict = try XCTUnwrap(plan.conflicts.first { $0.constraint == .minDistrictCoverage })
            let d0 = try XCTUnwrap(conflict.floors.first { $0.floor == "D0" }, "no plan reaches D0's floor, seed \(seed)")
            XCTAssertFalse(d0.reachableAlone)
            for reach in conflict.floors {
                let d = try XCTUnwrap(Int(reach.floor.dropFirst())), label = "seed \(seed) \(reach.floor)"
                XCTAssertEqual(reach.measure, .coverage, label)
                XCTAssertEqual(reach.best, min(floor, best[d]), accuracy: 1e-6, label)
            }
            XCTAssertTrue(conflict.details.contains { $0.hasPrefix("D0: at most ") }, "\(conflict.details)")
            found += 1
        }
        XCTAssertGreaterThan(found, 0, "some seed has a district floor out of reach")
    }
}
