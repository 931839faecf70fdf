import Foundation
import XCTest

/// Warnings before wrong answers, as a user meets them: `estate validate` and the top of
/// `estate plan` on the Kent dataset with one of the usual spreadsheet mistakes.
final class WarningCommandTests: XCTestCase {
    func testValidateNamesASiteWithSwappedCoordinatesAndTheFix() throws {
        let scratch = try Scratch()
        let kent = try scratch.copyKent()
        let sites = kent.appendingPathComponent("sites.csv")
        let text = try String(contentsOf: sites, encoding: .utf8)
        let swapped = text.replacingOccurrences(of: "Ashford Children's Centre 2,childrens_centre,Ashford,51.13656,0.89251",
                                                with: "Ashford Children's Centre 2,childrens_centre,Ashford,0.89251,51.13656")
        XCTAssertNotEqual(swapped, text)
        try Data(swapped.utf8).write(to: sites)
        let run = try EstateRun.run(["validate", kent.appendingPathComponent("scenario.yaml").path])
        XCTAssertEqual(run.status, 0, "warnings do not fail validation: \(run.stderr)")
        XCTAssertTrue(run.stderr.contains("warning: sites.csv: site_id 'CC002': column 'lat, lon':"), run.stderr)
        XCTAssertTrue(run.stderr.contains("likely fix: latitude and longitude look swapped: lat 51.13656, lon 0.89251"), run.stderr)

        let clean = try EstateRun.run(["validate"])
        XCTAssertEqual(clean.status, 0)
        XCTAssertFalse(clean.stderr.contains("isolated") || clean.stderr.contains("site_id"), clean.stderr)
    }

    /// The areas listed in `unreachable_areas.csv` are exactly those with no site within 20 minutes
    /// at the scenario's 20 km/h and circuity 1.3, computed here by brute force over every site.
    func testPlanCountsUnreachableAreasAndListsThemInTheFolder() throws {
        let scratch = try Scratch()
        let run = try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("plan")])
        XCTAssertEqual(run.status, 0, run.stderr)
        let areas = parseCSV(try String(contentsOf: packageRoot.appendingPathComponent("datasets/kent/areas.csv"), encoding: .utf8)).rows
        let sites = parseCSV(try String(contentsOf: packageRoot.appendingPathComponent("datasets/kent/sites.csv"), encoding: .utf8)).rows
        func minutes(_ a: [String: String], _ s: [String: String]) -> Double {
            let r = Double.pi / 180
            let p1 = Double(a["lat"]!)! * r, p2 = Double(s["lat"]!)! * r
            let dl = (Double(s["lon"]!)! - Double(a["lon"]!)!) * r
            let h = pow(sin((p2 - p1) / 2), 2) + cos(p1) * cos(p2) * pow(sin(dl / 2), 2)
            let km = 2 * 6371.0088 * asin(min(1, h.squareRoot()))
            return km * 1.3 / 20 * 60
        }
        let expected = areas.filter { area in
            // The buildings-only dataset leaves the partners' venues out of sites.csv.
            !sites.contains { $0["status"] != "close" && $0["kind"] != "partner" && minutes(area, $0) <= 20 }
        }.map { $0["area_id"]! }
        let listed = parseCSV(try scratch.read("plan/unreachable_areas.csv")).rows.map { $0["area_id"]! }
        XCTAssertEqual(listed, expected)
        XCTAssertGreaterThan(expected.count, 0)
        XCTAssertTrue(run.stderr.contains("warning: areas.csv: \(expected.count) of \(areas.count) areas have no site within the 20-minute"),
                      run.stderr)
        // `--quiet` prints nothing unless something goes wrong: warnings included (the file still lists them).
        let quiet = try EstateRun.run(["plan", kentBuildingsOnly, "--quiet", "--out", scratch.path("quiet")])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stderr, "")
        XCTAssertEqual(quiet.stdout, "")
        XCTAssertEqual(parseCSV(try scratch.read("quiet/unreachable_areas.csv")).rows.map { $0["area_id"]! }, expected)
    }

    /// One run reports the problems of every file: a bad scenario value, a bad cell in areas.csv,
    /// one in sites.csv and one in usage.csv.
    func testValidateReportsEveryFilesProblemsInOneRun() throws {
        let scratch = try Scratch()
        let kent = try scratch.copyKent()
        func edit(_ name: String, _ old: String, _ new: String) throws {
            let url = kent.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.contains(old), "\(name) has \(old)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
        try edit("scenario.yaml", "objective: max_coverage", "objective: max_coverag")
        try edit("areas.csv", "ASH001,Ashford,51.12112,0.75780,484", "ASH001,Ashford,51.12112,0.75780,lots")
        try edit("sites.csv", ",120500,", ",-120500,")
        try edit("usage.csv", "CC001,ASH003,", "CC001,NOWHERE,")
        let run = try EstateRun.run(["validate", kent.appendingPathComponent("scenario.yaml").path])
        XCTAssertEqual(run.status, 1)
        for expected in ["scenario.yaml:", "column 'objective'", "areas.csv:2:", "column 'children'", "sites.csv:2:",
                         "column 'annual_cost'", "usage.csv:5:", "value 'NOWHERE'"] {
            XCTAssertTrue(run.stderr.contains(expected), "\(expected) in:\n\(run.stderr)")
        }
        // A usage row naming the area whose own row is bad is not reported a second time.
        XCTAssertFalse(run.stderr.contains("value 'ASH001'"), run.stderr)
    }
}
