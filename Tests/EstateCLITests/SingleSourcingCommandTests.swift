import Foundation
import XCTest

/// `capacity: single` and zero minutes through `estate plan`, on hand-made datasets whose answers
/// were worked out by enumerating every choice of two sites and every assignment.
final class SingleSourcingCommandTests: XCTestCase {
    /// Four areas of 6, 6, 4 and 4 visits, three sites of capacity 10 (cost 100, 200, 300), keep
    /// exactly two, least travel. Enumeration: 16 minutes at best, with {S1, S2} (cost 300) or
    /// {S2, S3} (cost 500); on {S1, S2} P3 goes to S2 and P4 to S1 in every optimal assignment,
    /// and each hub carries 10 visits.
    func testSingleSourcedPlanNamesOneHubPerAreaLoadsAndDisplacedVisits() throws {
        let scratch = try Scratch()
        try scratch.write("areas.csv", """
            area_id,district,lat,lon,children
            P1,D,51.00,1.00,1
            P2,D,51.01,1.00,1
            P3,D,51.02,1.00,1
            P4,D,51.03,1.00,1

            """)
        try scratch.write("sites.csv", """
            site_id,name,kind,district,lat,lon,annual_cost,carbon,capacity
            S1,One,hub,D,51.00,1.01,100,1,10
            S2,Two,hub,D,51.01,1.01,200,1,10
            S3,Three,hub,D,51.02,1.01,300,1,10

            """)
        try scratch.write("usage.csv", """
            site_id,area_id,service,visits
            S1,P1,all,6
            S1,P2,all,6
            S3,P3,all,4
            S3,P4,all,4

            """)
        var travel = "area_id,site_id,minutes\n"
        let minutes = ["P1": [1, 3, 9], "P2": [2, 4, 9], "P3": [9, 2, 1], "P4": [9, 3, 2]]
        for (area, row) in minutes.sorted(by: { $0.key < $1.key }) {
            for (k, t) in row.enumerated() { travel += "\(area),S\(k + 1),\(t)\n" }
        }
        try scratch.write("travel.csv", travel)
        try scratch.write("scenario.yaml", """
            dataset: .
            objective: min_travel
            constraints:
              sites: {exactly: 2}
              capacity: single

            """)
        let run = try EstateRun.run(["plan", scratch.path("scenario.yaml"), "--out", scratch.path("plan"), "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("plan/summary.json").utf8)) as! [String: Any]
        XCTAssertEqual(summary["status"] as? String, "optimal")
        XCTAssertEqual(summary["objective"] as? Double, 16)
        XCTAssertEqual((summary["scenario"] as! [String: Any])["constraints"].flatMap { ($0 as! [String: Any])["capacity"] as? String },
                       "single")
        let formulation = try XCTUnwrap(summary["formulation"] as? [String: Any], "summary.json records the formulation")
        XCTAssertTrue((formulation["model"] as? String ?? "").hasPrefix("single-source assignment"))

        let kept = parseCSV(try scratch.read("plan/sites.csv")).rows.filter { $0["decision"] == "kept" }.map { $0["site_id"]! }
        XCTAssertEqual(kept, ["S1", "S2"], "the cheaper of the two optimal pairs of sites")
        let areas = Dictionary(uniqueKeysWithValues: parseCSV(try scratch.read("plan/areas.csv")).rows.map { ($0["area_id"]!, $0) })
        XCTAssertEqual(areas["P3"]?["site_id"], "S2")
        XCTAssertEqual(areas["P4"]?["site_id"], "S1")
        XCTAssertEqual(Set([areas["P1"]!["site_id"]!, areas["P2"]!["site_id"]!]), ["S1", "S2"])
        for area in areas.values { XCTAssertEqual(area["covered_share"], area["covered"] == "true" ? "1" : "0", "whole areas") }

        let hubs = parseCSV(try scratch.read("plan/hubs.csv"))
        XCTAssertEqual(hubs.header, ["site_id", "name", "district", "capacity", "load", "utilisation", "areas"])
        XCTAssertEqual(hubs.rows.map { [$0["site_id"]!, $0["load"]!, $0["utilisation"]!, $0["areas"]!] },
                       [["S1", "10", "1", "2"], ["S2", "10", "1", "2"]])
        let displaced = parseCSV(try scratch.read("plan/displaced.csv"))
        XCTAssertEqual(displaced.rows.map { [$0["closed_site_id"]!, $0["receiving_site_id"]!, $0["visits"]!] },
                       [["S3", "S1", "4"], ["S3", "S2", "4"]])
    }

    /// With estimated travel, an area at a site's own coordinates is 0 minutes from it: a horizon,
    /// coverage standard and max_minutes of 0 are questions with answers (inclusive comparison).
    func testZeroMinutesThroughThePlanCommand() throws {
        let scratch = try Scratch()
        try scratch.write("areas.csv", """
            area_id,district,lat,lon,children
            HERE,D,51.0,1.0,7
            AWAY,D,51.1,1.0,5

            """)
        try scratch.write("sites.csv", """
            site_id,name,kind,district,lat,lon,annual_cost,carbon
            S1,One,hub,D,51.0,1.0,100,1
            S2,Two,hub,D,51.2,1.0,100,1

            """)
        try scratch.write("cover.yaml", """
            dataset: .
            objective: max_coverage
            coverage_minutes: 0
            travel: {horizon_minutes: 0}
            constraints: {sites: {max: 1}}

            """)
        let covered = try EstateRun.run(["plan", scratch.path("cover.yaml"), "--out", scratch.path("cover"), "--quiet"])
        XCTAssertEqual(covered.status, 0, covered.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("cover/summary.json").utf8)) as! [String: Any]
        XCTAssertEqual(summary["objective"] as? Double, 7, "HERE is 0 minutes from S1; AWAY is covered by no site")

        try scratch.write("reach.yaml", """
            dataset: .
            objective: min_cost
            coverage_minutes: 0
            travel: {horizon_minutes: 0}
            constraints: {max_minutes: 0}

            """)
        let unreachable = try EstateRun.run(["plan", scratch.path("reach.yaml"), "--out", scratch.path("reach"), "--quiet"])
        XCTAssertEqual(unreachable.status, 3, "AWAY has no site at 0 minutes: proven infeasible")
        let conflicts = try JSONSerialization.jsonObject(with: Data(scratch.read("reach/summary.json").utf8)) as! [String: Any]
        let named = (conflicts["conflicts"] as! [[String: Any]]).map { $0["constraint"] as! String }
        XCTAssertEqual(named, ["constraints.max_minutes"])
    }
}
