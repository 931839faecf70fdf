import XCTest
@testable import Estate

/// The needs framework per service: each service weighted by its own population and its own
/// usage figures, and its district and site tables, against figures computed by hand.
final class ServiceNeedTests: XCTestCase {
    /// `tiny` with a `young` population column, S1 hosting early years and youth, S2 youth only,
    /// and usage per service.
    func dataset() -> Dataset {
        let base = Fixtures.tiny(usage: [UsageRecord(site: 0, area: 0, service: "early_years", visits: 30),
                                         UsageRecord(site: 0, area: 1, service: "youth", visits: 20),
                                         UsageRecord(site: 1, area: 2, service: "youth", visits: 60),
                                         UsageRecord(site: 0, area: 2, service: "early_years", visits: 10)])
        var sites = base.sites
        sites[0].services = ["early_years", "youth"]
        sites[1].services = ["youth"]
        var indicators = base.indicators
        indicators.append(name: "young", values: [10, 50, 40])
        return Dataset(districts: base.districts, areas: base.areas, sites: sites, usage: base.usage, indicators: indicators)
    }

    let needs = NeedsFramework(indicators: [Indicator(column: "imd", weight: 1, transform: .rank)], usageWeight: 0.5)
    let youth = ServiceDefinition(code: "youth", population: "young", coverageMinutes: 30)
    let earlyYears = ServiceDefinition(code: "early_years")

    func testEachServiceIsWeightedByItsOwnPopulationAndUsage() throws {
        let dataset = dataset()
        let scores = try NeedScores(dataset: dataset, needs: needs)
        // Multipliers [0.4, 1, 1.6] (NeedScoresTests). youth: population [10, 50, 40] (100), its
        // visits [0, 20, 60] (80) rescaled by 100/80: 0.5 x pop x m + 0.5 x 1.25 x visits.
        let youthNeed = try ServiceNeed(service: youth, dataset: dataset, scores: scores)
        for (value, wanted) in zip(youthNeed.weight, [2.0, 37.5, 69.5]) { XCTAssertEqual(value, wanted, accuracy: 1e-9) }
        XCTAssertEqual(youthNeed.visits, [0, 20, 60])
        XCTAssertEqual(youthNeed.hostedBy, [true, true])
        // early_years: children [100, 200, 100] (400), its visits [30, 0, 10] (40) rescaled by 10.
        let early = try ServiceNeed(service: earlyYears, dataset: dataset, scores: scores)
        for (value, wanted) in zip(early.weight, [170.0, 100, 130]) { XCTAssertEqual(value, wanted, accuracy: 1e-9) }
        XCTAssertEqual(early.hostedBy, [true, false])
        // A service with no usage figures is weighted by need alone: children x multiplier.
        let other = try ServiceNeed(service: ServiceDefinition(code: "debt_advice"), dataset: dataset, scores: scores)
        for (value, wanted) in zip(other.weight, [40.0, 200, 160]) { XCTAssertEqual(value, wanted, accuracy: 1e-9) }
        // Without a framework: the population itself, whatever the usage.
        let plain = try ServiceNeed(service: youth, dataset: dataset, scores: NeedScores(dataset: dataset, needs: nil))
        XCTAssertEqual(plain.weight, [10, 50, 40])
        // The v1 weight is the same rule on children and all visits: unchanged by services.
        let v1 = NeedScores.weights(population: dataset.children, visits: scores.visits, multiplier: scores.multiplier, usageWeight: 0.5)
        XCTAssertEqual(v1, scores.weight)
    }

    func testServiceDistrictAndSiteTables() throws {
        let dataset = dataset()
        var scenario = Scenario(needs: needs, coverageMinutes: 20)
        scenario.services = [youth, earlyYears]
        let scores = try NeedScores(dataset: dataset, needs: needs)
        // S1 reaches A1 and A2 at 5 minutes; S2 reaches A3 at 0 and A2 at 25.
        let travel = try TravelTimes(areaCount: 3, siteCount: 2, pairAreas: [0, 1, 2, 1], pairSites: [0, 0, 1, 1],
                                     pairMinutes: [5, 5, 0, 25])
        let reports = try scenario.serviceNeedReports(for: dataset, scores: scores, travel: travel)
        XCTAssertEqual(reports.map(\.code), ["youth", "early_years"])
        XCTAssertEqual(reports.map(\.coverageMinutes), [30, 20])

        // youth, weights [2, 37.5, 69.5]: East 39.5 over 60 young people, West 69.5 over 40.
        let y = reports[0]
        XCTAssertEqual(y.districts.map(\.children), [60, 40])
        XCTAssertEqual(y.districts[0].need, 39.5, accuracy: 1e-9)
        XCTAssertEqual(y.districts[1].needPerChild, 69.5 / 40, accuracy: 1e-12)
        XCTAssertEqual(y.districts[0].shareOfNeed, 39.5 / 109, accuracy: 1e-12)
        XCTAssertEqual(y.districts.map(\.rank), [2, 1])
        XCTAssertEqual(y.districts.map(\.sites), [1, 1])
        XCTAssertEqual(y.districts.map(\.visits), [20, 60])
        // Within 30 minutes S1 reaches A1, A2; S2 reaches A3 and A2 (25): A2 is reached by both.
        XCTAssertEqual(y.sites.map(\.site), [0, 1])
        XCTAssertEqual(y.sites[0].need, 39.5, accuracy: 1e-9)
        XCTAssertEqual(y.sites[0].uniqueNeed, 2, accuracy: 1e-9)
        XCTAssertEqual(y.sites[1].need, 107, accuracy: 1e-9)
        XCTAssertEqual(y.sites[1].uniqueNeed, 69.5, accuracy: 1e-9)
        XCTAssertEqual(y.sites.map(\.visits), [20, 60])
        XCTAssertEqual(y.sites.map(\.visitsFromCatchment), [20, 60])
        XCTAssertEqual(y.sites.map(\.rank), [2, 1])

        // early_years, weights [170, 100, 130]: only S1 can host it; within 20 minutes it reaches
        // A1 and A2 (270, all its own); of its 40 visits the 30 from A1 are from its catchment.
        let e = reports[1]
        XCTAssertEqual(e.districts.map(\.sites), [1, 0])
        XCTAssertEqual(e.sites.map(\.site), [0])
        XCTAssertEqual(e.sites[0].need, 270, accuracy: 1e-9)
        XCTAssertEqual(e.sites[0].uniqueNeed, 270, accuracy: 1e-9)
        XCTAssertEqual(e.sites[0].visits, 40)
        XCTAssertEqual(e.sites[0].visitsFromCatchment, 30)
        XCTAssertEqual(e.sites[0].rank, 1)

        // A v1 scenario has no service tables.
        XCTAssertTrue(try Scenario(needs: needs).serviceNeedReports(for: dataset, scores: scores, travel: travel).isEmpty)
    }

    func testABadPopulationCellNamesTheAreaAndTheService() throws {
        let base = dataset()
        var indicators = IndicatorTable()
        indicators.append(name: "imd", values: [1, 2, 3])
        indicators.append(name: "young", values: [10, -5, .nan])
        let dataset = Dataset(districts: base.districts, areas: base.areas, sites: base.sites, usage: base.usage, indicators: indicators)
        let scores = try NeedScores(dataset: dataset, needs: nil)
        XCTAssertThrowsError(try ServiceNeed.all([youth, earlyYears], dataset: dataset, scores: scores)) { error in
            let text = (error as! InputErrors).description
            XCTAssertTrue(text.contains("area A2 (service youth)") && text.contains("area A3 (service youth)"), text)
        }
    }
}
