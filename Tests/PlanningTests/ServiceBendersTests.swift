import Estate
import LocationModels
import Optimisation
import Planning
import XCTest

/// The v2 model solved by branch-and-Benders-cut (its coverage links `z_g <= sum x_jk` as lazy
/// rows, `ServicePlanner.bendersCuts`): against exhaustive enumeration on small instances for every
/// objective that takes that path (all but `min_travel`), with and without Family Hubs, outreach,
/// per-service and weighted minimums and a binding budget, feasible and infeasible; and against the
/// compact model on random instances larger than enumeration reaches.
final class ServiceBendersTests: XCTestCase {
    private let objectives: [Objective] = [.maxCoverage, .minCost, .minSites, .minCarbon]

    private func rules(_ count: Int, seed: UInt64, variant: Int) -> ServiceRules {
        let minimums = variant & 1 != 0, outreach = variant & 2 != 0, hubs = variant & 4 != 0
        let services = (0 ..< count).map { k in
            ServiceRule(coverageMinutes: Double(20 + 5 * ((Int(seed) + k) % 3)),
                        minCoverage: minimums && k == 0 ? 0.5 : nil,
                        minDistrictCoverage: minimums && k == count - 1 ? 0.4 : nil,
                        weight: Double(1 + k), costPerSite: Double(50 * ((Int(seed) + k) % 3)),
                        outreach: outreach && k != 1)
        }
        return ServiceRules(services: services, familyHubCore: hubs ? [0, 1] : nil, familyHubsPerDistrict: 1,
                            outreachCostPerPerson: outreach ? 7 : 0, outreachValue: outreach ? 0.5 : 1)
    }

    /// `max_coverage` within a budget; the other objectives with coverage floors, so that the model
    /// has coverage links to generate.
    /// Budgets scale with `sites` (`sites / 3` times the small instances' budgets).
    private func spec(_ objective: Objective, _ rules: ServiceRules, seed: UInt64, variant: Int, sites: Int = 3,
                      formulation: CoverageFormulation) -> PlanSpecification {
        var c = PlanConstraints()
        let scale = Double(sites) / 3
        if objective == .maxCoverage {
            c.budget = scale * Double(400 + 250 * Int(seed % 4))
        } else {
            c.minCoverage = [0.3, 0.5, 0.7][Int(seed) % 3]
            if variant & 8 != 0 { c.budget = scale * Double(300 + 300 * Int(seed % 3)) }
        }
        var spec = PlanSpecification(objective: objective, coverageMinutes: 15, constraints: c, services: rules)
        spec.coverageFormulation = formulation
        return spec
    }

    private func plan(_ instance: PlanningInstance, _ spec: PlanSpecification) throws -> Plan {
        try Planner.plan(instance, spec, areaIDs: (0 ..< instance.areaCount).map { "A\($0)" })
    }

    func testBendersMatchesBruteForce() throws {
        var feasible = 0, infeasible = 0, benders = 0
        for seed in UInt64(60) ... 65 {
            let instance = randomServiceInstance(seed: seed, areas: 7, sites: 3, services: 2, statuses: seed % 3 == 0)
            for objective in objectives {
                for variant in [0, 1, 2, 5, 7, 11] {
                    let spec = spec(objective, rules(2, seed: seed, variant: variant), seed: seed, variant: variant,
                                    formulation: .benders)
                    let context = "seed \(seed), variant \(variant), \(objective.rawValue), \(spec.constraints)"
                    let expected = try ServiceBruteForce(instance: instance, spec: spec).optimum()
                    let plan = try plan(instance, spec)
                    guard let expected else {
                        infeasible += 1
                        XCTAssertEqual(plan.status, .infeasible, context)
                        XCTAssertFalse(plan.conflicts.isEmpty, "an infeasible plan names its conflicts; \(context)")
                        continue
                    }
                    feasible += 1
                    XCTAssertEqual(plan.status, .optimal, "\(plan.message ?? ""); \(context)")
                    XCTAssertEqual(plan.objective ?? .nan, expected, accuracy: 1e-6 * max(1, abs(expected)), context)
                    XCTAssertEqual(plan.gap ?? .nan, 0, accuracy: 1e-9, context)
                    if let outcome = plan.services {
                        let own = try ServiceBruteForce(instance: instance, spec: spec).value(keep: plan.keep, offered: outcome.offered)
                        XCTAssertEqual(own ?? .nan, expected, accuracy: 1e-6 * max(1, abs(expected)), "decisions re-evaluated; \(context)")
                    }
                    if plan.coverage?.formulation == "benders" { benders += 1 }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(feasible, 60)
        XCTAssertGreaterThanOrEqual(infeasible, 30)
        XCTAssertGreaterThanOrEqual(benders, 60, "the feasible plans GLPK proved went through Benders")
    }

    /// Compact and decomposed agree on status and optimum on instances with more areas, sites and
    /// services than enumeration reaches (and so more coverage links and shared shares).
    func testCompactAndBendersAgreeOnRandomInstances() throws {
        var compared = 0, benders = 0
        for seed in UInt64(70) ... 75 {
            let instance = randomServiceInstance(seed: seed, areas: 40, sites: 9, services: 4, statuses: seed % 2 == 0)
            for objective in objectives {
                let variant = Int(seed % 8) | (objective == .maxCoverage ? 0 : 8)
                let rules = rules(4, seed: seed, variant: variant)
                let compact = try plan(instance, spec(objective, rules, seed: seed, variant: variant, sites: 5,
                                                 formulation: .compact))
                let decomposed = try plan(instance, spec(objective, rules, seed: seed, variant: variant, sites: 5,
                                                    formulation: .benders))
                let context = "seed \(seed), \(objective.rawValue)"
                XCTAssertEqual(compact.status, decomposed.status, context)
                guard compact.status == .optimal else { continue }
                compared += 1
                let optimum = compact.objective ?? .nan
                XCTAssertEqual(decomposed.objective ?? .nan, optimum, accuracy: 1e-6 * max(1, abs(optimum)), context)
                XCTAssertNotEqual(compact.coverage?.formulation, "benders", context)
                if decomposed.coverage?.formulation == "benders" { benders += 1 }
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 20)
        XCTAssertGreaterThanOrEqual(benders, 20, "the decomposed runs went through Benders")
    }
}
