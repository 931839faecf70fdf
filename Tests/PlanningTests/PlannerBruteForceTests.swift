import Estate
import XCTest
import Planning

/// The planner against exhaustive enumeration of every subset of sites, on many seeded random
/// instances, for every objective and mixes of constraints (feasible and infeasible).
final class PlannerBruteForceTests: XCTestCase {
    /// Checks one case; returns whether the reference found it feasible.
    @discardableResult
    private func check(_ instance: PlanningInstance, _ spec: PlanSpecification, seed: UInt64,
                       file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        let reference = try BruteForce(instance: instance, spec: spec).optimumWithTieBreak()
        let expected = reference?.objective
        let plan = try Planner.plan(instance, spec, areaIDs: (0 ..< instance.areaCount).map { "A\($0)" })
        let context = "seed \(seed), \(spec.objective.rawValue), \(spec.constraints)"
        guard let expected else {
            XCTAssertEqual(plan.status, .infeasible, context, file: file, line: line)
            XCTAssertFalse(plan.conflicts.isEmpty, "an infeasible plan names its conflicts; \(context)", file: file, line: line)
            return false
        }
        guard plan.status == .optimal else {
            XCTFail("status \(plan.status), expected optimal \(expected); \(context)", file: file, line: line)
            return true
        }
        XCTAssertEqual(plan.objective ?? .nan, expected, accuracy: 1e-6, context, file: file, line: line)
        XCTAssertEqual(plan.gap ?? .nan, 0, accuracy: 1e-9, context, file: file, line: line)
        // The reported decisions themselves must be feasible and achieve the reported objective.
        let own = try BruteForce(instance: instance, spec: spec).value(of: plan.keep)
        if !spec.constraints.capacity {
            XCTAssertEqual(own ?? .nan, expected, accuracy: 1e-6, "decisions re-evaluated; \(context)", file: file, line: line)
        }
        // Among optimal plans, the cheapest (lowest carbon for min_cost) is the one reported.
        let secondary = (0 ..< instance.siteCount).reduce(0.0) {
            plan.keep[$1] ? $0 + (spec.objective == .minCost ? instance.siteCarbon[$1] : instance.siteCost[$1]) : $0
        }
        XCTAssertEqual(secondary, reference!.secondary, accuracy: 1e-6, "tie-break; \(context)", file: file, line: line)
        return true
    }

    private let objectives = Objective.allCases

    func testEveryObjectiveWithoutConstraintsMatchesBruteForce() throws {
        for seed in UInt64(1) ... 12 {
            let instance = randomInstance(seed: seed, areas: 12, sites: 7, statuses: seed % 3 == 0)
            for objective in objectives {
                var c = PlanConstraints()
                if objective == .maxCoverage { c.maxSites = 1 + Int(seed % 4) }
                if objective != .maxCoverage && objective != .minTravel { c.minCoverage = 0.6 }
                try check(instance, PlanSpecification(objective: objective, coverageMinutes: 15, constraints: c), seed: seed)
            }
        }
    }

    func testConstraintMixesMatchBruteForce() throws {
        var rng = SplitMix64(seed: 99)
        var feasible = 0, infeasible = 0
        for seed in UInt64(100) ..< 160 {
            let instance = randomInstance(seed: seed, areas: 10, sites: 7, districts: 2 + Int(seed % 2), statuses: seed % 2 == 0)
            var c = PlanConstraints()
            if Bool.random(using: &rng) { c.budget = Double(Int.random(in: 5 ... 30, using: &rng) * 100) }
            if Bool.random(using: &rng) { c.carbon = Double(Int.random(in: 5 ... 30, using: &rng)) }
            switch Int.random(in: 0 ..< 4, using: &rng) {
            case 0: c.maxSites = Int.random(in: 1 ... 5, using: &rng)
            case 1: c.minSites = Int.random(in: 1 ... 4, using: &rng)
            case 2: let k = Int.random(in: 1 ... 5, using: &rng); c.minSites = k; c.maxSites = k
            default: break
            }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.minPerDistrict = 1 }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.minCoverage = Double.random(in: 0.3 ... 0.9, using: &rng) }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.minDistrictCoverage = Double.random(in: 0.2 ... 0.8, using: &rng) }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.maxMinutes = Double(Int.random(in: 15 ... 35, using: &rng)) }
            var deprived: [Int] = []
            if Int.random(in: 0 ..< 4, using: &rng) == 0 {
                c.minDeprivedCoverage = Double.random(in: 0.5 ... 1, using: &rng)
                deprived = [0, 3, 5]
            }
            let objective = objectives[Int(seed) % objectives.count]
            let spec = PlanSpecification(objective: objective, coverageMinutes: Double(Int.random(in: 10 ... 25, using: &rng)),
                                         constraints: c, deprivedAreas: deprived)
            if try check(instance, spec, seed: seed) { feasible += 1 } else { infeasible += 1 }
        }
        // The mix must exercise both outcomes, or it proves less than it claims.
        XCTAssertGreaterThanOrEqual(feasible, 10)
        XCTAssertGreaterThanOrEqual(infeasible, 5)
    }

    func testCapacityMatchesBruteForce() throws {
        var rng = SplitMix64(seed: 7)
        var feasible = 0
        for seed in UInt64(200) ..< 230 {
            let instance = randomInstance(seed: seed, areas: 9, sites: 6, statuses: seed % 3 == 0, capacities: true)
            var c = PlanConstraints(capacity: true)
            if Bool.random(using: &rng) { c.maxSites = Int.random(in: 2 ... 5, using: &rng) }
            if Bool.random(using: &rng) { c.budget = Double(Int.random(in: 8 ... 30, using: &rng) * 100) }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.maxMinutes = Double(Int.random(in: 20 ... 40, using: &rng)) }
            if Int.random(in: 0 ..< 3, using: &rng) == 0 { c.minCoverage = Double.random(in: 0.3 ... 0.8, using: &rng) }
            let objective = objectives[Int(seed) % objectives.count]
            if try check(instance, PlanSpecification(objective: objective, coverageMinutes: 20, constraints: c), seed: seed) {
                feasible += 1
            }
        }
        XCTAssertGreaterThanOrEqual(feasible, 10)
    }
}
