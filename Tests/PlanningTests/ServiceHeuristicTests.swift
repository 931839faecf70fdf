import Estate
import Optimisation
@testable import Planning
import XCTest

/// `ServiceHeuristic`, the v2 plan found before GLPK starts, against exhaustive enumeration
/// (`ServiceBruteForce`) on seeded random instances, for every objective, with and without Family
/// Hubs, outreach, per-service minimums (county, district, most deprived), `max_minutes`, budget,
/// site limits, site statuses and capacity split and single: whenever it returns a plan, the plan
/// satisfies every row of the model, its decisions are feasible by the definitions, and its
/// objective is never better than the optimum; and the bound that goes with it when GLPK proves
/// none (`ServicePlanner.everySiteBound`) is never below the optimum.
final class ServiceHeuristicTests: XCTestCase {
    private struct Tally { var feasible = 0, found = 0 }

    private func check(_ instance: PlanningInstance, _ spec: PlanSpecification, seed: UInt64, tally: inout Tally,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let model = ServiceModel(instance: instance, services: instance.services!, specification: spec,
                                 rules: spec.services!, areaIDs: (0 ..< instance.areaCount).map { "A\($0)" })
        let reference = ServiceBruteForce(instance: instance, spec: spec)
        let optimum = try reference.optimum()
        let context = "seed \(seed), \(spec.objective.rawValue), \(spec.constraints), \(spec.services!)"
        if let optimum {
            tally.feasible += 1
            // The bound a time-limited max_coverage run falls back on is a bound.
            if let bound = ServicePlanner.everySiteBound(model) {
                XCTAssertGreaterThanOrEqual(bound, optimum - 1e-6 * max(1, optimum), context, file: file, line: line)
            }
        }
        guard let found = try ServiceHeuristic(model).solution(options: SolveOptions(), backstop: nil) else { return }
        guard let optimum else { return XCTFail("a plan for an infeasible scenario; \(context)", file: file, line: line) }
        tally.found += 1
        let lp = model.formulation.linearModel()
        XCTAssertNil(lp.infeasibility(of: found.values), context, file: file, line: line)
        let value = try XCTUnwrap(found.objective)
        let keep = model.siteColumn.map { found[$0] > 0.5 }
        let offered = (0 ..< instance.siteCount).map { j in
            model.offerColumn.map { column in keep[j] && column[j].map { found[$0] > 0.5 } ?? false }
        }
        let own = try XCTUnwrap(try reference.value(keep: keep, offered: offered), "decisions infeasible; \(context)",
                                file: file, line: line)
        let tolerance = 1e-6 * max(1, abs(optimum))
        if spec.objective == .maxCoverage {
            XCTAssertLessThanOrEqual(value, own + tolerance, context, file: file, line: line)
            XCTAssertLessThanOrEqual(own, optimum + tolerance, context, file: file, line: line)
        } else {
            XCTAssertGreaterThanOrEqual(value, own - tolerance, context, file: file, line: line)
            XCTAssertGreaterThanOrEqual(own, optimum - tolerance, context, file: file, line: line)
        }
    }

    private func rules(_ count: Int, seed: UInt64, minimums: Bool, outreach: Bool, hubs: Bool,
                       maxMinutes: Bool = false) -> ServiceRules {
        let services = (0 ..< count).map { k in
            ServiceRule(coverageMinutes: Double(20 + 5 * ((Int(seed) + k) % 3)),
                        minCoverage: minimums && k == 0 ? 0.3 : nil,
                        minDistrictCoverage: minimums && k == count - 1 ? 0.2 : nil,
                        minDeprivedCoverage: minimums && seed % 2 == 1 && k == 0 ? 0.3 : nil,
                        maxMinutes: maxMinutes && k == 0 ? 30 : nil,
                        weight: Double(1 + k), costPerSite: Double(50 * ((Int(seed) + k) % 3)),
                        outreach: outreach && k != 1)
        }
        return ServiceRules(services: services, familyHubCore: hubs ? [0, 1] : nil, familyHubsPerDistrict: 1,
                            outreachCostPerPerson: outreach ? 7 : 0, outreachValue: outreach ? 0.5 : 1)
    }

    private func spec(_ objective: Objective, _ rules: ServiceRules, _ constraints: PlanConstraints,
                      deprived: [Int] = []) -> PlanSpecification {
        PlanSpecification(objective: objective, coverageMinutes: 15, constraints: constraints, deprivedAreas: deprived,
                          services: rules)
    }

    func testPlansAreFeasibleAndNoBetterThanTheOptimum() throws {
        var tally = Tally()
        for seed in UInt64(1) ... 10 {
            let instance = randomServiceInstance(seed: seed, areas: 8, sites: 3, services: 2, statuses: seed % 4 == 0)
            for objective in Objective.allCases {
                for variant in 0 ..< 4 {
                    let r = rules(2, seed: seed, minimums: variant & 1 != 0 || objective != .maxCoverage,
                                  outreach: variant & 2 != 0, hubs: variant >= 2, maxMinutes: seed % 3 == 1)
                    var c = PlanConstraints()
                    if objective != .minCost { c.budget = Double(500 + 300 * Int(seed % 3)) }
                    if seed % 5 == 2 { c.maxSites = 2 }
                    if seed % 5 == 3 { c.minPerDistrict = 1 }
                    try check(instance, spec(objective, r, c, deprived: [0, 1, 2]), seed: seed, tally: &tally)
                }
            }
        }
        XCTAssertGreaterThan(tally.feasible, 60, "\(tally)")
        XCTAssertGreaterThan(Double(tally.found), 0.9 * Double(tally.feasible), "\(tally)")
    }

    func testCapacitySplitAndSinglePlansAreFeasibleAndNoBetterThanTheOptimum() throws {
        var tally = Tally()
        for seed in UInt64(20) ... 29 {
            let instance = randomServiceInstance(seed: seed, areas: 6, sites: 3, services: 2, capacities: true)
            for objective in Objective.allCases {
                for mode in [CapacityAssignment.split, .single] {
                    let r = rules(2, seed: seed, minimums: objective != .maxCoverage && seed % 2 == 0, outreach: seed % 2 == 0,
                                  hubs: seed % 3 == 0, maxMinutes: seed % 3 == 1)
                    var c = PlanConstraints(capacity: mode)
                    if objective == .maxCoverage { c.maxSites = 2 }
                    try check(instance, spec(objective, r, c), seed: seed, tally: &tally)
                }
            }
        }
        XCTAssertGreaterThan(tally.feasible, 30)
        XCTAssertGreaterThan(Double(tally.found), 0.85 * Double(tally.feasible), "\(tally)")
    }

    /// A v2 run stopped by its time limit before GLPK finds anything still reports the heuristic
    /// plan, with status `feasible`, GLPK's bound (or the box bound) and the gap between them.
    func testATimeLimitedRunReportsTheHeuristicPlanWithItsGap() throws {
        let instance = randomServiceInstance(seed: 7, areas: 40, sites: 12, services: 3, capacities: true)
        for mode in [CapacityAssignment?.none, .single] {
            var spec = spec(.maxCoverage, rules(3, seed: 7, minimums: false, outreach: true, hubs: true),
                            PlanConstraints(budget: 1500, capacity: mode))
            spec.timeLimit = 0.001
            let plan = try Planner.plan(instance, spec, areaIDs: (0 ..< 40).map { "A\($0)" })
            XCTAssertTrue(plan.status == .feasible || plan.status == .optimal, "\(plan.status) \(plan.message ?? "")")
            let objective = try XCTUnwrap(plan.objective), bound = try XCTUnwrap(plan.bound)
            XCTAssertGreaterThanOrEqual(bound, objective - 1e-9)
            XCTAssertNotNil(plan.gap)
            XCTAssertNotNil(plan.services)
        }
    }
}
