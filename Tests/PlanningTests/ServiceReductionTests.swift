import Estate
import Optimisation
@testable import Planning
import XCTest

/// The v2 model's exact reductions (`ServiceModel`, `reduce: true`) against the model as
/// FORMAT.md writes it (`reduce: false`), solved to optimality on seeded random instances larger
/// than brute force reaches: every objective, with and without Family Hubs, outreach, minimums
/// (county, district, most deprived), capacity, max_minutes and site statuses. The two must agree
/// on feasibility and on the optimum; the reduced model's "as written" size must be the size of
/// the model actually written unreduced.
final class ServiceReductionTests: XCTestCase {
    /// Services alternate between free (the reductions tie their offers to the sites) and priced;
    /// each site hosts each service with probability 2/3.
    private func instance(seed: UInt64, areas: Int, sites: Int, services: Int, capacities: Bool,
                          horizon: Double = 40) -> PlanningInstance {
        var instance = randomInstance(seed: seed, areas: areas, sites: sites, districts: 3, horizon: horizon,
                                      statuses: seed % 2 == 0, capacities: capacities)
        var rng = SplitMix64(seed: seed &* 104_729)
        let multiplier = (0 ..< areas).map { _ in Double(Int.random(in: 5 ... 15, using: &rng)) / 10 }
        var population: [[Double]] = [], demand: [[Double]] = [], hosts: [[Bool]] = []
        for _ in 0 ..< services {
            population.append((0 ..< areas).map { _ in Double(Int.random(in: 0 ... 20, using: &rng)) })
            demand.append((0 ..< areas).map { _ in Double(Int.random(in: 1 ... 4, using: &rng)) })
            hosts.append((0 ..< sites).map { _ in Int.random(in: 0 ..< 3, using: &rng) != 0 })
        }
        instance.services = ServiceInstance(
            codes: (0 ..< services).map { "s\($0)" },
            areaWeight: population.map { column in (0 ..< areas).map { column[$0] * multiplier[$0] } },
            areaPopulation: population, areaDemand: demand, siteHosts: hosts)
        return instance
    }

    private func rules(_ count: Int, variant: Int) -> ServiceRules {
        let services = (0 ..< count).map { k in
            ServiceRule(coverageMinutes: Double(10 + 5 * (k % 3)),
                        minCoverage: variant & 1 != 0 && k == 0 ? 0.4 : nil,
                        minDistrictCoverage: variant & 1 != 0 && k == count - 1 ? 0.3 : nil,
                        minDeprivedCoverage: variant & 4 != 0 && k == 1 ? 0.3 : nil,
                        maxMinutes: variant & 8 != 0 && k == 2 ? 35 : nil,
                        weight: Double(1 + k % 2), costPerSite: k % 2 == 0 ? 0 : Double(40 * k),
                        outreach: variant & 2 != 0 && k != 1)
        }
        return ServiceRules(services: services, familyHubCore: variant & 4 != 0 ? [0, 2] : (variant & 2 != 0 ? [0, 1] : nil),
                            outreachCostPerPerson: variant & 2 != 0 ? 5 : 0, outreachValue: variant & 2 != 0 ? 0.5 : 1)
    }

    private func solve(_ instance: PlanningInstance, _ spec: PlanSpecification, reduce: Bool) throws
        -> (status: TerminationStatus, objective: Double?, model: ServiceModel) {
        let model = ServiceModel(instance: instance, services: instance.services!, specification: spec, rules: spec.services!,
                                 areaIDs: (0 ..< instance.areaCount).map { "A\($0)" }, reduce: reduce)
        if !model.dataConflicts.isEmpty || model.formulation.hasViolatedEmptyRow() { return (.infeasible, nil, model) }
        let solution = try Planner.solve(model.formulation.linearModel(), options: SolveOptions(relativeGap: 0))
        return (solution.status, solution.objective, model)
    }

    private func check(_ instance: PlanningInstance, _ spec: PlanSpecification, context: String,
                       agreed: inout (feasible: Int, infeasible: Int)) throws {
        let reduced = try solve(instance, spec, reduce: true)
        let written = try solve(instance, spec, reduce: false)
        XCTAssertEqual(reduced.status, written.status, context)
        XCTAssertEqual(reduced.model.report.variablesAsWritten, written.model.formulation.variableCount, context)
        XCTAssertEqual(reduced.model.report.constraintsAsWritten, written.model.formulation.rowCount, context)
        XCTAssertLessThanOrEqual(reduced.model.formulation.variableCount, written.model.formulation.variableCount, context)
        guard written.status == .optimal, let expected = written.objective else {
            if written.status == .infeasible { agreed.infeasible += 1 }
            return
        }
        XCTAssertEqual(reduced.objective ?? .nan, expected, accuracy: 1e-6 * max(1, abs(expected)), context)
        agreed.feasible += 1
    }

    func testReducedAndWrittenModelsAgreeOnEveryObjective() throws {
        var agreed = (feasible: 0, infeasible: 0)
        var smaller = 0
        for seed in UInt64(1) ... 8 {
            let capacities = seed % 4 == 3
            let instance = instance(seed: seed, areas: 24, sites: 7, services: 4, capacities: capacities)
            for objective in Objective.allCases {
                for variant in [0, 1, 2, 3, 5, 7, 9, 14] {
                    var spec = PlanSpecification(objective: objective, coverageMinutes: 15,
                                                 constraints: PlanConstraints(capacity: capacities ? .split : nil),
                                                 deprivedAreas: [0, 3, 5, 8])
                    spec.services = rules(4, variant: variant)
                    if objective == .maxCoverage || variant & 1 != 0 { spec.constraints.budget = Double(1800 + 400 * Int(seed % 5)) }
                    if objective != .maxCoverage && variant == 0 { spec.services!.services[0].minCoverage = 0.5 }
                    try check(instance, spec, context: "seed \(seed) \(objective.rawValue) variant \(variant)", agreed: &agreed)
                    let model = ServiceModel(instance: instance, services: instance.services!, specification: spec,
                                             rules: spec.services!, areaIDs: (0 ..< 24).map { "A\($0)" }, reduce: true)
                    if model.formulation.variableCount < model.report.variablesAsWritten! { smaller += 1 }
                }
            }
        }
        XCTAssertGreaterThan(agreed.feasible, 100, "enough feasible cases compared")
        XCTAssertGreaterThan(agreed.infeasible, 0, "infeasible cases compared too")
        XCTAssertGreaterThan(smaller, 200, "the reductions shrink most models")
    }

    /// `min_travel` without capacity (the radius formulation) against the assignment as written,
    /// with every pair in reach so that most cases are feasible; with and without `max_minutes`,
    /// Family Hubs and minimums.
    func testRadiusTravelAgreesWithTheAssignment() throws {
        var agreed = (feasible: 0, infeasible: 0)
        for seed in UInt64(50) ... 57 {
            let instance = instance(seed: seed, areas: 24, sites: 7, services: 4, capacities: false, horizon: 80)
            for variant in [0, 1, 4, 8, 9, 12] {
                var spec = PlanSpecification(objective: .minTravel, coverageMinutes: 15, deprivedAreas: [0, 3, 5, 8])
                spec.services = rules(4, variant: variant)
                spec.constraints.maxSites = 3 + Int(seed % 3)
                try check(instance, spec, context: "seed \(seed) min_travel variant \(variant)", agreed: &agreed)
            }
        }
        XCTAssertGreaterThan(agreed.feasible, 25, "enough feasible cases compared")
    }
}
