import Estate
import EstateIO
import XCTest

/// The v2 blocks of a scenario (`services:`, `family_hubs:`, `outreach:`): FORMAT.md's example
/// decodes field by field, and every mistake is an error naming the file, line and key path.
final class ServiceScenarioTests: XCTestCase {
    static let example = """
        dataset: data
        coverage_minutes: 15
        constraints: {min_coverage: 0.5, max_minutes: 45}
        services:
          - code: early_years
            population: children_0_4
            coverage_minutes: 20
            min_coverage: 0.9
            min_district_coverage: 0.7
            weight: 2
            cost_per_site: 15_000
          - code: youth
            population: young_people_11_19
            coverage_minutes: 30
          - code: domestic_abuse
        family_hubs:
          core: [early_years, youth]
          per_district: 2
        outreach:
          cost_per_person: 40
          services: [early_years, youth]
          value: 0.5

        """

    private func decode(_ text: String) throws -> Scenario {
        try Scenario(document: ScenarioReader.parse(text: text, file: "s.yaml"), file: "s.yaml")
    }

    private func errors(_ text: String) -> [InputError] {
        do {
            _ = try decode(text)
            XCTFail("expected errors")
            return []
        } catch let error as InputErrors {
            return error.errors
        } catch {
            XCTFail("\(error)")
            return []
        }
    }

    func testFormatExampleDecodesEveryField() throws {
        let scenario = try decode(Self.example)
        XCTAssertEqual(scenario.services, [
            ServiceDefinition(code: "early_years", population: "children_0_4", coverageMinutes: 20, minCoverage: 0.9,
                              minDistrictCoverage: 0.7, weight: 2, costPerSite: 15_000),
            ServiceDefinition(code: "youth", population: "young_people_11_19", coverageMinutes: 30),
            ServiceDefinition(code: "domestic_abuse"),
        ])
        XCTAssertEqual(scenario.familyHubs, FamilyHubSettings(core: ["early_years", "youth"], perDistrict: 2))
        XCTAssertEqual(scenario.outreach, OutreachSettings(costPerPerson: 40, services: ["early_years", "youth"], value: 0.5))
        XCTAssertEqual(scenario.namedAreaColumns, ["children_0_4", "young_people_11_19"])
        // The horizon reaches every service's own standard.
        XCTAssertEqual(scenario.effectiveHorizonMinutes, 60)
    }

    func testUnknownCodesAndMissingBlocksNameLineAndKey() {
        let found = errors("""
            services:
              - {code: youth}
              - {code: youth, weight: -1}
            family_hubs:
              core: [youth, parenting]
            outreach:
              services: [advice]

            """)
        let keys = found.map { "\($0.line ?? 0):\($0.column ?? "")" }
        XCTAssertTrue(keys.contains("3:services.1.weight"), "\(found)")
        XCTAssertTrue(keys.contains("5:family_hubs.core.1"), "\(found)")
        XCTAssertTrue(keys.contains("7:outreach.cost_per_person"), "\(found)")
        XCTAssertTrue(keys.contains("7:outreach.services.0"), "\(found)")
        XCTAssertTrue(found.contains { $0.expected.contains("one of: youth") }, "\(found)")
    }

    func testFamilyHubsWithoutServicesIsAnError() {
        let found = errors("family_hubs: {core: [early_years]}\n")
        XCTAssertEqual(found.map(\.column), ["family_hubs"])
        XCTAssertEqual(found.first?.line, 1)
    }

    func testMissingPopulationColumnPointsAtTheService() throws {
        let scenario = try decode("""
            services:
              - code: early_years
              - code: youth
                population: young_people
            """)
        let missing = scenario.missingColumnErrors(available: ["imd_score"])
        XCTAssertEqual(missing.count, 1)
        XCTAssertEqual(missing.first?.column, "services.1.population")
        XCTAssertEqual(missing.first?.line, 4)
        XCTAssertEqual(missing.first?.value, "young_people")
    }

    func testAScenarioWithoutServicesHasNone() throws {
        let scenario = try decode(ScenarioReaderTests.example)
        XCTAssertTrue(scenario.services.isEmpty)
        XCTAssertNil(scenario.familyHubs)
        XCTAssertNil(scenario.outreach)
        XCTAssertEqual(scenario.namedAreaColumns, ["imd_score", "fsm_pct"])
    }
}

extension ServiceScenarioTests {
    func testADuplicateServiceCodeIsAnError() {
        let found = errors("services:\n  - {code: youth}\n  - {code: youth}\n")
        XCTAssertEqual(found.map(\.column), ["services.1.code"])
        XCTAssertEqual(found.first?.line, 3)
    }
}

extension ServiceScenarioTests {
    /// `name:` (beyond FORMAT.md) is what outputs call a service; without it, the code in words.
    func testAServiceNameIsReadAndTheCodeInWordsIsTheDefault() throws {
        let scenario = try decode("""
            services:
              - {code: send_advice, name: "SEND advice"}
              - {code: mental_health, name: Mental health signposting}
              - {code: domestic_abuse}
            """)
        XCTAssertEqual(scenario.services.map(\.name), ["SEND advice", "Mental health signposting", nil])
        XCTAssertEqual(scenario.services.map(\.displayName), ["SEND advice", "Mental health signposting", "domestic abuse"])
        let names = scenario.serviceNames
        XCTAssertEqual(names["send_advice"], "SEND advice")
        XCTAssertEqual(names["unknown_code"], "unknown code", "a code the scenario does not name takes the default rule")
        // In a sentence a capital that only starts the name is lowered; an acronym's is kept.
        XCTAssertEqual(names.inSentence("mental_health"), "mental health signposting")
        XCTAssertEqual(names.inSentence("send_advice"), "SEND advice")
        XCTAssertEqual(names.inSentence("domestic_abuse"), "domestic abuse")
    }

    func testABlankServiceNameIsAnError() {
        let found = errors("services:\n  - {code: youth, name: \"\"}\n")
        XCTAssertEqual(found.map(\.column), ["services.0.name"])
        XCTAssertEqual(found.first?.line, 2)
    }
}
