import Foundation
import XCTest

/// `estate plan` as a user runs it: the default Kent plan, its files checked against each other,
/// infeasible scenarios, and broken inputs that must fail cleanly and write nothing.
final class PlanCommandTests: XCTestCase {
    func testBuildingsOnlyKentPlanWritesConsistentFiles() throws {
        let scratch = try Scratch()
        let run = try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("plan")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("status optimal"), run.stdout)

        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("plan/summary.json").utf8)) as! [String: Any]
        XCTAssertEqual(summary["status"] as? String, "optimal")
        XCTAssertEqual(summary["gap"] as? Double, 0)
        let totals = summary["totals"] as! [String: Any]
        let objective = summary["objective"] as! Double
        XCTAssertEqual(summary["bound"] as! Double, objective, accuracy: 1e-6)
        // The bundled dataset declares itself illustrative (datasets/kent/dataset.yaml): the terminal,
        // summary.json and both maps say so, under the scenario's name rather than its file name.
        let name = "Kent Family Hubs: half today's running cost"
        XCTAssertTrue(run.stdout.hasPrefix("Estate plan: \(name)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("NOTE: Illustrative data"), run.stdout)
        XCTAssertEqual((summary["scenario"] as! [String: Any])["name"] as? String, name)
        XCTAssertEqual((summary["dataset_provenance"] as! [String: Any])["illustrative"] as? Bool, true)
        for map in ["plan/estate.html", "plan/estate.svg"] {
            let text = try scratch.read(map)
            XCTAssertTrue(text.contains("Illustrative data:"), map)
            XCTAssertTrue(text.contains("Kent Family Hubs: half") || text.contains("Kent Family Hubs:"), map)
            XCTAssertTrue(text.contains("highest-need fifth"), "the legend is in words: \(map)")
        }

        let sites = parseCSV(try scratch.read("plan/sites.csv")).rows
        let kept = sites.filter { $0["decision"] == "kept" }
        XCTAssertEqual(sites.count, 100)
        XCTAssertEqual(kept.count, totals["sites_kept"] as? Int)
        let keptCost = kept.reduce(0) { $0 + Double($1["annual_cost"]!)! }
        let allCost = sites.reduce(0) { $0 + Double($1["annual_cost"]!)! }
        XCTAssertEqual(keptCost, totals["cost"] as! Double, accuracy: 0.01)
        XCTAssertEqual(allCost - keptCost, totals["saving"] as! Double, accuracy: 0.01)
        XCTAssertLessThanOrEqual(keptCost, 4_700_000, "the scenario's budget holds")
        for site in sites where site["status"] == "keep" { XCTAssertEqual(site["decision"], "kept") }
        for site in sites where site["status"] == "close" { XCTAssertEqual(site["decision"], "closed") }

        let areas = parseCSV(try scratch.read("plan/areas.csv")).rows
        XCTAssertEqual(areas.count, 901)
        let keptIDs = Set(kept.map { $0["site_id"]! })
        var coveredWeight = 0.0, totalWeight = 0.0
        for area in areas {
            let weight = Double(area["weight"]!)!
            totalWeight += weight
            if area["covered"] == "true" {
                coveredWeight += weight
                XCTAssertLessThanOrEqual(Double(area["minutes"]!)!, 20, "covered means within coverage_minutes")
            }
            if let site = area["site_id"], !site.isEmpty { XCTAssertTrue(keptIDs.contains(site), "areas are served by kept sites") }
        }
        // areas.csv writes each weight to 3 decimals, so a sum over n areas is within n x 0.0005.
        let rounding = 0.0005 * Double(areas.count)
        XCTAssertEqual(coveredWeight, objective, accuracy: rounding, "max_coverage's objective is the covered weight")
        XCTAssertEqual(totalWeight, totals["total_weight"] as! Double, accuracy: rounding)
        XCTAssertEqual(coveredWeight / totalWeight, totals["coverage"] as! Double, accuracy: 1e-5)

        let districts = parseCSV(try scratch.read("plan/districts.csv")).rows
        XCTAssertEqual(districts.count, 12)
        XCTAssertEqual(districts.reduce(0) { $0 + Int($1["sites_kept"]!)! }, kept.count)
        XCTAssertEqual(districts.reduce(0) { $0 + Double($1["cost"]!)! }, keptCost, accuracy: 0.01)
        for district in districts { XCTAssertGreaterThanOrEqual(Int(district["sites_kept"]!)!, 1, "min_per_district: 1") }

        let geo = try JSONSerialization.jsonObject(with: Data(scratch.read("plan/estate.geojson").utf8)) as! [String: Any]
        XCTAssertEqual((geo["features"] as! [Any]).count, 100 + 901)
    }

    func testSamePlanTwiceWritesIdenticalTables() throws {
        let scratch = try Scratch()
        XCTAssertEqual(try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("a"), "--quiet"]).status, 0)
        XCTAssertEqual(try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("b"), "--quiet"]).status, 0)
        for file in ["sites.csv", "areas.csv", "districts.csv", "estate.geojson"] {
            XCTAssertEqual(try scratch.read("a/\(file)"), try scratch.read("b/\(file)"), file)
        }
    }

    func testInfeasibleScenarioExitsThreeAndNamesTheConflict() throws {
        let scratch = try Scratch()
        let kent = try scratch.copyKent()
        try scratch.write("kent/tight.yaml", """
            dataset: buildings-only
            objective: max_coverage
            coverage_minutes: 20
            constraints: {budget: 500000, min_per_district: 1}
            """)
        let run = try EstateRun.run(["plan", kent.appendingPathComponent("tight.yaml").path, "--out", scratch.path("plan")])
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stdout.contains("constraints.budget"), run.stdout)
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("plan/summary.json").utf8)) as! [String: Any]
        XCTAssertEqual(summary["status"] as? String, "infeasible")
        let conflicts = (summary["conflicts"] as! [[String: Any]]).map { $0["constraint"] as! String }
        XCTAssertEqual(conflicts, ["constraints.budget", "constraints.min_per_district"])
        XCTAssertFalse(scratch.exists("plan/sites.csv"), "no decisions, no site table")
    }

    /// `min_travel` without capacity is the library's p-median, and summary.json says how it was
    /// solved. Four areas, three sites, keep exactly two: {S1, S3} is at least as near as either
    /// other pair for every area (by hand), so it is the plan whatever the weights. Whole minutes
    /// and head counts: the automatic choice is Benders.
    func testMinTravelRecordsItsPMedianFormulation() throws {
        let scratch = try Scratch()
        try scratch.write("areas.csv", """
            area_id,district,lat,lon,children
            P1,D,51.00,1.00,1
            P2,D,51.01,1.00,2
            P3,D,51.02,1.00,3
            P4,D,51.03,1.00,4

            """)
        try scratch.write("sites.csv", """
            site_id,name,kind,district,lat,lon,annual_cost,carbon
            S1,One,hub,D,51.00,1.01,100,1
            S2,Two,hub,D,51.01,1.01,200,1
            S3,Three,hub,D,51.02,1.01,300,1

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

            """)
        let run = try EstateRun.run(["plan", scratch.path("scenario.yaml"), "--out", scratch.path("plan"), "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("plan/summary.json").utf8)) as! [String: Any]
        XCTAssertEqual(summary["status"] as? String, "optimal")
        let formulation = try XCTUnwrap(summary["formulation"] as? [String: Any], "summary.json records the formulation")
        XCTAssertEqual(formulation["formulation"] as? String, "benders")
        XCTAssertTrue((formulation["model"] as? String ?? "").hasPrefix("p-median, branch-and-Benders-cut"))
        XCTAssertNotNil(formulation["generated_rows"] as? Int)
        let kept = parseCSV(try scratch.read("plan/sites.csv")).rows.filter { $0["decision"] == "kept" }.map { $0["site_id"]! }
        XCTAssertEqual(kept, ["S1", "S3"])
    }

    /// Not a timed test: whatever the machine's speed, a run stopped by a tiny time limit writes a
    /// plan (the heuristic's, or better) with its status, bound and gap, exits 0 and says so.
    func testTinyTimeLimitStillWritesAPlanWithBoundAndGap() throws {
        let scratch = try Scratch()
        let kent = try scratch.copyKent()
        try scratch.write("kent/travel.yaml", """
            dataset: buildings-only
            objective: min_travel
            coverage_minutes: 20
            constraints: {sites: {exactly: 20}, budget: 3000000, min_per_district: 1, max_minutes: 45}
            """)
        let run = try EstateRun.run(["plan", kent.appendingPathComponent("travel.yaml").path, "--out", scratch.path("plan"),
                                     "--time-limit", "0.001"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("plan/summary.json").utf8)) as! [String: Any]
        let status = summary["status"] as? String
        XCTAssertTrue(status == "feasible" || status == "optimal", "\(status ?? "none")")
        XCTAssertNotNil(summary["bound"] as? Double)
        XCTAssertNotNil(summary["gap"] as? Double)
        XCTAssertTrue(scratch.exists("plan/sites.csv"))
        if status == "feasible" { XCTAssertTrue(run.stdout.contains("time limit reached"), run.stdout) }
    }

    /// The equality duty as a constraint: the most deprived 20% of areas (ranked by imd_score here,
    /// independently of the engine) get at least 90% of their need covered, which they do not
    /// without the constraint.
    func testMinDeprivedCoverageHoldsAndBinds() throws {
        let scratch = try Scratch()
        let kent = try scratch.copyKent()
        let areas = parseCSV(try String(contentsOf: kent.appendingPathComponent("areas.csv"), encoding: .utf8)).rows
        let ranked = areas.sorted {
            let a = Double($0["imd_score"]!)!, b = Double($1["imd_score"]!)!
            return a != b ? a > b : $0["area_id"]! < $1["area_id"]!
        }
        let deprived = Set(ranked.prefix(Int((0.2 * Double(areas.count)).rounded(.up))).map { $0["area_id"]! })
        func deprivedCoverage(_ extra: String) throws -> Double {
            try scratch.write("kent/d.yaml", """
                dataset: buildings-only
                objective: max_coverage
                coverage_minutes: 12
                constraints: {budget: 2500000\(extra)}
                """)
            let run = try EstateRun.run(["plan", kent.appendingPathComponent("d.yaml").path, "--out", scratch.path("plan"), "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let rows = parseCSV(try scratch.read("plan/areas.csv")).rows.filter { deprived.contains($0["area_id"]!) }
            let total = rows.reduce(0) { $0 + Double($1["weight"]!)! }
            let covered = rows.filter { $0["covered"] == "true" }.reduce(0) { $0 + Double($1["weight"]!)! }
            return covered / total
        }
        XCTAssertLessThan(try deprivedCoverage(""), 0.9, "without the constraint the most deprived fall below 90%")
        XCTAssertGreaterThanOrEqual(try deprivedCoverage(", min_deprived_coverage: 0.9"), 0.9 - 1e-9)
    }

    /// Each kind of broken input: exit 1, a message naming file, line and column, and no output folder.
    func testBrokenInputsFailCleanlyAndWriteNothing() throws {
        let cases: [(name: String, file: String, edit: (String) -> String, expect: [String])] = [
            ("negative cost", "sites.csv", { $0.replacingOccurrences(of: ",120500,", with: ",-120500,") },
             ["sites.csv:2:", "column 'annual_cost'"]),
            ("duplicate site id", "sites.csv", { $0.replacingOccurrences(of: "CC002,", with: "CC001,") },
             ["sites.csv:3:", "column 'site_id'"]),
            ("unknown district", "sites.csv", { $0.replacingOccurrences(of: "CC001,Ashford Children's Centre 1,childrens_centre,Ashford",
                                                                          with: "CC001,Ashford Children's Centre 1,childrens_centre,Atlantis") },
             ["sites.csv:2:", "column 'district'"]),
            ("latitude out of range", "areas.csv", { $0.replacingOccurrences(of: "ASH001,Ashford,51.12112", with: "ASH001,Ashford,151.12112") },
             ["areas.csv:2:", "column 'lat'"]),
            ("not a number", "areas.csv", { $0.replacingOccurrences(of: "ASH001,Ashford,51.12112,0.75780,484", with: "ASH001,Ashford,51.12112,0.75780,NaN") },
             ["areas.csv:2:", "column 'children'"]),
            ("unknown area in usage", "usage.csv", { $0.replacingOccurrences(of: "CC001,ASH002,", with: "CC001,NOWHERE,") },
             ["usage.csv:2:", "column 'area_id'"]),
            ("scenario names a missing column", "scenario.yaml", { $0.replacingOccurrences(of: "column: fsm_pct", with: "column: fsm_rate") },
             ["scenario.yaml", "fsm_rate"]),
        ]
        for testCase in cases {
            let scratch = try Scratch()
            let kent = try scratch.copyKent()
            let url = kent.appendingPathComponent(testCase.file)
            let original = try String(contentsOf: url, encoding: .utf8)
            let edited = testCase.edit(original)
            XCTAssertNotEqual(edited, original, "\(testCase.name): the edit must change the file")
            try Data(edited.utf8).write(to: url)
            let run = try EstateRun.run(["plan", kent.appendingPathComponent("scenario.yaml").path, "--out", scratch.path("plan")])
            XCTAssertEqual(run.status, 1, "\(testCase.name): \(run.stderr)")
            for fragment in testCase.expect {
                XCTAssertTrue(run.stderr.contains(fragment), "\(testCase.name): stderr lacks \(fragment): \(run.stderr)")
            }
            XCTAssertFalse(scratch.exists("plan"), "\(testCase.name): no output folder on bad input")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted(), ["kent"],
                           "\(testCase.name): no partial folder left behind")
        }
    }

    func testBadOptionIsAUsageError() throws {
        let run = try EstateRun.run(["plan", "--gap", "2"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("--gap"), run.stderr)
    }
}
