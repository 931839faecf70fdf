import Foundation
import XCTest

/// `estate plan`, `batch` and `compare` on a v2 scenario (services, Family Hubs, partner
/// buildings, outreach) over a small dataset, checked file against file as a user would read them.
final class ServicePlanCommandTests: XCTestCase {
    static let areas = """
        area_id,district,lat,lon,children,children_0_4,young_people
        N1,North,51.300,0.500,400,120,150
        N2,North,51.310,0.560,300,90,100
        N3,North,51.330,0.700,200,50,90
        S1,South,51.100,0.500,500,160,170
        S2,South,51.090,0.580,350,100,120
        S3,South,51.060,0.750,150,40,60

        """
    static let sites = """
        site_id,name,kind,district,lat,lon,annual_cost,carbon,capacity,status,services
        H1,North Centre,childrens_centre,North,51.302,0.510,100000,20,,candidate,early_years;parenting
        H2,North Youth Hub,youth_hub,North,51.320,0.620,60000,12,,candidate,youth
        H3,South Centre,childrens_centre,South,51.098,0.520,90000,18,,candidate,early_years;parenting;youth
        H4,South Hall,childrens_centre,South,51.070,0.700,80000,15,,candidate,
        P1,South Library,partner,South,51.092,0.575,0,0,,candidate,advice

        """
    static let usage = """
        site_id,area_id,service,visits
        H1,N1,early_years,300
        H3,S1,youth,200

        """
    static let scenario = """
        name: Family Hub Network
        dataset: data
        objective: max_coverage
        coverage_minutes: 15
        constraints: {budget: 230000}
        services:
          - {code: early_years, name: "Early years (0-5)", population: children_0_4, cost_per_site: 5000, weight: 2}
          - {code: parenting, population: children_0_4}
          - {code: youth, population: young_people, coverage_minutes: 25, cost_per_site: 4000}
          - {code: advice, population: children}
        family_hubs: {core: [early_years, parenting], per_district: 1}
        outreach: {cost_per_person: 10, services: [youth], value: 0.5}

        """

    private func folder() throws -> Scratch {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("data"), withIntermediateDirectories: true)
        try scratch.write("data/areas.csv", Self.areas)
        try scratch.write("data/sites.csv", Self.sites)
        try scratch.write("data/usage.csv", Self.usage)
        try scratch.write("plan.yaml", Self.scenario)
        return scratch
    }

    func testPlanWritesServicesFamilyHubsAndTotalsThatAgree() throws {
        let scratch = try folder()
        let run = try EstateRun.run(["plan", "plan.yaml", "--out", "out"], in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("status optimal"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Family Hubs "), run.stdout)
        // The terminal names each service: its `name:`, else its code in words; never the code.
        for name in ["Early years (0-5)", "parenting", "youth", "advice"] {
            XCTAssertTrue(run.stdout.contains("\n  \(name) "), run.stdout)
        }
        XCTAssertFalse(run.stdout.contains("early_years"), run.stdout)

        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("out/summary.json").utf8)) as! [String: Any]
        let totals = summary["totals"] as! [String: Any]
        let sites = parseCSV(try scratch.read("out/sites.csv"))
        XCTAssertTrue(sites.header.suffix(2) == ["services_offered", "family_hub"], "\(sites.header)")
        let hostable = ["H1": ["early_years", "parenting"], "H2": ["youth"], "H3": ["early_years", "parenting", "youth"],
                        "H4": ["early_years", "parenting", "youth", "advice"], "P1": ["advice"]]
        var hubs = 0, serviceCost = 0.0, buildingCost = 0.0
        var hubDistricts = Set<String>()
        for site in sites.rows {
            let offered = site["services_offered"]!.split(separator: ";").map(String.init)
            if site["decision"] == "closed" { XCTAssertEqual(offered, []) } else { buildingCost += Double(site["annual_cost"]!)! }
            XCTAssertTrue(Set(offered).isSubset(of: hostable[site["site_id"]!]!), "\(site)")
            serviceCost += offered.reduce(0.0) { $0 + ($1 == "early_years" ? 5000 : $1 == "youth" ? 4000 : 0) }
            if site["family_hub"] == "true" {
                hubs += 1
                hubDistricts.insert(site["district"]!)
                XCTAssertTrue(offered.contains("early_years") && offered.contains("parenting"), "\(site)")
            }
        }
        XCTAssertEqual(hubDistricts, ["North", "South"], "a Family Hub in every district")
        XCTAssertEqual(totals["family_hubs"] as? Int, hubs)
        XCTAssertEqual(totals["service_cost"] as! Double, serviceCost, accuracy: 0.01)
        let outreachCost = totals["outreach_cost"] as! Double
        XCTAssertEqual(totals["cost"] as! Double, buildingCost + serviceCost + outreachCost, accuracy: 0.01)
        XCTAssertLessThanOrEqual(totals["cost"] as! Double, 230_000 + 0.01, "the budget bounds buildings, services and outreach")

        // services.csv: a row per service and district plus a total; area_services.csv: per area and service.
        let services = parseCSV(try scratch.read("out/services.csv")).rows
        XCTAssertEqual(services.count, 4 * 3)
        let perService = totals["services"] as! [String: [String: Double]]
        for row in services where row["district"] == "total" {
            XCTAssertEqual(Double(row["covered_share"]!)!, perService[row["service"]!]!["coverage"]!, accuracy: 5e-4)
        }
        let areaServices = parseCSV(try scratch.read("out/area_services.csv")).rows
        XCTAssertEqual(areaServices.count, 6 * 4)
        for row in areaServices where row["service"] != "youth" { XCTAssertEqual(row["outreach"], "0") }
        // The objective is the weighted covered weight, as the totals say.
        XCTAssertEqual(summary["objective"] as! Double, totals["covered_weight"] as! Double, accuracy: 1e-3)
    }

    func testAV1ScenarioOnTheSameDataWritesNoServiceColumns() throws {
        let scratch = try folder()
        try scratch.write("v1.yaml", "dataset: data\nconstraints: {budget: 230000}\n")
        let run = try EstateRun.run(["plan", "v1.yaml", "--out", "v1", "--quiet"], in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(parseCSV(try scratch.read("v1/sites.csv")).header.contains("services_offered"))
        XCTAssertFalse(scratch.exists("v1/services.csv"))
        XCTAssertFalse(try scratch.read("v1/summary.json").contains("family_hubs"))
    }

    func testMissingPopulationColumnFailsNamingTheScenarioLine() throws {
        let scratch = try folder()
        try scratch.write("bad.yaml", Self.scenario.replacingOccurrences(of: "population: young_people", with: "population: teens"))
        let run = try EstateRun.run(["plan", "bad.yaml", "--out", "bad"], in: scratch.url)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("bad.yaml:9"), run.stderr)
        XCTAssertTrue(run.stderr.contains("services.2.population"), run.stderr)
        XCTAssertFalse(scratch.exists("bad"), "never half an output folder")
    }

    func testInfeasibleCoverageNamesServiceAndDistrict() throws {
        let scratch = try folder()
        try scratch.write("strict.yaml", Self.scenario.replacingOccurrences(
            of: "coverage_minutes: 25, cost_per_site: 4000}", with: "coverage_minutes: 1, cost_per_site: 4000, min_district_coverage: 1}"))
        let run = try EstateRun.run(["plan", "strict.yaml", "--out", "strict"], in: scratch.url)
        XCTAssertEqual(run.status, 3, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("youth coverage in North cannot reach 100.0%"), run.stdout)
        // Its report words the objective as a services plan's, although an infeasible run has no
        // totals to tell by: summary.json lists the scenario's services whatever the status.
        let report = try EstateRun.run(["report", "strict", "--out", "strict.html", "--no-pdf"], in: scratch.url)
        XCTAssertEqual(report.status, 0, report.stderr)
        let page = try scratch.read("strict.html")
        XCTAssertTrue(page.contains("cover the most of each service"), page)
        XCTAssertFalse(page.contains("reach the most need-weighted children"), "the buildings-only wording")
    }

    func testBatchAxisAddressesAServiceByCodeAndCompareReadsV2Plans() throws {
        let scratch = try folder()
        try scratch.write("batch.yaml", Self.scenario + "batch:\n  services.youth.min_coverage: [0.2, 0.99]\n")
        let batch = try EstateRun.run(["batch", "batch.yaml", "--out", "runs", "--quiet"], in: scratch.url)
        XCTAssertEqual(batch.status, 0, batch.stderr)
        let rows = parseCSV(try scratch.read("runs/results.csv")).rows
        XCTAssertEqual(rows.map { $0["services.youth.min_coverage"] ?? "?" }.sorted(), ["0.2", "0.99"])
        // The row of 0.2 is `estate plan` of the same scenario written out by hand.
        let single = Self.scenario.replacingOccurrences(of: "cost_per_site: 4000}", with: "cost_per_site: 4000, min_coverage: 0.2}")
        try scratch.write("single.yaml", single)
        XCTAssertEqual(try EstateRun.run(["plan", "single.yaml", "--out", "single", "--quiet"], in: scratch.url).status, 0)
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("single/summary.json").utf8)) as! [String: Any]
        let row = try XCTUnwrap(rows.first { $0["services.youth.min_coverage"] == "0.2" })
        XCTAssertEqual(Double(row["objective"]!)!, summary["objective"] as! Double, accuracy: 5e-4 + 1e-9)

        XCTAssertEqual(try EstateRun.run(["plan", "plan.yaml", "--out", "a", "--quiet"], in: scratch.url).status, 0)
        let compare = try EstateRun.run(["compare", "a", "single", "--out", "c"], in: scratch.url)
        XCTAssertEqual(compare.status, 0, compare.stderr)
    }

    /// The default plan is Kent's Family Hub Network: proven optimal, a Family Hub offering all 7
    /// core services in every district, each partner service within 30 minutes of at least 80% of
    /// its need-weighted population (partly from partners' venues), youth activities for at least
    /// 60% in every district, within the budget. Checked from the written files.
    func testDefaultPlanIsTheKentFamilyHubNetwork() throws {
        let scratch = try Scratch()
        let run = try EstateRun.run(["plan", "--out", scratch.path("fhn"), "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("fhn/summary.json").utf8)) as! [String: Any]
        XCTAssertEqual(summary["status"] as? String, "optimal")
        XCTAssertEqual(summary["gap"] as? Double, 0)
        XCTAssertEqual((summary["scenario"] as! [String: Any])["name"] as? String, "Kent Family Hub Network")
        // Every service has its name in words, as the Cabinet paper words it.
        let named = (summary["scenario"] as! [String: Any])["services"] as! [[String: String]]
        XCTAssertEqual(named.count, 11)
        XCTAssertTrue(named.allSatisfy { $0["name"] != $0["code"]!.replacingOccurrences(of: "_", with: " ") }, "\(named)")
        XCTAssertTrue(named.contains(["code": "send_advice", "name": "SEND advice"]))
        let core = ["parent_education", "early_years", "youth_activities", "send_advice", "mental_health", "adolescent_parents",
                    "online_safety"]
        let sites = parseCSV(try scratch.read("fhn/sites.csv")).rows
        let hubs = sites.filter { $0["family_hub"] == "true" }
        XCTAssertEqual(Set(hubs.map { $0["district"]! }).count, 12, "Kent's 12 districts each keep a Family Hub")
        for hub in hubs {
            XCTAssertEqual(hub["decision"], "kept")
            XCTAssertTrue(Set(core).isSubset(of: hub["services_offered"]!.split(separator: ";").map(String.init)), hub["site_id"]!)
        }
        let partners = sites.filter { $0["kind"] == "partner" && $0["decision"] == "kept" }
        XCTAssertFalse(partners.isEmpty, "partner services sit at partners' venues too")
        let totals = summary["totals"] as! [String: Any]
        let budget = ((summary["scenario"] as! [String: Any])["constraints"] as! [String: Any])["budget"] as! Double
        XCTAssertLessThanOrEqual(totals["cost"] as! Double, budget + 0.01)
        let services = totals["services"] as! [String: [String: Double]]
        for partner in ["substance_misuse", "domestic_abuse", "debt_welfare", "separating_parents"] {
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(services[partner]?["coverage"]), 0.8 - 1e-6, partner)
        }
        let youth = parseCSV(try scratch.read("fhn/services.csv")).rows
            .filter { $0["service"] == "youth_activities" && $0["district"] != "total" }
        XCTAssertEqual(youth.count, 12)
        for row in youth {
            // covered_share and outreach_share are written to 3 decimals; outreach counts half (value 0.5).
            XCTAssertGreaterThanOrEqual(Double(row["covered_share"]!)! + 0.5 * Double(row["outreach_share"]!)!, 0.6 - 0.001,
                                        row["district"]!)
        }
    }
}
