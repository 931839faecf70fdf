import Estate
import Optimisation
import Planning
import XCTest

/// A re-solve started from a neighbouring plan's relaxation basis (`PlanSpecification.warmStart`,
/// as every explanation re-solve is) proves the same optimum as exhaustive enumeration, and the
/// same as the re-solve from scratch, for building (v1) and services (v2) plans: the budget a
/// step looser, a step tighter (where the basis starts primal infeasible) and dropped (a model
/// with a row fewer, where the basis does not fit and is ignored).
final class WarmStartTests: XCTestCase {
    private func budgets(around budget: Double) -> [Double?] { [budget * 1.15, budget * 0.85, nil] }

    /// `spec` with its budget set to `budget`, planned from scratch and from `basis`.
    private func coldAndWarm(_ instance: PlanningInstance, _ spec: PlanSpecification, budget: Double?,
                             basis: RelaxationBasis, areaIDs: [String])
        throws -> (question: PlanSpecification, cold: Plan, started: Plan) {
        var question = spec
        question.constraints.budget = budget
        var warm = question
        warm.warmStart = basis
        return (question, try Planner.plan(instance, question, areaIDs: areaIDs), try Planner.plan(instance, warm, areaIDs: areaIDs))
    }

    func testBuildingPlansFromANeighboursBasisMatchBruteForce() throws {
        var warmed = 0, compared = 0
        for seed in UInt64(300) ..< 330 {
            let instance = randomInstance(seed: seed, areas: 24, sites: 9, statuses: seed % 3 == 0)
            let objective: Objective = seed % 2 == 0 ? .maxCoverage : .minTravel
            let budget = instance.siteCost.reduce(0, +) * 0.45
            let spec = PlanSpecification(objective: objective, coverageMinutes: 15,
                                         constraints: PlanConstraints(budget: budget, minPerDistrict: seed % 4 == 1 ? 1 : nil))
            let ids = (0 ..< instance.areaCount).map { "A\($0)" }
            let plan = try Planner.plan(instance, spec, areaIDs: ids)
            guard plan.status == .optimal, let basis = plan.relaxationBasis else { continue }
            warmed += 1
            for value in budgets(around: budget) {
                let (question, cold, started) = try coldAndWarm(instance, spec, budget: value, basis: basis, areaIDs: ids)
                let what = "seed \(seed) \(objective) budget \(String(describing: value))"
                XCTAssertEqual(started.status, cold.status, what)
                guard let expected = try BruteForce(instance: instance, spec: question).optimumWithTieBreak() else {
                    XCTAssertEqual(started.status, .infeasible, what)
                    continue
                }
                XCTAssertEqual(started.status, .optimal, what)
                XCTAssertEqual(started.objective ?? .nan, expected.objective, accuracy: 1e-6 * max(1, abs(expected.objective)), what)
                XCTAssertEqual(cold.objective ?? .nan, expected.objective, accuracy: 1e-6 * max(1, abs(expected.objective)), what)
                // The tie-break (the cheapest plan among the optimal ones) as well.
                let cost = instance.siteCost.indices.reduce(0.0) { started.keep[$1] ? $0 + instance.siteCost[$1] : $0 }
                XCTAssertEqual(cost, expected.secondary, accuracy: 1e-6 * max(1, expected.secondary), what)
                compared += 1
            }
        }
        XCTAssertGreaterThan(warmed, 10, "plans with a relaxation basis to start from")
        XCTAssertGreaterThan(compared, 30)
    }

    func testServicePlansFromANeighboursBasisMatchBruteForce() throws {
        var warmed = 0, compared = 0
        for seed in UInt64(700) ..< 724 {
            let instance = randomServiceInstance(seed: seed, areas: 6, sites: 4, services: 2, statuses: seed % 3 == 0)
            let rules = ServiceRules(
                services: [
                    ServiceRule(coverageMinutes: 15, minCoverage: seed % 2 == 0 ? 0.2 : nil, weight: 1, costPerSite: 50,
                                outreach: seed % 2 == 0),
                    ServiceRule(coverageMinutes: 20, weight: 2, costPerSite: Double(25 * (seed % 3))),
                ],
                familyHubCore: seed % 3 == 1 ? [0, 1] : nil, familyHubsPerDistrict: 1,
                outreachCostPerPerson: 5, outreachValue: 0.5)
            let budget = Double(700 + 150 * Int(seed % 4))
            var spec = PlanSpecification(objective: seed % 4 == 3 ? .minTravel : .maxCoverage, coverageMinutes: 15,
                                         constraints: PlanConstraints(budget: budget))
            spec.services = rules
            let ids = (0 ..< instance.areaCount).map { "A\($0)" }
            let plan = try Planner.plan(instance, spec, areaIDs: ids)
            guard plan.status == .optimal, let basis = plan.relaxationBasis else { continue }
            warmed += 1
            for value in budgets(around: budget) {
                let (question, cold, started) = try coldAndWarm(instance, spec, budget: value, basis: basis, areaIDs: ids)
                let what = "seed \(seed) budget \(String(describing: value))"
                XCTAssertEqual(started.status, cold.status, what)
                guard let expected = try ServiceBruteForce(instance: instance, spec: question).optimum() else {
                    XCTAssertEqual(started.status, .infeasible, what)
                    continue
                }
                XCTAssertEqual(started.status, .optimal, what)
                XCTAssertEqual(started.objective ?? .nan, expected, accuracy: 1e-6 * max(1, abs(expected)), what)
                XCTAssertEqual(cold.objective ?? .nan, expected, accuracy: 1e-6 * max(1, abs(expected)), what)
                compared += 1
            }
        }
        XCTAssertGreaterThan(warmed, 8, "plans with a relaxation basis to start from")
        XCTAssertGreaterThan(compared, 20)
    }
}
