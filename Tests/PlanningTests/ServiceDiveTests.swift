import Estate
import Optimisation
@testable import Planning
import XCTest

/// `ServiceDive`, the plan a time-limited v2 run falls back on: on seeded random instances, for
/// every objective, its point satisfies every row of the model, is no better than the proven
/// optimum, and its relaxation bound is no worse.
final class ServiceDiveTests: XCTestCase {
    func testDiveFindsFeasiblePlansBetweenTheOptimumAndTheRelaxation() throws {
        var found = 0, compared = 0
        for seed in UInt64(40) ... 45 {
            var instance = randomInstance(seed: seed, areas: 30, sites: 8, districts: 3)
            var rng = SplitMix64(seed: seed)
            var population: [[Double]] = [], hosts: [[Bool]] = []
            for _ in 0 ..< 3 {
                population.append((0 ..< 30).map { _ in Double(Int.random(in: 1 ... 20, using: &rng)) })
                hosts.append((0 ..< 8).map { _ in Int.random(in: 0 ..< 4, using: &rng) != 0 })
            }
            instance.services = ServiceInstance(codes: ["a", "b", "c"], areaWeight: population, areaPopulation: population,
                                                areaDemand: population, siteHosts: hosts)
            for objective in Objective.allCases {
                var spec = PlanSpecification(objective: objective, coverageMinutes: 15)
                var rules: [ServiceRule] = []
                for k in 0 ..< 3 {
                    let minimum: Double? = objective == .maxCoverage ? nil : 0.5
                    rules.append(ServiceRule(coverageMinutes: Double(12 + 4 * k), minCoverage: minimum, weight: Double(1 + k),
                                             costPerSite: Double(60 * k), outreach: k == 1))
                }
                spec.services = ServiceRules(services: rules, familyHubCore: [0, 2], outreachCostPerPerson: 4, outreachValue: 0.5)
                if objective == .maxCoverage { spec.constraints.budget = 1500 }
                let model = ServiceModel(instance: instance, services: instance.services!, specification: spec,
                                         rules: spec.services!, areaIDs: (0 ..< 30).map { "A\($0)" })
                let lp = model.formulation.linearModel()
                let optimum = try Planner.solve(lp, options: SolveOptions())
                let dive = try ServiceDive.run(lp, options: SolveOptions(), deadline: .now + .seconds(30))
                guard optimum.status == .optimal, let best = optimum.objective else {
                    XCTAssertNil(dive.solution, "seed \(seed) \(objective)")
                    continue
                }
                compared += 1
                let maximise = lp.sense == .maximise
                let bound = try XCTUnwrap(dive.relaxationBound)
                XCTAssertTrue(maximise ? bound >= best - 1e-6 : bound <= best + 1e-6, "seed \(seed) \(objective)")
                guard let point = dive.solution, let value = point.objective else { continue }
                found += 1
                XCTAssertNil(lp.infeasibility(of: point.values), "seed \(seed) \(objective)")
                XCTAssertTrue(maximise ? value <= best + 1e-6 : value >= best - 1e-6, "seed \(seed) \(objective)")
            }
        }
        XCTAssertGreaterThan(compared, 15)
        XCTAssertGreaterThan(found, compared / 2, "the dive finds a plan in most cases")
    }
}
