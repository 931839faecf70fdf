import Foundation
import XCTest

/// `estate score` on the default Kent scenario (the Family Hub Network) writes the need tables
/// per service, checked against the dataset's own files; a v1 scenario writes none.
final class ScoreCommandTests: XCTestCase {
    func testDefaultScoreWritesNeedTablesPerService() throws {
        let scratch = try Scratch()
        let run = try EstateRun.run(["score", "--out", scratch.path("scores")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("district_service_need.csv, site_service_need.csv"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Services: the neediest district per person"), run.stdout)
        let kent = packageRoot.appendingPathComponent("datasets/kent")
        let areas = parseCSV(try String(contentsOf: kent.appendingPathComponent("areas.csv"), encoding: .utf8)).rows
        let sites = parseCSV(try String(contentsOf: kent.appendingPathComponent("sites.csv"), encoding: .utf8)).rows
        let usage = parseCSV(try String(contentsOf: kent.appendingPathComponent("usage.csv"), encoding: .utf8)).rows

        let districts = parseCSV(try scratch.read("scores/district_service_need.csv")).rows
        XCTAssertEqual(districts.count, 11 * 12, "a row per service and district")
        for (service, column) in [("early_years", "children_0_4"), ("youth_activities", "young_people_11_19"),
                                  ("send_advice", "send_0_25"), ("domestic_abuse", "children")] {
            let rows = districts.filter { $0["service"] == service }
            XCTAssertEqual(rows.reduce(0) { $0 + Double($1["population"]!)! }, areas.reduce(0) { $0 + Double($1[column]!)! },
                           "\(service) counts \(column)")
            XCTAssertEqual(rows.reduce(0) { $0 + Double($1["share_of_need"]!)! }, 1, accuracy: 1e-3)
            // Its visits are its own usage rows.
            XCTAssertEqual(rows.reduce(0) { $0 + Double($1["visits"]!)! },
                           usage.filter { $0["service"] == service }.reduce(0) { $0 + Double($1["visits"]!)! }, service)
            XCTAssertEqual(rows.map { Int($0["rank"]!)! }, Array(1...12))
        }

        let siteRows = parseCSV(try scratch.read("scores/site_service_need.csv")).rows
        let hosts = Dictionary(uniqueKeysWithValues: sites.map { ($0["site_id"]!, Set($0["services"]!.split(separator: ";").map(String.init))) })
        for row in siteRows { XCTAssertTrue(hosts[row["site_id"]!]!.contains(row["service"]!), "\(row)") }
        for service in ["early_years", "youth_activities", "domestic_abuse"] {
            XCTAssertEqual(siteRows.filter { $0["service"] == service }.count, hosts.values.filter { $0.contains(service) }.count,
                           "a row per site able to host \(service)")
        }
        XCTAssertTrue(siteRows.contains { $0["service"] == "debt_welfare" && $0["kind"] == "partner" })
        XCTAssertEqual(Set(siteRows.filter { $0["service"] == "youth_activities" }.map { $0["coverage_minutes"]! }), ["30"])

        let v1 = try EstateRun.run(["score", kentBuildingsOnly, "--out", scratch.path("v1")])
        XCTAssertEqual(v1.status, 0, v1.stderr)
        XCTAssertFalse(scratch.exists("v1/district_service_need.csv"))
        XCTAssertTrue(scratch.exists("v1/district_need.csv"))
    }
}
