import Estate
import Foundation
import Planning
import Reports
import XCTest

/// The cabinet-paper figures of a plan, on an instance small enough to work out by hand.
///
/// Areas A0, A1, A2 (100, 200, 300 children, one district); sites S0, S1, S2 costing 100, 200,
/// 300 with carbon 1, 2, 3; minutes A0-S0 5, A0-S1 8, A1-S1 4, A1-S2 15, A2-S2 6; coverage
/// within 10 minutes, exactly two sites. Keeping S1 and S2 covers everyone (600), every other
/// pair covers less, so S0 closes. Usage: A0 makes 10 visits to S0 and 50 to S1, A1 30 to S1.
final class PlanTablesTests: XCTestCase {
    private func context() throws -> PlanContext {
        let areas = [
            Area(id: "A0", district: 0, latitude: 51, longitude: 0, children: 100),
            Area(id: "A1", district: 0, latitude: 51, longitude: 0.1, children: 200),
            Area(id: "A2", district: 0, latitude: 51, longitude: 0.2, children: 300),
        ]
        var sites: [Site] = []
        for j in 0 ..< 3 {
            let scale = Double(j + 1)
            sites.append(Site(id: "S\(j)", name: "Site \(j)", kind: "childrens_centre", district: 0, latitude: 51,
                              longitude: scale / 10 - 0.1, annualCost: scale * 100, carbon: scale))
        }
        let travel = try TravelTimes(areaCount: 3, siteCount: 3, pairAreas: [0, 0, 1, 1, 2], pairSites: [0, 1, 1, 2, 2],
                                     pairMinutes: [5, 8, 4, 15, 6])
        let usage = [UsageRecord(site: 0, area: 0, service: "", visits: 10), UsageRecord(site: 1, area: 0, service: "", visits: 50),
                     UsageRecord(site: 1, area: 1, service: "", visits: 30)]
        let dataset = Dataset(source: "hand", districts: ["East"], areas: areas, sites: sites, usage: usage, travel: travel)
        let scenario = Scenario(objective: .maxCoverage, coverageMinutes: 10, constraints: Constraints(sites: .exactly(2)))
        return try PlanPipeline.run(scenario: scenario, dataset: dataset)
    }

    func testSiteRowsGiveServedUniqueAndDisplacedFigures() throws {
        let context = try context()
        XCTAssertEqual(context.plan.status, .optimal)
        XCTAssertEqual(context.plan.keep, [false, true, true])
        let rows = PlanTables(context).sites
        XCTAssertEqual(rows.map(\.needServed), [0, 300, 300])
        XCTAssertEqual(rows.map(\.uniqueNeed), [0, 300, 300])
        XCTAssertEqual(rows.map(\.visits), [10, 80, 0])
        XCTAssertEqual(rows.map(\.visitsDisplaced), [10, 0, 0])
        XCTAssertEqual(rows[0].nearestKeptSite, 1, "S0's users (A0) now go to S1")
        XCTAssertEqual(rows[0].extraMinutes, 3, "A0: 8 minutes to S1 instead of 5 to S0")
        XCTAssertNil(rows[1].nearestKeptSite)
    }

    func testDistrictRowAndTotalsAgree() throws {
        let tables = PlanTables(try context())
        let d = try XCTUnwrap(tables.districts.first)
        XCTAssertEqual([d.sitesKept, d.sitesClosed, d.areasWithoutHub], [2, 1, 0])
        XCTAssertEqual([d.cost, d.carbon, d.need, d.coverage], [500, 5, 600, 1])
        XCTAssertEqual(d.medianMinutes, 6, "minutes 8, 4, 6")
        XCTAssertEqual(d.worstMinutes, 8)
        let t = tables.totals
        XCTAssertEqual([t.cost, t.saving, t.carbon, t.carbonSaving, t.coverage, t.visitsDisplaced], [500, 100, 5, 1, 1, 10])
        let expectedMinutes: Double = 100 * 8 + 200 * 4 + 300 * 6
        XCTAssertEqual(t.weightedMinutes, expectedMinutes)
    }

    func testFilesAreWrittenInFullAndDeterministically() throws {
        // The same plan: two solves differ only in their wall-clock time (which the workbook
        // reports), so it is fixed here, or a loaded machine fails the comparison.
        var one = try context(), two = try context()
        one.plan.seconds = 0
        two.plan.seconds = 0
        let first = try PlanFiles.make(one, engineVersion: "test")
        let second = try PlanFiles.make(two, engineVersion: "test")
        XCTAssertEqual(first.map(\.name), ["areas.csv", "areas.geojson", "districts.csv", "districts.geojson", "equality.csv",
                                           "estate.geojson", "estate.gpkg", "estate.html", "estate.svg", "estate.xlsx", "sites.csv",
                                           "sites.geojson",
                                           "summary.json", "unreachable_areas.csv"])
        for (a, b) in zip(first, second) where a.name != "summary.json" { XCTAssertEqual(a.contents, b.contents, a.name) }
        let sites = String(decoding: first.first { $0.name == "sites.csv" }!.contents, as: UTF8.self)
        XCTAssertEqual(sites.split(separator: "\n")[1],
                       "S0,Site 0,childrens_centre,East,closed,candidate,100,1,,0,0,10,10,S1,3")
    }
    /// `summary.json` names the areas a `min_travel` plan leaves out of its travel sum (no site
    /// at all within the horizon: here A3, with no pair), and no area for a question that sums no
    /// travel; `unreachable_areas.csv` lists A3 (beyond the coverage standard) under both.
    func testSummaryNamesTheAreasLeftOutOfTheTravelSum() throws {
        let areas = (0 ..< 4).map { Area(id: "A\($0)", district: 0, latitude: 51, longitude: Double($0) / 10, children: 100) }
        let sites = (0 ..< 2).map {
            Site(id: "S\($0)", name: "Site \($0)", kind: "childrens_centre", district: 0, latitude: 51,
                 longitude: Double($0) / 10, annualCost: 100, carbon: 1)
        }
        let travel = try TravelTimes(areaCount: 4, siteCount: 2, pairAreas: [0, 1, 1, 2], pairSites: [0, 0, 1, 1],
                                     pairMinutes: [5, 12, 6, 9])
        let dataset = Dataset(source: "hand", districts: ["East"], areas: areas, sites: sites, usage: [], travel: travel)
        for (objective, expected) in [(Objective.minTravel, ["A3"]), (.maxCoverage, [])] {
            let scenario = Scenario(objective: objective, coverageMinutes: 10, constraints: Constraints(sites: .exactly(2)))
            let context = try PlanPipeline.run(scenario: scenario, dataset: dataset)
            XCTAssertTrue(context.plan.status.hasPlan, "\(objective)")
            let files = try PlanFiles.make(context, engineVersion: "test")
            let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(files.first { $0.name == "summary.json" }!.contents))
                as? [String: Any])
            XCTAssertEqual(summary["unreachable_areas"] as? [String], expected, "\(objective)")
            let reductions = try XCTUnwrap(summary["reductions"] as? [String: Any])
            XCTAssertEqual(reductions["areas_unreachable"] as? Int, expected.count, "\(objective)")
            let listed = String(decoding: files.first { $0.name == "unreachable_areas.csv" }!.contents, as: UTF8.self)
            XCTAssertEqual(listed.split(separator: "\n").dropFirst().map { String($0.prefix(3)) }, ["A3,"], "\(objective)")
        }
    }
}
