import Estate
import Optimisation
import Planning
import XCTest

/// The v2 planner (services, Family Hubs, outreach) against exhaustive enumeration of every
/// set of kept sites and every choice of services they offer, on seeded random instances, for
/// every objective, with and without Family Hubs, outreach, per-service minimums, capacity and
/// max_minutes, feasible and infeasible.
final class ServicePlannerBruteForceTests: XCTestCase {
    private struct Tally { var feasible = 0, infeasible = 0 }

    private func check(_ instance: PlanningInstance, _ spec: PlanSpecification, seed: UInt64, tally: inout Tally,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let reference = ServiceBruteForce(instance: instance, spec: spec)
        let expected = try reference.optimum()
        let plan = try Planner.plan(instance, spec, areaIDs: (0 ..< instance.areaCount).map { "A\($0)" })
        let context = "seed \(seed), \(spec.objective.rawValue), \(spec.constraints), \(spec.services!)"
        guard let expected else {
            tally.infeasible += 1
            XCTAssertEqual(plan.status, .infeasible, context, file: file, line: line)
            XCTAssertFalse(plan.conflicts.isEmpty, "an infeasible plan names its conflicts; \(context)", file: file, line: line)
            return
        }
        tally.feasible += 1
        guard plan.status == .optimal, let outcome = plan.services else {
            XCTFail("status \(plan.status) \(plan.conflicts) \(plan.message ?? ""), expected optimal \(expected); \(context)", file: file, line: line)
            return
        }
        let tolerance = 1e-6 * max(1, abs(expected))
        XCTAssertEqual(plan.objective ?? .nan, expected, accuracy: tolerance, context, file: file, line: line)
        XCTAssertEqual(plan.gap ?? .nan, 0, accuracy: 1e-9, context, file: file, line: line)
        // The reported sites and offers are themselves feasible and as good as the optimum.
        let own = try reference.value(keep: plan.keep, offered: outcome.offered)
        XCTAssertEqual(own ?? .nan, expected, accuracy: tolerance, "decisions re-evaluated; \(context)", file: file, line: line)
        for j in 0 ..< instance.siteCount {
            for k in 0 ..< outcome.codes.count where outcome.offered[j][k] {
                XCTAssertTrue(plan.keep[j] && instance.services!.siteHosts[k][j], "offered only where kept and hostable; \(context)",
                              file: file, line: line)
            }
        }
        if let budget = spec.constraints.budget {
            XCTAssertLessThanOrEqual(outcome.evaluation.cost, budget + 1e-6, "budget; \(context)", file: file, line: line)
        }
    }

    private func rules(_ count: Int, seed: UInt64, minimums: Bool, outreach: Bool, hubs: Bool,
                       maxMinutes: Bool = false) -> ServiceRules {
        let services = (0 ..< count).map { k in
            ServiceRule(coverageMinutes: Double(10 + 5 * ((Int(seed) + k) % 3)),
                        minCoverage: minimums && k == 0 ? 0.5 : nil,
                        minDistrictCoverage: minimums && k == count - 1 ? 0.4 : nil,
                        maxMinutes: maxMinutes && k == 0 ? 30 : nil,
                        weight: Double(1 + k), costPerSite: Double(50 * ((Int(seed) + k) % 3)),
                        outreach: outreach && k != 1)
        }
        return ServiceRules(services: services, familyHubCore: hubs ? [0, 1] : nil, familyHubsPerDistrict: 1,
                            outreachCostPerPerson: outreach ? 7 : 0, outreachValue: outreach ? 0.5 : 1)
    }

    private func spec(_ objective: Objective, _ rules: ServiceRules, _ constraints: PlanConstraints = PlanConstraints(),
                      deprived: [Int] = []) -> PlanSpecification {
        PlanSpecification(objective: objective, coverageMinutes: 15, constraints: constraints, deprivedAreas: deprived,
                          services: rules)
    }

    func testEveryObjectiveWithServicesMatchesBruteForce() throws {
        var tally = Tally()
        for seed in UInt64(1) ... 6 {
            let instance = randomServiceInstance(seed: seed, areas: 7, sites: 3, services: 2, statuses: seed % 3 == 0)
            for objective in Objective.allCases {
                for variant in 0 ..< 4 {
                    let r = rules(2, seed: seed, minimums: variant & 1 != 0 || objective != .maxCoverage,
                                  outreach: variant & 2 != 0, hubs: variant == 3)
                    var c = PlanConstraints()
                    if objective == .maxCoverage { c.budget = Double(600 + 300 * Int(seed % 3)) }
                    try check(instance, spec(objective, r, c), seed: seed, tally: &tally)
                }
            }
        }
        XCTAssertGreaterThan(tally.feasible, 20)
        XCTAssertGreaterThan(tally.infeasible, 0)
    }

    func testFamilyHubsOutreachAndSiteLimitsMatchBruteForce() throws {
        var tally = Tally()
        for seed in UInt64(10) ... 17 {
            let instance = randomServiceInstance(seed: seed, areas: 6, sites: 4, services: 2, statuses: seed % 2 == 0)
            for objective in Objective.allCases {
                let r = rules(2, seed: seed, minimums: seed % 2 == 1, outreach: seed % 3 != 0, hubs: true,
                              maxMinutes: seed % 4 == 0)
                var c = PlanConstraints()
                c.maxSites = 2 + Int(seed % 2)
                if seed % 3 == 1 { c.minPerDistrict = 1 }
                if objective != .minCost { c.budget = Double(500 + 250 * Int(seed % 4)) }
                try check(instance, spec(objective, r, c, deprived: [0, 1]), seed: seed, tally: &tally)
            }
        }
        XCTAssertGreaterThan(tally.feasible, 10)
    }

    func testCapacitySharedByServicesMatchesBruteForce() throws {
        var tally = Tally()
        for seed in UInt64(20) ... 25 {
            let instance = randomServiceInstance(seed: seed, areas: 6, sites: 3, services: 2, capacities: true)
            for objective in Objective.allCases {
                let r = rules(2, seed: seed, minimums: objective != .maxCoverage, outreach: seed % 2 == 0,
                              hubs: seed % 3 == 0, maxMinutes: seed % 3 == 1)
                var c = PlanConstraints(capacity: .split)
                if objective == .maxCoverage { c.maxSites = 2 }
                try check(instance, spec(objective, r, c), seed: seed, tally: &tally)
            }
        }
        XCTAssertGreaterThan(tally.feasible, 10)
    }

    /// The bound `estate frontier --x coverage` sweeps on v2: the services' covered weight,
    /// weighted as max_coverage weighs them, at least a share of their weighted total.
    func testWeightedCoverageBoundMatchesBruteForce() throws {
        var tally = Tally()
        for seed in UInt64(40) ... 45 {
            let instance = randomServiceInstance(seed: seed, areas: 6, sites: 3, services: 2, capacities: seed % 3 == 0)
            for objective in [Objective.minCost, .minSites, .minCarbon, .minTravel] {
                for share in [0.3, 0.6, 0.9] {
                    let r = rules(2, seed: seed, minimums: false, outreach: seed % 2 == 0, hubs: seed % 4 == 1)
                    let c = PlanConstraints(minCoverage: share, capacity: seed % 3 == 0 ? .split : nil)
                    try check(instance, spec(objective, r, c), seed: seed, tally: &tally)
                }
            }
        }
        XCTAssertGreaterThan(tally.feasible, 20)
        XCTAssertGreaterThan(tally.infeasible, 0)
    }

    /// `capacity: single` with services: each area's demand for a service goes whole to one kept
    /// site offering it, and a building's capacity bounds the sum over its services.
    func testSingleSourcedCapacitySharedByServicesMatchesBruteForce() throws {
        var tally = Tally()
        for seed in UInt64(50) ... 57 {
            let instance = randomServiceInstance(seed: seed, areas: 5, sites: 3, services: 2, capacities: true)
            for objective in Objective.allCases {
                let r = rules(2, seed: seed, minimums: objective != .maxCoverage && seed % 2 == 0, outreach: seed % 2 == 0,
                              hubs: seed % 3 == 0, maxMinutes: seed % 3 == 1)
                var c = PlanConstraints(capacity: .single)
                if objective == .maxCoverage { c.maxSites = 2 }
                try check(instance, spec(objective, r, c), seed: seed, tally: &tally)
                // Every assignment is whole, and no kept building takes more than its capacity.
                let plan = try Planner.plan(instance, spec(objective, r, c), areaIDs: (0 ..< 5).map { "A\($0)" })
                guard plan.status == .optimal, let outcome = plan.services, let assignment = outcome.assignment else { continue }
                var load = Array(repeating: 0.0, count: instance.siteCount)
                for k in assignment.indices {
                    for i in assignment[k].indices {
                        XCTAssertLessThanOrEqual(assignment[k][i].count, 1, "seed \(seed)")
                        for (site, share) in assignment[k][i] {
                            XCTAssertEqual(share, 1, accuracy: 1e-9)
                            load[site] += instance.services!.areaDemand[k][i]
                        }
                    }
                }
                for j in 0 ..< instance.siteCount {
                    if let capacity = instance.siteCapacity[j] { XCTAssertLessThanOrEqual(load[j], capacity + 1e-6, "seed \(seed)") }
                }
            }
        }
        XCTAssertGreaterThan(tally.feasible, 10)
        XCTAssertGreaterThan(tally.infeasible, 0)
    }

    func testThreeServicesWithMinimumsAndDeprivedCoverageMatchBruteForce() throws {
        var tally = Tally()
        for seed in UInt64(30) ... 33 {
            let instance = randomServiceInstance(seed: seed, areas: 6, sites: 3, services: 3, statuses: true)
            for objective in Objective.allCases {
                var r = rules(3, seed: seed, minimums: true, outreach: seed % 2 == 0, hubs: seed % 2 == 1)
                r.services[2].minDeprivedCoverage = 0.6
                try check(instance, spec(objective, r, PlanConstraints(carbon: 14), deprived: [2, 3]), seed: seed, tally: &tally)
            }
        }
        XCTAssertGreaterThan(tally.feasible + tally.infeasible, 0)
    }

    /// A coverage minimum no site can reach names the service and the district, with the best
    /// achievable share.
    func testUnreachableDistrictCoverageNamesServiceAndDistrict() throws {
        var instance = randomServiceInstance(seed: 3, areas: 6, sites: 3, services: 2)
        instance.services!.siteHosts[1] = [false, false, false]
        var r = rules(2, seed: 3, minimums: false, outreach: false, hubs: false)
        r.services[1].minDistrictCoverage = 0.5
        let plan = try Planner.plan(instance, spec(.minCost, r), areaIDs: (0 ..< 6).map { "A\($0)" })
        XCTAssertEqual(plan.status, .infeasible)
        let details = plan.conflicts.flatMap(\.details)
        XCTAssertTrue(details.contains { $0.hasPrefix("s1 coverage in D") && $0.contains("the best is 0.0%") }, "\(details)")
    }
}

/// A random instance with `services` services: each site hosts each service with
/// probability 3/4, populations differ by service, weights are population x a multiplier.
func randomServiceInstance(seed: UInt64, areas: Int, sites: Int, services: Int,
                             statuses: Bool = false, capacities: Bool = false) -> PlanningInstance {
    var instance = randomInstance(seed: seed, areas: areas, sites: sites, statuses: statuses, capacities: capacities)
    var rng = SplitMix64(seed: seed &* 7919)
    let multiplier = (0 ..< areas).map { _ in Double(Int.random(in: 5 ... 15, using: &rng)) / 10 }
    var population: [[Double]] = [], demand: [[Double]] = [], hosts: [[Bool]] = []
    for _ in 0 ..< services {
        population.append((0 ..< areas).map { _ in Double(Int.random(in: 0 ... 20, using: &rng)) })
        demand.append((0 ..< areas).map { _ in Double(Int.random(in: 1 ... 6, using: &rng)) })
        hosts.append((0 ..< sites).map { _ in Int.random(in: 0 ..< 4, using: &rng) != 0 })
    }
    instance.services = ServiceInstance(
        codes: (0 ..< services).map { "s\($0)" },
        areaWeight: population.map { column in (0 ..< areas).map { column[$0] * multiplier[$0] } },
        areaPopulation: population, areaDemand: demand, siteHosts: hosts)
    return instance
}
