import XCTest
@testable import Estate

final class ScenarioDecodingTests: XCTestCase {
    func node(_ text: String, line: Int = 1) -> ScenarioNode { ScenarioNode(.scalar(text, quoted: false), line: line, column: 3) }

    func testNumbersAcceptUnderscoresAndThousandsSeparators() {
        XCTAssertEqual(ScenarioDecoder.parseNumber("9_000_000"), 9_000_000)
        XCTAssertEqual(ScenarioDecoder.parseNumber("9,000,000"), 9_000_000)
        XCTAssertEqual(ScenarioDecoder.parseNumber("0.95"), 0.95)
        XCTAssertNil(ScenarioDecoder.parseNumber("9,00"))
        XCTAssertNil(ScenarioDecoder.parseNumber("nan"))
        XCTAssertNil(ScenarioDecoder.parseNumber("lots"))
    }

    func testDefaultsWhenKeysAreAbsent() throws {
        let scenario = try Scenario(document: .map([("dataset", node("data"))]), file: "s.yaml")
        XCTAssertEqual(scenario.dataset, "data")
        XCTAssertEqual(scenario.objective, .maxCoverage)
        XCTAssertEqual(scenario.coverageMinutes, 20)
        XCTAssertEqual(scenario.travel.horizonMinutes, 60)
        XCTAssertEqual(scenario.constraints.visitsPerChild, 1)
        XCTAssertEqual(scenario.effectiveHorizonMinutes, 60)
    }

    func testEffectiveHorizonIsAtLeastCoverageAndMaxMinutes() throws {
        let scenario = try Scenario(document: .map([
            ("coverage_minutes", node("30")),
            ("travel", .map([("horizon_minutes", node("25"))])),
            ("constraints", .map([("max_minutes", node("75"))])),
        ]), file: "s.yaml")
        XCTAssertEqual(scenario.effectiveHorizonMinutes, 75)
    }

    func testErrorsNameLineColumnAndKeyPath() {
        XCTAssertThrowsError(try Scenario(document: .map([
            ("objective", node("max_happiness", line: 4)),
            ("constraints", .map([("min_coverage", node("1.5", line: 9)), ("budjet", node("5", line: 10))])),
        ]), file: "s.yaml")) { error in
            let errors = (error as! InputErrors).errors
            XCTAssertEqual(errors.count, 3)
            XCTAssertEqual(errors[0].description,
                           "s.yaml:4:3: column 'objective': value 'max_happiness': expected one of max_coverage, min_cost, min_travel, min_carbon, min_sites")
            XCTAssertEqual(errors[1].line, 9)
            XCTAssertEqual(errors[1].column, "constraints.min_coverage")
            XCTAssertEqual(errors[2].column, "constraints.budjet")
        }
    }

    func testBatchAndVariantsBlocksAreLeftToTheBatchEngine() throws {
        let scenario = try Scenario(document: .map([
            ("constraints", .map([("budget", node("100"))])),
            ("batch", .map([("constraints.budget", ScenarioNode(.list([node("1"), node("2")])))])),
            ("variants", .map([("low", .map([("constraints.budget", node("1"))]))])),
        ]), file: "s.yaml")
        XCTAssertEqual(scenario.constraints.budget, 100)
    }
}

final class ScenarioNameTests: XCTestCase {
    func node(_ text: String) -> ScenarioNode { ScenarioNode(.scalar(text, quoted: true), line: 1, column: 1) }

    func testNameAndDescriptionBecomeTheOptionsTitle() throws {
        let named = try Scenario(document: .map([("name", node("Option 4: Family Hub Network")),
                                                 ("description", node("Fewer, larger hubs."))]), file: "plans/option4.yaml")
        XCTAssertEqual(named.title, "Option 4: Family Hub Network")
        XCTAssertEqual(named.description, "Fewer, larger hubs.")
        let unnamed = try Scenario(document: .map([("dataset", node("."))]), file: "plans/tight.yaml")
        XCTAssertEqual(unnamed.title, "tight", "without a name, the file's name without its extension")
        XCTAssertNil(unnamed.description)
    }

    func testAnEmptyNameIsAnError() {
        XCTAssertThrowsError(try Scenario(document: .map([("name", node(""))]), file: "s.yaml")) { error in
            XCTAssertEqual((error as! InputErrors).errors.first?.column, "name")
        }
    }
}
