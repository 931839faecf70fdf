import Estate
import EstateIO
import XCTest

final class ScenarioReaderTests: XCTestCase {
    /// FORMAT.md's example scenario, every field.
    static let example = """
        dataset: data                     # folder, relative to the scenario file
        needs:
          indicators:
            - {column: imd_score, weight: 0.4, direction: higher_is_worse, transform: rank}
            - {column: fsm_pct,   weight: 0.3, direction: higher_is_better, transform: zscore}
          usage_weight: 0.25
        travel: {speed_kmh: 30, circuity: 1.3}
        objective: min_travel
        coverage_minutes: 20
        constraints:
          budget: 9_000_000
          carbon: 1_200
          sites: {max: 50}
          min_per_district: 1
          min_coverage: 0.95
          min_district_coverage: 0.85
          max_minutes: 45
          capacity: true
        solver: {time_limit_s: 60, mip_gap: 0.0}
        batch:
          constraints.budget: [7_000_000, 8_000_000, 9_000_000]
          coverage_minutes: [15, 20, 30]

        """

    func testFormatExampleParsesEveryField() throws {
        let scenario = try Scenario(document: ScenarioReader.parse(text: Self.example, file: "s.yaml"), file: "s.yaml")
        XCTAssertEqual(scenario.dataset, "data")
        XCTAssertEqual(scenario.needs?.indicators, [
            Indicator(column: "imd_score", weight: 0.4, direction: .higherIsWorse, transform: .rank),
            Indicator(column: "fsm_pct", weight: 0.3, direction: .higherIsBetter, transform: .zscore),
        ])
        XCTAssertEqual(scenario.needs?.usageWeight, 0.25)
        XCTAssertEqual(scenario.travel.model, TravelModel(speedKmh: 30, circuity: 1.3))
        XCTAssertEqual(scenario.objective, .minTravel)
        XCTAssertEqual(scenario.coverageMinutes, 20)
        XCTAssertEqual(scenario.constraints, Constraints(budget: 9_000_000, carbon: 1_200, sites: SiteCountLimit(maximum: 50),
                                                         minPerDistrict: 1, minCoverage: 0.95, minDistrictCoverage: 0.85,
                                                         maxMinutes: 45, capacity: .split, visitsPerChild: 1))
        XCTAssertEqual(scenario.solver, SolverSettings(timeLimitSeconds: 60, mipGap: 0))
        XCTAssertEqual(scenario.effectiveHorizonMinutes, 60)
    }

    func testJSONIsReadAsYAML() throws {
        let json = """
            {"dataset": "data", "objective": "min_cost", "coverage_minutes": 15,
             "constraints": {"sites": {"exactly": 12}, "min_coverage": 0.9},
             "needs": {"indicators": [{"column": "imd_score", "weight": 1, "transform": "exp_rank"}]}}
            """
        let scenario = try Scenario(document: ScenarioReader.parse(text: json, file: "s.json"), file: "s.json")
        XCTAssertEqual(scenario.objective, .minCost)
        XCTAssertEqual(scenario.constraints.sites?.exactly, 12)
        XCTAssertEqual(scenario.needs?.indicators.first?.transform, .expRank)
    }

    func testDatasetIsResolvedRelativeToTheScenarioFile() throws {
        let folder = try TestFolder.valid()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try folder.write("scenarios/s.yaml", "dataset: ..\nneeds: needs.yaml\n")
        try folder.write("scenarios/needs.yaml", "indicators:\n  - {column: fsm_pct, weight: 1}\nmissing: district_median\n")
        let inputs = try InputLoader.load(path: folder.url.appendingPathComponent("scenarios/s.yaml").path)
        XCTAssertEqual(inputs.datasetURL.standardizedFileURL.path, folder.url.standardizedFileURL.path)
        XCTAssertEqual(inputs.scenario.needs?.missing, .districtMedian)
        XCTAssertEqual(inputs.dataset.areas.count, 3)
    }

    func testScenarioNamingAMissingColumnPointsAtTheEntry() throws {
        let folder = try TestFolder.valid()
        try folder.write("s.yaml", "dataset: .\nneeds:\n  indicators:\n    - {column: cin_rate, weight: 1}\n")
        XCTAssertThrowsError(try InputLoader.load(path: folder.url.appendingPathComponent("s.yaml").path)) { error in
            let errors = (error as! InputErrors).errors
            XCTAssertEqual(errors.count, 1)
            XCTAssertTrue(errors[0].description.hasPrefix("s.yaml:4:"), errors[0].description)
            XCTAssertEqual(errors[0].column, "needs.indicators.0.column")
            XCTAssertTrue(errors[0].description.contains("value 'cin_rate'") && errors[0].description.contains("imd_score, fsm_pct"),
                          errors[0].description)
        }
    }

    func testScenarioValueErrorsNameLineAndColumn() throws {
        let text = "dataset: .\nobjective: max_coverage\nconstraints:\n  budget: lots\n  min_coverage: 1.5\n"
        XCTAssertThrowsError(try Scenario(document: ScenarioReader.parse(text: text, file: "s.yaml"), file: "s.yaml")) { error in
            let errors = (error as! InputErrors).errors
            XCTAssertEqual(errors.map(\.description), [
                "s.yaml:4:11: column 'constraints.budget': value 'lots': expected a budget in GBP/year between 0 and 1e10",
                "s.yaml:5:17: column 'constraints.min_coverage': value '1.5': expected a share between 0 and 1",
            ])
        }
    }

    func testMalformedYAMLNamesTheLine() {
        XCTAssertThrowsError(try ScenarioReader.parse(text: "dataset: .\nneeds: [unclosed\n", file: "s.yaml")) { error in
            let first = (error as! InputErrors).errors[0]
            XCTAssertEqual(first.file, "s.yaml")
            XCTAssertNotNil(first.line)
            XCTAssertTrue(first.description.contains("valid YAML or JSON"), first.description)
        }
    }

    func testMissingDatasetFolderPointsAtTheDatasetKey() throws {
        let folder = try TestFolder([:])
        try folder.write("s.yaml", "objective: min_cost\ndataset: nowhere\n")
        XCTAssertThrowsError(try InputLoader.load(path: folder.url.appendingPathComponent("s.yaml").path)) { error in
            let first = (error as! InputErrors).errors[0]
            XCTAssertTrue(first.description.hasPrefix("s.yaml:2:10: column 'dataset': value 'nowhere'"), first.description)
        }
    }

    func testCapacityIsFalseTrueSplitOrSingle() throws {
        func capacity(_ value: String) throws -> CapacityAssignment? {
            let text = "dataset: .\nconstraints:\n  capacity: \(value)\n"
            return try Scenario(document: ScenarioReader.parse(text: text, file: "s.yaml"), file: "s.yaml").constraints.capacity
        }
        XCTAssertNil(try capacity("false"))
        XCTAssertEqual(try capacity("true"), .split)
        XCTAssertEqual(try capacity("split"), .split)
        XCTAssertEqual(try capacity("single"), .single)
        XCTAssertThrowsError(try capacity("sole")) { error in
            XCTAssertEqual((error as! InputErrors).errors.map(\.description),
                           ["s.yaml:3:13: column 'constraints.capacity': value 'sole': expected true, false, split or single"])
        }
    }

    /// A hub in the area itself is 0 minutes away, and the comparison is inclusive: zero is a
    /// question, not an error, wherever minutes are asked for; below zero is still refused.
    func testZeroMinutesAreAcceptedAndNegativeRefused() throws {
        let text = "dataset: .\ncoverage_minutes: 0\ntravel: {horizon_minutes: 0}\nconstraints:\n  max_minutes: 0\n"
        let scenario = try Scenario(document: ScenarioReader.parse(text: text, file: "s.yaml"), file: "s.yaml")
        XCTAssertEqual(scenario.coverageMinutes, 0)
        XCTAssertEqual(scenario.constraints.maxMinutes, 0)
        XCTAssertEqual(scenario.travel.horizonMinutes, 0)
        XCTAssertEqual(scenario.effectiveHorizonMinutes, 0)
        let negative = "dataset: .\ncoverage_minutes: -1\ntravel: {horizon_minutes: -1}\nconstraints:\n  max_minutes: -1\n"
        XCTAssertThrowsError(try Scenario(document: ScenarioReader.parse(text: negative, file: "s.yaml"), file: "s.yaml")) { error in
            XCTAssertEqual((error as! InputErrors).errors.map(\.column),
                           ["coverage_minutes", "travel.horizon_minutes", "constraints.max_minutes"])
        }
    }
}
