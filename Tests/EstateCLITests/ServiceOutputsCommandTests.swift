import Foundation
import XCTest

/// The v2 outputs beyond the tables: the equality tables of each service
/// (`service_equality.csv`), recomputed here from `areas.csv`, `area_services.csv` and
/// `sites.csv`; the map's per-service layers; the report's services section.
final class ServiceOutputsCommandTests: XCTestCase {
    static func folder() throws -> Scratch {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("data"), withIntermediateDirectories: true)
        try scratch.write("data/areas.csv", ServicePlanCommandTests.areas)
        try scratch.write("data/sites.csv", ServicePlanCommandTests.sites)
        try scratch.write("data/usage.csv", ServicePlanCommandTests.usage)
        try scratch.write("plan.yaml", ServicePlanCommandTests.scenario)
        return scratch
    }

    func testServiceEqualityTablesAgreeWithTheAreaAndSiteFiles() throws {
        let scratch = try Self.folder()
        let run = try EstateRun.run(["plan", "plan.yaml", "--out", "out", "--quiet"], in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let areas = parseCSV(ServicePlanCommandTests.areas).rows
        let areaServices = parseCSV(try scratch.read("out/area_services.csv")).rows
        let sites = parseCSV(try scratch.read("out/sites.csv")).rows
        let services = parseCSV(try scratch.read("out/services.csv")).rows
        let equality = parseCSV(try scratch.read("out/service_equality.csv"))
        XCTAssertEqual(Array(equality.header.prefix(6)), ["service", "group", "label", "areas", "population", "population_covered"])
        let column = ["early_years": "children_0_4", "parenting": "children_0_4", "youth": "young_people", "advice": "children"]
        let value = 0.5   // outreach value of the scenario
        for (code, populationColumn) in column {
            let rows = equality.rows.filter { $0["service"] == code }
            // all areas, deciles 1-6 (6 areas), most deprived 10% and 20%, two districts.
            XCTAssertEqual(rows.count, 1 + 6 + 2 + 2, code)
            for (group, members) in [("all areas", areas), ("North", areas.filter { $0["district"] == "North" }),
                                     ("South", areas.filter { $0["district"] == "South" })] {
                let row = try XCTUnwrap(rows.first { $0["label"] == group }, "\(code) \(group)")
                var population = 0.0, covered = 0.0, unreachable = 0
                for area in members {
                    let p = Double(area[populationColumn]!)!
                    let cell = try XCTUnwrap(areaServices.first { $0["area_id"] == area["area_id"] && $0["service"] == code })
                    population += p
                    covered += p * min(1, Double(cell["covered"]!)! + value * Double(cell["outreach"]!)!)
                    if cell["site_id"]!.isEmpty { unreachable += 1 }
                }
                XCTAssertEqual(Double(row["population"]!)!, population, accuracy: 0.051, "\(code) \(group)")
                XCTAssertEqual(Double(row["population_covered"]!)!, covered, accuracy: 0.051 + 1e-3 * population, "\(code) \(group)")
                XCTAssertEqual(Int(row["unreachable_areas"]!)!, unreachable, "\(code) \(group)")
                let district = group == "all areas" ? "total" : group
                let total = try XCTUnwrap(services.first { $0["service"] == code && $0["district"] == district })
                XCTAssertEqual(Double(row["weight_coverage"]!)!, Double(total["covered_share"]!)!, accuracy: 1e-3, "\(code) \(group)")
            }
        }
        // Usage of a service counts as displaced when its site does not offer it under the plan.
        let early = try XCTUnwrap(equality.rows.first { $0["service"] == "early_years" && $0["group"] == "all" })
        let h1 = try XCTUnwrap(sites.first { $0["site_id"] == "H1" })
        XCTAssertEqual(Double(early["visits"]!)!, 300)
        XCTAssertEqual(Double(early["visits_displaced"]!)!, h1["services_offered"]!.contains("early_years") ? 0 : 300)
        let advice = try XCTUnwrap(equality.rows.first { $0["service"] == "advice" && $0["group"] == "all" })
        XCTAssertEqual(advice["visits"], "0")
    }

    func testMapAndReportShowEachService() throws {
        let scratch = try Self.folder()
        XCTAssertEqual(try EstateRun.run(["plan", "plan.yaml", "--out", "out", "--quiet"], in: scratch.url).status, 0)
        let html = try scratch.read("out/estate.html")
        for (k, code) in ["early_years", "parenting", "youth", "advice"].enumerated() {
            XCTAssertTrue(html.contains("<option value=\"layer-service-\(k)\">\(code)</option>"), code)
        }
        let hubs = parseCSV(try scratch.read("out/sites.csv")).rows.filter { $0["family_hub"] == "true" }.count
        XCTAssertTrue(html.contains("Family Hub, every core service (\(hubs))"))
        XCTAssertTrue(try scratch.read("out/estate.svg").contains("Family Hub, every core service (\(hubs))"))

        let report = try EstateRun.run(["report", "out", "--out", "report.html"], in: scratch.url)
        XCTAssertEqual(report.status, 0, report.stderr)
        let page = try scratch.read("report.html")
        let section = try XCTUnwrap(page.components(separatedBy: "id=\"services\"").dropFirst().first)
        for heading in ["Coverage by district", "Equality impact by service"] { XCTAssertTrue(section.contains(heading), heading) }
        let youth = try XCTUnwrap(parseCSV(try scratch.read("out/services.csv")).rows.first { $0["service"] == "youth" && $0["district"] == "total" })
        let share = String(format: "%.1f%%", 100 * Double(youth["covered_share"]!)!)
        XCTAssertTrue(section.contains("<td>youth</td><td class=\"num\">\(share)</td>"), "youth's covered share in the report")
    }

    /// `estate compare` of two v2 options sets each service's coverage, outreach, sites and
    /// cost side by side (county and district), as each plan's services.csv has them.
    func testCompareShowsEachServiceSideBySide() throws {
        let scratch = try Self.folder()
        try scratch.write("tight.yaml", ServicePlanCommandTests.scenario.replacingOccurrences(of: "budget: 230000", with: "budget: 200000"))
        XCTAssertEqual(try EstateRun.run(["plan", "plan.yaml", "--out", "a", "--quiet"], in: scratch.url).status, 0)
        XCTAssertEqual(try EstateRun.run(["plan", "tight.yaml", "--out", "b", "--quiet"], in: scratch.url).status, 0)
        let compare = try EstateRun.run(["compare", "a", "b", "--out", "ab"], in: scratch.url)
        XCTAssertEqual(compare.status, 0, compare.stderr)
        for code in ["early_years", "parenting", "youth", "advice"] { XCTAssertTrue(compare.stdout.contains("\(code) covered"), compare.stdout) }
        let side = parseCSV(try scratch.read("ab/services.csv"))
        XCTAssertEqual(side.header, ["service", "district", "covered_share:a", "covered_share:b", "outreach_share:a", "outreach_share:b",
                                     "sites_offering:a", "sites_offering:b", "cost:a", "cost:b"])
        XCTAssertEqual(side.rows.count, 4 * 3)
        for option in ["a", "b"] {
            for row in parseCSV(try scratch.read("\(option)/services.csv")).rows {
                let match = try XCTUnwrap(side.rows.first { $0["service"] == row["service"] && $0["district"] == row["district"] })
                for measure in ["covered_share", "outreach_share", "sites_offering", "cost"] {
                    XCTAssertEqual(match["\(measure):\(option)"], row[measure], "\(option) \(row)")
                }
            }
        }
    }

    func testAFolderWithOneServiceFileWithoutTheOtherIsRefused() throws {
        let scratch = try Self.folder()
        XCTAssertEqual(try EstateRun.run(["plan", "plan.yaml", "--out", "out", "--quiet"], in: scratch.url).status, 0)
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("out/service_equality.csv"))
        let report = try EstateRun.run(["report", "out", "--out", "report.html"], in: scratch.url)
        XCTAssertEqual(report.status, 1)
        XCTAssertTrue(report.stderr.contains("service_equality.csv"), report.stderr)
    }
}
