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
}
