import Estate
import EstateIO
import Foundation
import Optimisation
@testable import Planning
import XCTest

/// The services planner's heuristic local search and capacity-aware bound stop at counts of their
/// own (`ServiceHeuristic.trialLimit`, `ServiceCapacityBound.iterations`), not at shares of
/// the time limit, so that a plan does not depend on how busy the machine is. A slow machine is
/// played here by a run that reaches the solve with most of its allowance gone (its `start` nine
/// tenths of the limit ago): shares of the limit (a tenth for the local search, a twentieth for
/// the bound, as they were) would already have run out, the counts have not, and the limit
/// itself, a backstop, is still far. The result must be the same, figure for figure.
final class DeterministicBudgetTests: XCTestCase {
    private let limit = 600.0

    /// `model` solved from a start `spent` seconds ago, within `limit`, and how its coverage
    /// links went (with the heuristic plan's objective).
    private func solved(_ model: ServiceModel, spent: Double) throws -> (solution: Solution, coverage: CoverageReport?) {
        var options = SolveOptions(timeLimit: limit)
        if model.specification.objective == .maxCoverage { options.simplex = .primal }
        return try ServicePlanner.solve(model, options: options, start: .now - .seconds(spent))
    }

    private func assertSame(_ fresh: (solution: Solution, coverage: CoverageReport?),
                            _ late: (solution: Solution, coverage: CoverageReport?), _ context: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(fresh.solution.status, late.solution.status, context, file: file, line: line)
        XCTAssertEqual(fresh.solution.objective, late.solution.objective, context, file: file, line: line)
        XCTAssertEqual(fresh.solution.bound, late.solution.bound, context, file: file, line: line)
        XCTAssertEqual(fresh.solution.message, late.solution.message, context, file: file, line: line)
        XCTAssertEqual(fresh.solution.values, late.solution.values, context, file: file, line: line)
        XCTAssertEqual(fresh.coverage, late.coverage, context, file: file, line: line)
    }

    /// The Kent Family Hub Network: its local search keeps three changes, so cut short it would
    /// hand branch and cut another heuristic plan (`coverage.heuristicObjective`).
    func testTheKentFamilyHubNetworkIsTheSameWithLittleOfItsTimeLeft() throws {
        let inputs = try InputLoader.load(path: PlanExplainerTests.packageRoot
            .appendingPathComponent("datasets/kent/scenario.yaml").path)
        let planning = try PlanningInputs(scenario: inputs.scenario, dataset: inputs.dataset)
        let spec = PlanPipeline.specification(for: inputs.scenario, inputs: planning)
        let model = ServiceModel(instance: planning.instance, services: planning.instance.services!, specification: spec,
                                 rules: spec.services!, areaIDs: planning.areaIDs)
        let fresh = try solved(model, spent: 0)
        XCTAssertEqual(fresh.solution.status, .optimal)
        XCTAssertNotNil(fresh.coverage?.heuristicObjective)
        assertSame(fresh, try solved(model, spent: 0.9 * limit), "Kent Family Hub Network")
    }

    /// Under capacity the bound that proves a heuristic plan optimal is `ServiceCapacityBound`'s,
    /// which a twentieth of the limit no longer cuts short. Seeded instances with capacities that
    /// bind (as `ServiceCapacityBoundTests`'), single and split.
    func testCapacityPlansAreTheSameWithLittleOfTheirTimeLeft() throws {
        var compared = 0, provenByTheBound = 0
        for seed in UInt64(60) ... 67 {
            var instance = randomServiceInstance(seed: seed, areas: 6, sites: 4, services: 2, capacities: true)
            instance.siteCapacity = instance.siteCapacity.map { $0.map { ($0 / 3).rounded() } }
            let rules = ServiceRules(services: [ServiceRule(coverageMinutes: 12, weight: 1, costPerSite: 0, outreach: seed % 2 == 0),
                                                ServiceRule(coverageMinutes: 16, weight: 2, costPerSite: 40)],
                                     outreachCostPerPerson: 3, outreachValue: 0.5)
            for capacity in [CapacityAssignment.single, .split] {
                let spec = PlanSpecification(objective: .maxCoverage, coverageMinutes: 15,
                                             constraints: PlanConstraints(capacity: capacity), services: rules)
                let model = ServiceModel(instance: instance, services: instance.services!, specification: spec, rules: rules,
                                         areaIDs: (0 ..< 6).map { "A\($0)" })
                let fresh = try solved(model, spent: 0)
                assertSame(fresh, try solved(model, spent: 0.9 * limit), "seed \(seed) \(capacity)")
                compared += 1
                if fresh.solution.message?.contains("capacity-aware") == true { provenByTheBound += 1 }
            }
        }
        XCTAssertEqual(compared, 16)
        XCTAssertGreaterThan(provenByTheBound, 0, "plans the capacity-aware bound proves, which a cut-short bound would not")
    }
}
