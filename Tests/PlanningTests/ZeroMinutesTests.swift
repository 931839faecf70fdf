import Estate
import Planning
import XCTest

/// Zero minutes are a valid standard (a hub in the area itself) and comparisons are inclusive:
/// `minutes <= 0` holds only at exactly 0, whatever the capacity rule.
final class ZeroMinutesTests: XCTestCase {
    /// Area A has site S0 at 0 minutes; area B's nearest site, S1, is 0.5 minutes away.
    private let instance = PlanningInstance(
        areaWeight: [3, 5], areaDemand: [1, 1], areaDistrict: [0, 0], districtNames: ["D"],
        siteCost: [100, 100], siteCarbon: [1, 1], siteCapacity: [10, 10], siteDistrict: [0, 0],
        siteStatus: [.candidate, .candidate],
        pairs: [[(site: 0, minutes: 0), (site: 1, minutes: 4)], [(site: 1, minutes: 0.5), (site: 0, minutes: 6)]])

    private func plan(_ objective: Objective, coverage: Double, _ constraints: PlanConstraints) throws -> Plan {
        try Planner.plan(instance, PlanSpecification(objective: objective, coverageMinutes: coverage, constraints: constraints),
                         areaIDs: ["A", "B"])
    }

    func testZeroCoverageMinutesCoverOnlyAreasWithAHubInThem() throws {
        for capacity in [nil, CapacityAssignment.split, .single] {
            let both = try plan(.maxCoverage, coverage: 0, PlanConstraints(capacity: capacity))
            XCTAssertEqual(both.objective ?? .nan, 3, accuracy: 1e-9, "only A is within 0 minutes; capacity \(String(describing: capacity))")
            XCTAssertEqual(both.areaCoveredShare, [1, 0])
            let half = try plan(.maxCoverage, coverage: 0.5, PlanConstraints(capacity: capacity))
            XCTAssertEqual(half.objective ?? .nan, 8, accuracy: 1e-9, "0.5 minutes is within 0.5 (inclusive)")
        }
    }

    func testZeroMaxMinutesIsFeasibleOnlyWhereEveryAreaHasAHubInIt() throws {
        for capacity in [nil, CapacityAssignment.split, .single] {
            let zero = try plan(.minCost, coverage: 20, PlanConstraints(maxMinutes: 0, capacity: capacity))
            XCTAssertEqual(zero.status, .infeasible, "B has no site at 0 minutes; capacity \(String(describing: capacity))")
            XCTAssertTrue(zero.conflicts.contains { $0.constraint == .maxMinutes }, "\(zero.conflicts)")
            let half = try plan(.minCost, coverage: 20, PlanConstraints(maxMinutes: 0.5, capacity: capacity))
            XCTAssertEqual(half.status, .optimal)
            XCTAssertEqual(half.keep, [true, true], "A needs S0 (0 minutes) and B needs S1 (0.5 minutes, inclusive)")
            XCTAssertEqual(half.objective ?? .nan, 200, accuracy: 1e-9)
        }
    }
}
