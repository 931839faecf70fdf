import Estate
import Optimisation
@testable import Planning
import XCTest

/// `ServiceCapacityBound`, the proof a `max_coverage` run under capacity reports when branch and
/// cut stops early: on seeded random instances with binding capacities, never below the optimum
/// the enumeration finds (single and split assignment, with and without outreach), never above
/// the every-site bound, and below it where capacity binds (else it would prove nothing new).
final class ServiceCapacityBoundTests: XCTestCase {
    func testCapacityBoundLiesBetweenTheOptimumAndTheEverySiteBound() throws {
        var compared = 0, tighter = 0
        for seed in UInt64(60) ... 71 {
            var instance = randomServiceInstance(seed: seed, areas: 5, sites: 3, services: 2, capacities: true)
            // Room for about a third of the demand, so that capacity binds.
            instance.siteCapacity = instance.siteCapacity.map { $0.map { ($0 / 3).rounded() } }
            let outreach = seed % 2 == 0
            let serviceRules: [ServiceRule] = [
                ServiceRule(coverageMinutes: 12, weight: 1, costPerSite: 0, outreach: outreach),
                ServiceRule(coverageMinutes: 16, weight: 2, costPerSite: 40, outreach: false),
            ]
            let core: [Int]? = seed % 3 == 0 ? [0, 1] : nil
            let rules = ServiceRules(services: serviceRules, familyHubCore: core, outreachCostPerPerson: outreach ? 3 : 0,
                                     outreachValue: outreach ? 0.5 : 1)
            for capacity in [CapacityAssignment.single, .split] {
                let spec = PlanSpecification(objective: .maxCoverage, coverageMinutes: 15,
                                             constraints: PlanConstraints(maxSites: seed % 4 == 0 ? 2 : nil, capacity: capacity),
                                             services: rules)
                guard let optimum = try ServiceBruteForce(instance: instance, spec: spec).optimum() else { continue }
                let model = ServiceModel(instance: instance, services: instance.services!, specification: spec, rules: rules,
                                         areaIDs: (0 ..< 5).map { "A\($0)" })
                let everySite = try XCTUnwrap(ServicePlanner.everySiteBound(model))
                let bound = try XCTUnwrap(ServicePlanner.coverageBound(model, backstop: nil))
                let context = "seed \(seed) \(capacity) optimum \(optimum) bound \(bound) every site \(everySite)"
                XCTAssertGreaterThanOrEqual(bound, optimum - 1e-6 * max(1, optimum), context)
                XCTAssertLessThanOrEqual(bound, everySite + 1e-9, context)
                compared += 1
                if bound < everySite - 1e-6 { tighter += 1 }
            }
        }
        XCTAssertGreaterThan(compared, 15)
        XCTAssertGreaterThan(tighter, compared / 3, "capacity binds on most of these instances")
    }

    /// Without capacity, or for another objective, there is no capacity bound to add.
    func testNoCapacityBoundWithoutCapacityOrCoverage() {
        let instance = randomServiceInstance(seed: 3, areas: 4, sites: 2, services: 2, capacities: true)
        let rules = ServiceRules(services: [ServiceRule(coverageMinutes: 15), ServiceRule(coverageMinutes: 15)])
        for (objective, capacity) in [(Objective.maxCoverage, CapacityAssignment?.none), (.minCost, .single)] {
            let spec = PlanSpecification(objective: objective, coverageMinutes: 15, constraints: PlanConstraints(capacity: capacity),
                                         services: rules)
            let model = ServiceModel(instance: instance, services: instance.services!, specification: spec, rules: rules,
                                     areaIDs: (0 ..< 4).map { "A\($0)" })
            XCTAssertNil(ServiceCapacityBound(model), "\(objective) \(String(describing: capacity))")
        }
    }
}
