import XCTest
@testable import Estate

final class NeedScoresTests: XCTestCase {
    let framework = NeedsFramework(indicators: [Indicator(column: "imd", weight: 1, transform: .rank)])

    func testMultiplierHasChildrenWeightedMeanOneAndWeightsAreHandComputed() throws {
        // score = [1/3, 2/3, 1]; q = [0, .5, 1]; raw = [.5, 1.25, 2]; sum c = 400,
        // sum c raw = 50 + 250 + 200 = 500, so multiplier = raw x 0.8 = [.4, 1, 1.6].
        let scores = try NeedScores(dataset: Fixtures.tiny(), needs: framework)
        XCTAssertEqual(scores.score, [1.0 / 3, 2.0 / 3, 1])
        for (value, wanted) in zip(scores.multiplier, [0.4, 1.0, 1.6]) { XCTAssertEqual(value, wanted, accuracy: 1e-12) }
        for (value, wanted) in zip(scores.weight, [40.0, 200, 160]) { XCTAssertEqual(value, wanted, accuracy: 1e-9) }
    }

    func testUsageEntersWithItsOwnWeightRescaledToTheChildTotal() throws {
        // visits [0, 0, 100] rescaled to 400 in total; weight = .5 x [40, 200, 160] + .5 x [0, 0, 400].
        var needs = framework
        needs.usageWeight = 0.5
        let dataset = Fixtures.tiny(usage: [UsageRecord(site: 1, area: 2, service: "", visits: 100)])
        let scores = try NeedScores(dataset: dataset, needs: needs)
        for (value, wanted) in zip(scores.weight, [20.0, 100, 280]) { XCTAssertEqual(value, wanted, accuracy: 1e-9) }
    }

    func testWeightsCombineIndicatorsNormalised() throws {
        var indicators = IndicatorTable()
        indicators.append(name: "a", values: [1, 2, 3])
        indicators.append(name: "b", values: [3, 2, 1])
        let base = Fixtures.tiny()
        let dataset = Dataset(districts: base.districts, areas: base.areas, sites: base.sites, indicators: indicators)
        let needs = NeedsFramework(indicators: [Indicator(column: "a", weight: 3, transform: .minmax),
                                                Indicator(column: "b", weight: 1, transform: .minmax)])
        // minmax a = [0, .5, 1], b = [1, .5, 0]; score = .75 a + .25 b = [.25, .5, .75].
        XCTAssertEqual(try NeedScores(dataset: dataset, needs: needs).score, [0.25, 0.5, 0.75])
    }

    func testWithoutFrameworkWeightIsChildren() throws {
        let scores = try NeedScores(dataset: Fixtures.tiny(), needs: nil)
        XCTAssertEqual(scores.weight, [100, 200, 100])
        XCTAssertEqual(scores.multiplier, [1, 1, 1])
    }

    func testBlankValueIsAnErrorByDefault() {
        XCTAssertThrowsError(try NeedScores(dataset: Fixtures.tiny(imd: [1, .nan, 3]), needs: framework)) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("imd") && text.contains("A2"), text)
        }
    }

    func testBlankValueTakesDistrictMedianWhenAsked() throws {
        // District East holds A1 (1) and A2 (blank): A2 takes 1. West: A3 = 3.
        let imputed = NeedScores.imputeDistrictMedian([1, .nan, 3], dataset: Fixtures.tiny())
        XCTAssertEqual(imputed, [1, 1, 3])
        var needs = framework
        needs.missing = .districtMedian
        let scores = try NeedScores(dataset: Fixtures.tiny(imd: [1, .nan, 3]), needs: needs)
        XCTAssertEqual(scores.imputedCells, 1)
        XCTAssertEqual(scores.score, [0.5, 0.5, 1])
    }

    func testDistrictAndSiteAggregates() throws {
        let dataset = Fixtures.tiny(usage: [UsageRecord(site: 0, area: 0, service: "", visits: 30),
                                            UsageRecord(site: 0, area: 2, service: "", visits: 5)])
        let scores = try NeedScores(dataset: dataset, needs: framework)
        // Travel: S1 reaches A1 (5 min) and A2 (5 min); S2 reaches A3 (0 min) and A2 (25 min).
        let travel = try TravelTimes(areaCount: 3, siteCount: 2, pairAreas: [0, 1, 2, 1], pairSites: [0, 0, 1, 1],
                                     pairMinutes: [5, 5, 0, 25])
        let report = NeedReport(dataset: dataset, scores: scores, travel: travel, coverageMinutes: 20)
        // Weights [40, 200, 160]: East need 240 over 300 children, West 160 over 100.
        XCTAssertEqual(report.districts[0].need, 240, accuracy: 1e-9)
        XCTAssertEqual(report.districts[0].needPerChild, 0.8, accuracy: 1e-12)
        XCTAssertEqual(report.districts[1].needPerChild, 1.6, accuracy: 1e-12)
        XCTAssertEqual(report.districts[0].shareOfNeed, 0.6, accuracy: 1e-12)
        XCTAssertEqual(report.districts.map(\.rank), [2, 1])
        XCTAssertEqual(report.sites[0].need, 240, accuracy: 1e-9)
        XCTAssertEqual(report.sites[0].uniqueNeed, 240, accuracy: 1e-9)   // A2 at 25 min is outside S2's 20
        XCTAssertEqual(report.sites[0].visits, 35)
        XCTAssertEqual(report.sites[0].visitsFromCatchment, 30)
        XCTAssertEqual(report.sites[1].need, 160, accuracy: 1e-9)
        XCTAssertEqual(report.sites.map(\.rank), [1, 2])
    }
}
