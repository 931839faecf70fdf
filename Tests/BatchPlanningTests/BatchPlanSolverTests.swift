import Batch
import BatchPlanning
import Estate
import EstateIO
import Foundation
import Planning
import Reports
import XCTest

/// The batch solver against the planner run directly, scenario by scenario: sharing
/// inputs and lifted plans must not change any result.
final class BatchPlanSolverTests: XCTestCase {
    private let kent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/kent/buildings-only/scenario.yaml")

    func testSweptLimitsGiveTheSamePlansAsSolvingEachScenarioAlone() throws {
        let base = try String(contentsOf: kent, encoding: .utf8)
        // Budgets and carbon caps that bind, that bind one another, and that do not bind.
        let yaml = base + """

            batch:
              constraints.budget: [1_200_000, 2_000_000, 9_000_000]
              constraints.carbon: [300, 2_000]
            """
        let scenarios = try BatchExpansion.expand(yaml: yaml, file: kent.path)
        XCTAssertEqual(scenarios.count, 6)
        let solver = BatchPlanSolver(scenarioFile: kent, engineVersion: "test")
        let dataset = try InputLoader.load(path: kent.path).dataset
        var distinct = Set<[String]>()
        for expanded in scenarios {
            let row = try solver.solve(expanded)
            let scenario = try solver.inputs.scenario(expanded)
            let alone = try PlanPipeline.run(scenario: scenario, dataset: dataset).plan
            XCTAssertEqual(row.status, .optimal, expanded.name)
            XCTAssertEqual(alone.status, .optimal, expanded.name)
            XCTAssertEqual(row.objective!, alone.objective!, accuracy: 1e-6, expanded.name)
            let kept = alone.keep.indices.filter { alone.keep[$0] }.map { dataset.sites[$0].id }.sorted()
            XCTAssertEqual(row.keptSites, kept, expanded.name)
            XCTAssertLessThanOrEqual(row.totals!.cost, scenario.constraints.budget!)
            XCTAssertLessThanOrEqual(row.totals!.carbon, scenario.constraints.carbon!)
            // The buildings-only dataset is a manifest over the files of datasets/kent.
            XCTAssertEqual(Set(row.inputHashes.keys), ["scenario.yaml", "dataset.yaml", "../areas.csv", "../sites.csv", "../usage.csv",
                                                       "../boundaries.geojson"])
            distinct.insert(row.keptSites)
        }
        XCTAssertGreaterThanOrEqual(distinct.count, 3, "the limits bind in some scenarios, not in others")
    }

    /// The reported bug: a batch row once dropped `min_deprived_coverage` (it ranked no areas as
    /// most deprived) and came back optimal where `estate plan` proves the scenario infeasible.
    func testBatchRowsKeepTheEqualityDutyAsThePlanDoes() throws {
        let base = try String(contentsOf: kent, encoding: .utf8)
            .replacingOccurrences(of: "  budget: 4700000\n",
                                  with: "  budget: 2500000\n  min_deprived_coverage: 1.0\n  deprived_share: 0.3\n")
        XCTAssertTrue(base.contains("min_deprived_coverage"))
        let scenarios = try BatchExpansion.expand(yaml: base + "\nbatch:\n  coverage_minutes: [20, 45]\n", file: kent.path)
        let solver = BatchPlanSolver(scenarioFile: kent, engineVersion: "test")
        let dataset = try InputLoader.load(path: kent.path).dataset
        var statuses: [PlanStatus] = []
        for expanded in scenarios {
            let row = try solver.solve(expanded)
            let alone = try PlanPipeline.run(scenario: try solver.inputs.scenario(expanded), dataset: dataset).plan
            XCTAssertEqual(row.status, alone.status, expanded.name)
            statuses.append(row.status)
        }
        XCTAssertEqual(statuses.first, .infeasible, "20 minutes cannot reach every one of the most deprived areas")
    }

    /// An unknown key or a value of the wrong type set by a batch axis or a variant is an error
    /// naming that axis or variant at the line of its value in the batch file, by one rule for
    /// grid values and variants (the generated YAML's own lines would point nowhere).
    func testAWrongOverrideNamesTheAxisOrVariantAtItsLine() throws {
        let base = try String(contentsOf: kent, encoding: .utf8)
        let yaml = base + """

            variants:
              good: {}
              typo: {constraints.budjet: 1}
            batch:
              constraints.min_per_district: [1, many]
            """
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let typoLine = lines.firstIndex { $0.contains("budjet") }! + 1
        let axisLine = lines.firstIndex { $0.contains("[1, many]") }! + 1
        let solver = BatchPlanSolver(scenarioFile: kent, engineVersion: "test")
        var messages: [String: String] = [:]
        for expanded in try BatchExpansion.expand(yaml: yaml, file: kent.path) {
            do {
                _ = try solver.inputs.scenario(expanded)
                messages[expanded.name] = "ok"
            } catch let errors as InputErrors {
                messages[expanded.name] = errors.description
            }
        }
        XCTAssertEqual(messages["good constraints.min_per_district=1"], "ok")
        XCTAssertEqual(messages["good constraints.min_per_district=many"],
                       "scenario.yaml:\(axisLine):37: column 'batch.constraints.min_per_district': value 'many': "
                           + "expected a whole number >= 0")
        XCTAssertTrue(messages["typo constraints.min_per_district=1"]!.hasPrefix(
            "scenario.yaml:\(typoLine):30: column 'variants.typo.constraints.budjet': value '1': expected one of the keys"),
                      messages["typo constraints.min_per_district=1"]!)
        // A batch row reports the same.
        let row = try? solver.solve(try BatchExpansion.expand(yaml: yaml, file: kent.path)[1])
        XCTAssertNil(row, "a scenario that does not decode is an error, not a result")
    }

    /// The overrides are set in the tree the scenario reader read from the file, not written out
    /// and read back: an error in the base scenario keeps its own line and column in the file.
    func testAnErrorInTheBaseScenarioPointsAtItsLineInTheFile() throws {
        let yaml = try String(contentsOf: kent, encoding: .utf8) + "\nsolvr: {time_limit: 5}\nbatch:\n  coverage_minutes: [15, 20]\n"
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("solvr") }! + 1
        let solver = BatchPlanSolver(scenarioFile: kent, engineVersion: "test")
        for expanded in try BatchExpansion.expand(yaml: yaml, file: kent.path) {
            XCTAssertThrowsError(try solver.inputs.scenario(expanded)) { error in
                XCTAssertTrue("\(error)".hasPrefix("scenario.yaml:\(line):8: column 'solvr'"), "\(error)")
            }
        }
    }
}
