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

    /// `districts.csv` of a v2 plan adds the services' weighted coverage of each district,
    /// recomputed here from `area_services.csv` (weights 2, 1, 1, 1; outreach at 0.5), its Family
    /// Hubs from `sites.csv`, and its service and outreach cost, which `services.csv` gives per
    /// service.
    func testDistrictsAddTheServicesCoverageOfAreaServices() throws {
        let scratch = try Self.folder()
        let run = try EstateRun.run(["plan", "plan.yaml", "--out", "out", "--quiet"], in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let districts = parseCSV(try scratch.read("out/districts.csv"))
        XCTAssertEqual(districts.header, ["district", "sites_kept", "sites_closed", "cost", "carbon", "need", "coverage", "median_minutes",
                                          "worst_minutes", "areas_without_hub", "service_coverage", "family_hubs", "service_cost",
                                          "outreach_cost"])
        let district = Dictionary(uniqueKeysWithValues: parseCSV(ServicePlanCommandTests.areas).rows.map { ($0["area_id"]!, $0["district"]!) })
        let weight = ["early_years": 2.0, "parenting": 1, "youth": 1, "advice": 1], value = 0.5
        var covered: [String: Double] = [:], total: [String: Double] = [:]
        for row in parseCSV(try scratch.read("out/area_services.csv")).rows {
            let d = district[row["area_id"]!]!, w = weight[row["service"]!]! * Double(row["weight"]!)!
            total[d, default: 0] += w
            covered[d, default: 0] += w * (Double(row["covered"]!)! + value * Double(row["outreach"]!)!)
        }
        let sites = parseCSV(try scratch.read("out/sites.csv")).rows
        let services = parseCSV(try scratch.read("out/services.csv")).rows
        XCTAssertEqual(districts.rows.map { $0["district"]! }.sorted(), ["North", "South"])
        var hubs = 0
        for row in districts.rows {
            let d = row["district"]!
            XCTAssertEqual(Double(row["service_coverage"]!)!, covered[d]! / total[d]!, accuracy: 6e-4, d)
            let familyHubs = sites.filter { $0["district"] == d && $0["family_hub"] == "true" }.count
            XCTAssertEqual(Int(row["family_hubs"]!)!, familyHubs, d)
            hubs += familyHubs
            let cost = services.filter { $0["district"] == d }.reduce(0.0) { $0 + Double($1["cost"]!)! }
            XCTAssertEqual(Double(row["service_cost"]!)! + Double(row["outreach_cost"]!)!, cost, accuracy: 4, d)
        }
        XCTAssertGreaterThan(hubs, 0, "the scenario asks a Family Hub per district")
        XCTAssertTrue(districts.rows.contains { Double($0["service_coverage"]!)! < 1 }, "a check that cannot fail when all is covered")
    }

    func testMapAndReportShowEachService() throws {
        let scratch = try Self.folder()
        XCTAssertEqual(try EstateRun.run(["plan", "plan.yaml", "--out", "out", "--quiet"], in: scratch.url).status, 0)
        let html = try scratch.read("out/estate.html")
        // The map names services as the scenario does (`name:`, else the code in words).
        for (k, name) in ["Early years (0-5)", "parenting", "youth", "advice"].enumerated() {
            XCTAssertTrue(html.contains("<option value=\"layer-service-\(k)\">\(name)</option>"), name)
        }
        XCTAssertTrue(html.contains("Early years (0-5), parenting"), "a Family Hub's services in its details, by name")
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
        // Services are named in words in every table, as in the district table's headers.
        XCTAssertFalse(section.contains("early_years"), "a code where the report names the service")
        XCTAssertEqual(section.components(separatedBy: "<td>Early years (0-5)</td>").count - 1, 2, "the totals and the equality table")
        // A service without a figure ("-": advice has no usage, so no share displaced) aligns
        // with the numbers of its column.
        XCTAssertTrue(section.contains("<td class=\"num\">-</td>"), "a dash in a column of numbers")
        XCTAssertFalse(section.contains("<td>-</td>"), "a dash left-aligned beside right-aligned numbers")
        XCTAssertTrue(section.contains("<th>Early years (0-5)</th>"), "the district table's header")
        // The names come from the folder's summary.json, which records them.
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("out/summary.json").utf8)) as! [String: Any]
        let listed = (summary["scenario"] as! [String: Any])["services"] as! [[String: String]]
        XCTAssertEqual(listed, [["code": "early_years", "name": "Early years (0-5)"], ["code": "parenting", "name": "parenting"],
                                ["code": "youth", "name": "youth"], ["code": "advice", "name": "advice"]])
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
        for name in ["Early years (0-5)", "parenting", "youth", "advice"] { XCTAssertTrue(compare.stdout.contains("\(name) covered"), compare.stdout) }
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

    /// The difference map of two v2 options has a coverage-change layer per service and says on
    /// each area which services it loses and gains, re-derived here from both plans'
    /// `area_services.csv`: an area counts as reached when buildings and outreach together reach
    /// at least half of it. The standalone SVG has no selector, so it carries none of these layers.
    func testDifferenceMapHasALayerPerServiceFromBothAreaServices() throws {
        let scratch = try Self.folder()
        try scratch.write("tight.yaml", ServicePlanCommandTests.scenario.replacingOccurrences(of: "budget: 230000", with: "budget: 150000")
            .replacingOccurrences(of: "family_hubs: {core: [early_years, parenting], per_district: 1}\n", with: ""))
        XCTAssertEqual(try EstateRun.run(["plan", "plan.yaml", "--out", "a", "--quiet"], in: scratch.url).status, 0)
        XCTAssertEqual(try EstateRun.run(["plan", "tight.yaml", "--out", "b", "--quiet"], in: scratch.url).status, 0)
        let compare = try EstateRun.run(["compare", "a", "b", "--out", "ab", "--quiet"], in: scratch.url)
        XCTAssertEqual(compare.status, 0, compare.stderr)
        let html = try scratch.read("ab/compare.html")
        let codes = ["early_years", "parenting", "youth", "advice"]
        let names = ["early_years": "Early years (0-5)", "parenting": "parenting", "youth": "youth", "advice": "advice"]
        for (k, code) in codes.enumerated() {
            XCTAssertTrue(html.contains("<option value=\"layer-service-\(k)\">\(names[code]!)</option>"), code)
            XCTAssertTrue(html.contains("id=\"layer-service-\(k)\""), code)
        }
        XCTAssertFalse(try scratch.read("ab/compare.svg").contains("layer-service-"))

        func reached(_ folder: String) throws -> [String: Set<String>] {
            var result: [String: Set<String>] = [:]
            for row in parseCSV(try scratch.read("\(folder)/area_services.csv")).rows
            where Double(row["covered"]!)! + Double(row["outreach"]!)! >= 0.5 - 1e-9 {
                result[row["area_id"]!, default: []].insert(row["service"]!)
            }
            return result
        }
        let before = try reached("a"), after = try reached("b")
        let json = try XCTUnwrap(html.components(separatedBy: "id=\"hover-data\">").dropFirst().first?.components(separatedBy: "</script>").first)
        let hover = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]])
        let header = try XCTUnwrap(hover["a"]?["h"] as? [String]), rows = try XCTUnwrap(hover["a"]?["r"] as? [[String]])
        let lostColumn = try XCTUnwrap(header.firstIndex(of: "Services lost")), gainedColumn = try XCTUnwrap(header.firstIndex(of: "Services gained"))
        var losses = 0
        for row in rows {
            let x = before[row[0]] ?? [], y = after[row[0]] ?? []
            let lost = codes.filter { x.contains($0) && !y.contains($0) }.map { names[$0]! }
            let gained = codes.filter { y.contains($0) && !x.contains($0) }.map { names[$0]! }
            XCTAssertEqual(row[lostColumn], lost.isEmpty ? "none" : lost.joined(separator: ", "), row[0])
            XCTAssertEqual(row[gainedColumn], gained.isEmpty ? "none" : gained.joined(separator: ", "), row[0])
            losses += lost.count
        }
        XCTAssertEqual(rows.count, parseCSV(ServicePlanCommandTests.areas).rows.count)
        XCTAssertGreaterThan(losses, 0, "the tighter option reaches fewer areas with some service")
    }

    /// `estate compare` of two v2 options says which services move or are lost in each district
    /// (terminal, difference map page, report), re-derived from each plan's `sites.csv`: a
    /// district loses a service when no building of it offers the service in B, and the service
    /// moves when B offers it at other buildings there.
    func testCompareSaysWhichServicesMoveOrAreLostByDistrict() throws {
        let scratch = try Self.folder()
        try scratch.write("tight.yaml", ServicePlanCommandTests.scenario.replacingOccurrences(of: "budget: 230000", with: "budget: 150000")
            .replacingOccurrences(of: "family_hubs: {core: [early_years, parenting], per_district: 1}\n", with: ""))
        XCTAssertEqual(try EstateRun.run(["plan", "plan.yaml", "--out", "a", "--quiet"], in: scratch.url).status, 0)
        let tight = try EstateRun.run(["plan", "tight.yaml", "--out", "b", "--quiet"], in: scratch.url)
        XCTAssertEqual(tight.status, 0, tight.stderr)
        func offering(_ folder: String) throws -> [String: [String: Set<String>]] {
            var result: [String: [String: Set<String>]] = [:]
            for site in parseCSV(try scratch.read("\(folder)/sites.csv")).rows {
                for code in site["services_offered"]!.split(separator: ";") {
                    result[site["district"]!, default: [:]][String(code), default: []].insert(site["name"]!)
                }
            }
            return result
        }
        let a = try offering("a"), b = try offering("b")
        // Services by name, as the scenario's `name:` (else the code in words) gives them.
        let names = ["early_years": "Early years (0-5)", "parenting": "parenting", "youth": "youth", "advice": "advice"]
        var expected: [(district: String, service: String, kind: String, stops: Set<String>, starts: Set<String>)] = []
        for district in ["North", "South"] {
            for code in ["early_years", "parenting", "youth", "advice"] {
                let x = a[district]?[code] ?? [], y = b[district]?[code] ?? []
                guard x != y else { continue }
                expected.append((district, names[code]!, y.isEmpty ? "lost" : x.isEmpty ? "gained" : "moved", x.subtracting(y), y.subtracting(x)))
            }
        }
        XCTAssertTrue(expected.contains { $0.kind == "lost" }, "the tighter option loses a service somewhere: \(expected)")

        let compare = try EstateRun.run(["compare", "a", "b", "--out", "ab"], in: scratch.url)
        XCTAssertEqual(compare.status, 0, compare.stderr)
        XCTAssertTrue(compare.stdout.contains("services in b against a, by district:"), compare.stdout)
        for district in Set(expected.map(\.district)) {
            let line = try XCTUnwrap(compare.stdout.split(separator: "\n").first { $0.hasPrefix("    \(district): ") }, compare.stdout)
            for shift in expected where shift.district == district {
                XCTAssertTrue(line.contains(shift.kind + " ") && line.contains(shift.service), "\(shift) in: \(line)")
            }
        }
        // Coverage side by side names its two measures, each option's from its summary.json.
        let building = try ["a", "b"].map { folder -> String in
            let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("\(folder)/summary.json").utf8)) as! [String: Any]
            let share = (summary["totals"] as! [String: Any])["building_coverage"] as! Double
            return String(format: "%.1f%%", share * 100) + " in 15 min"
        }
        let reach = try XCTUnwrap(compare.stdout.split(separator: "\n").first { $0.contains("children's need within reach of any kept building") })
        XCTAssertTrue(reach.contains(building[0] + " ") && reach.hasSuffix(building[1]), "\(reach) \(building)")
        XCTAssertTrue(compare.stdout.contains("services covered, each within its standard"), compare.stdout)
        // A single plan's report labels the two figures in the same words as the comparison.
        XCTAssertEqual(try EstateRun.run(["report", "a", "--out", "single.html", "--no-pdf"], in: scratch.url).status, 0)
        let single = try scratch.read("single.html")
        for label in ["Services covered, each within its standard", "Children&#39;s need within reach of any kept building"] {
            XCTAssertTrue(single.contains("<th scope=\"row\">\(label)</th>"), label)
        }
        let page = try scratch.read("ab/compare.html")
        XCTAssertTrue(page.contains("Services lost / moved"), "the title block counts them")
        let report = try EstateRun.run(["report", "a", "b", "--out", "report.html", "--no-pdf"], in: scratch.url)
        XCTAssertEqual(report.status, 0, report.stderr)
        for (file, text) in [("compare.html", page), ("report.html", try scratch.read("report.html"))] {
            let rows = text.components(separatedBy: "<tr>").filter { $0.contains("<td>North</td>") || $0.contains("<td>South</td>") }
            for shift in expected {
                let row = try XCTUnwrap(rows.first { $0.contains("<td>\(shift.district)</td><td>\(shift.service)</td>") },
                                        "\(file) has a row for \(shift.service) in \(shift.district)")
                for name in shift.stops.union(shift.starts) { XCTAssertTrue(row.contains(name), "\(file): \(name) in \(row)") }
            }
        }
    }

    /// `capacity: single` with services: each area's demand for a service goes whole to one kept
    /// site offering it; hubs.csv adds up each building's load over its services, within its
    /// capacity; displaced.csv sends each closing site's visits where their service is assigned.
    func testSingleSourcedServicesWriteHubsAndDisplacedTables() throws {
        let scratch = try Self.folder()
        let sites = ServicePlanCommandTests.sites
            .replacingOccurrences(of: "100000,20,,", with: "100000,20,900,")
            .replacingOccurrences(of: "90000,18,,", with: "90000,18,1200,")
            .replacingOccurrences(of: "80000,15,,", with: "80000,15,700,")
        try scratch.write("data/sites.csv", sites)
        try scratch.write("single.yaml", ServicePlanCommandTests.scenario
            .replacingOccurrences(of: "constraints: {budget: 230000}", with: "constraints: {budget: 230000, capacity: single}"))
        let run = try EstateRun.run(["plan", "single.yaml", "--out", "out", "--quiet"], in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let areas = Dictionary(uniqueKeysWithValues: parseCSV(ServicePlanCommandTests.areas).rows.map { ($0["area_id"]!, $0) })
        let column = ["early_years": "children_0_4", "parenting": "children_0_4", "youth": "young_people", "advice": "children"]
        let usage = ["N1|early_years": 300.0, "S1|youth": 200.0]
        var load: [String: Double] = [:]
        for row in parseCSV(try scratch.read("out/area_services.csv")).rows where !row["site_id"]!.isEmpty {
            let key = row["area_id"]! + "|" + row["service"]!
            XCTAssertTrue(["0", "1"].contains(row["covered"]!), "single sourcing covers whole or not at all: \(row)")
            load[row["site_id"]!, default: 0] += usage[key] ?? Double(areas[row["area_id"]!]![column[row["service"]!]!]!)!
        }
        let hubs = parseCSV(try scratch.read("out/hubs.csv")).rows
        let kept = parseCSV(try scratch.read("out/sites.csv")).rows.filter { $0["decision"] == "kept" }.map { $0["site_id"]! }
        XCTAssertEqual(hubs.map { $0["site_id"]! }.sorted(), kept.sorted())
        for hub in hubs {
            XCTAssertEqual(Double(hub["load"]!)!, load[hub["site_id"]!] ?? 0, accuracy: 0.51, "\(hub)")
            if let capacity = Double(hub["capacity"]!) { XCTAssertLessThanOrEqual(Double(hub["load"]!)!, capacity + 0.5, "\(hub)") }
        }
        XCTAssertEqual(parseCSV(try scratch.read("out/displaced.csv")).header, ["closed_site_id", "receiving_site_id", "visits"])
        let summary = try scratch.read("out/summary.json")
        XCTAssertTrue(summary.contains("\"capacity\" : \"single\"") || summary.contains("\"capacity\":\"single\""), summary)
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
