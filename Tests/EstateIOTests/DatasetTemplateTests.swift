import Estate
@testable import EstateIO
import XCTest

final class DatasetTemplateTests: XCTestCase {
    func testTemplateHasEveryColumnTheReaderKnows() {
        let areas = DatasetTemplate.areaColumns.map(\.name), sites = DatasetTemplate.siteColumns.map(\.name)
        XCTAssertTrue(Set(DatasetReader.areaColumns).isSubset(of: areas))
        XCTAssertEqual(sites, DatasetReader.siteColumns + DatasetReader.optionalSiteColumns)
        for column in DatasetTemplate.areaColumns + DatasetTemplate.siteColumns + DatasetTemplate.usageColumns {
            XCTAssertFalse(column.unit.isEmpty || column.comment.isEmpty, column.name)
        }
    }

    func testScenarioTemplateReadsAsAScenario() throws {
        let scenario = try Scenario(document: ScenarioReader.parse(text: DatasetTemplate.scenario, file: "scenario.yaml"),
                                    file: "scenario.yaml")
        XCTAssertEqual(scenario.objective, .maxCoverage)
        XCTAssertEqual(scenario.constraints.budget, 1_000_000)
        XCTAssertEqual(scenario.needs?.indicators.map(\.column), ["imd_score", "idaci_score"])
    }

    /// The commented manifest is inert as written, and a valid manifest once uncommented.
    func testManifestTemplateIsInertAndValidOnceUncommented() throws {
        XCTAssertEqual(ScenarioNode(.null), try ScenarioReader.parse(text: DatasetTemplate.manifest, file: "dataset.yaml").withoutPositions)
        let uncommented = DatasetTemplate.manifest.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("# ") && !$0.hasPrefix("# dataset.yaml") && !$0.hasPrefix("# sites.csv") && !$0.hasPrefix("# active") }
            .map { String($0.dropFirst(2)) }.joined(separator: "\n")
        var errors = InputErrorCollector(file: "dataset.yaml")
        let manifest = DatasetManifest.decode(try ScenarioReader.parse(text: uncommented, file: "dataset.yaml"), errors: &errors)
        XCTAssertEqual(errors.errors, [])
        XCTAssertEqual(manifest?.areas.count, 4)
        XCTAssertEqual(manifest?.areas[1].crs, .britishNationalGrid)
    }
}

extension ScenarioNode {
    /// The node without line and column, to compare shapes.
    var withoutPositions: ScenarioNode { ScenarioNode(kind) }
}
