import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `estate compare` as a user runs it, on real Kent plans: the default plan against a tighter
/// budget, a plan against itself, three options, and inputs that cannot be compared.
final class CompareCommandTests: XCTestCase {
    /// A scenario on a private copy of Kent, as the default but with `budget` (GBP per year).
    private func budgetScenario(_ scratch: Scratch, budget: Int, name: String) throws -> String {
        if !scratch.exists("kent") { _ = try scratch.copyKent() }
        let text = try String(contentsOf: packageRoot.appendingPathComponent("datasets/kent/buildings-only/scenario.yaml"), encoding: .utf8)
        let edited = text.replacingOccurrences(of: #"budget: [0-9_]+"#, with: "budget: \(budget)", options: .regularExpression)
        XCTAssertNotEqual(edited, text, "the default scenario states its budget as `budget: <GBP>`")
        try scratch.write("kent/buildings-only/\(name).yaml", edited)
        return scratch.path("kent/buildings-only/\(name).yaml")
    }

    /// Plans the default scenario into `a` and a 2,500,000 budget into `b`.
    /// Two Kent plans, explained in full (a loaded machine would cut the default allowance short).
    private func twoPlans(_ scratch: Scratch) throws {
        XCTAssertEqual(try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("a"), "--quiet", "--explain-resolves", "100"]).status, 0)
        let tight = try budgetScenario(scratch, budget: 2_500_000, name: "tight")
        let run = try EstateRun.run(["plan", tight, "--out", scratch.path("b"), "--quiet", "--explain-resolves", "100"])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    private func json(_ scratch: Scratch, _ file: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(scratch.read(file).utf8)) as! [String: Any]
    }

    func testTwoKentPlansDifferInExactlyTheSitesAndAreasTheirOwnFilesDisagreeOn() throws {
        let scratch = try Scratch()
        try twoPlans(scratch)
        let run = try EstateRun.run(["compare", scratch.path("a"), scratch.path("b"), "--out", scratch.path("c")])
        XCTAssertEqual(run.status, 0, run.stderr)

        let sitesA = parseCSV(try scratch.read("a/sites.csv")).rows, sitesB = parseCSV(try scratch.read("b/sites.csv")).rows
        let decisionB = Dictionary(uniqueKeysWithValues: sitesB.map { ($0["site_id"]!, $0["decision"]!) })
        let differing = sitesA.filter { decisionB[$0["site_id"]!] != $0["decision"] }
        XCTAssertGreaterThan(differing.count, 0, "a tighter budget changes the estate")
        let compared = parseCSV(try scratch.read("c/sites.csv"))
        XCTAssertEqual(compared.header.suffix(2), ["decision:a", "decision:b"])
        XCTAssertEqual(compared.rows.map { $0["site_id"]! }, differing.map { $0["site_id"]! }.sorted())
        for row in compared.rows {
            XCTAssertEqual(row["decision:a"], sitesA.first { $0["site_id"] == row["site_id"] }?["decision"])
            XCTAssertEqual(row["decision:b"], decisionB[row["site_id"]!])
        }

        let areasA = parseCSV(try scratch.read("a/areas.csv")).rows, areasB = parseCSV(try scratch.read("b/areas.csv")).rows
        let coveredB = Dictionary(uniqueKeysWithValues: areasB.map { ($0["area_id"]!, $0["covered"]!) })
        let lost = areasA.filter { $0["covered"] == "true" && coveredB[$0["area_id"]!] == "false" }.count
        let gained = areasA.filter { $0["covered"] == "false" && coveredB[$0["area_id"]!] == "true" }.count
        let changedAreas = parseCSV(try scratch.read("c/areas.csv")).rows
        XCTAssertEqual(changedAreas.count, lost + gained)
        XCTAssertEqual(changedAreas.filter { $0["change:b"] == "lost" }.count, lost)

        let summary = try json(scratch, "c/summary.json")
        XCTAssertEqual(summary["sites_differing"] as? Int, differing.count)
        XCTAssertEqual(summary["areas_changing"] as? Int, lost + gained)
        let options = summary["options"] as! [[String: Any]]
        let planA = try json(scratch, "a/summary.json"), planB = try json(scratch, "b/summary.json")
        XCTAssertEqual(options[0]["objective"] as? Double, planA["objective"] as? Double)
        XCTAssertEqual((options[1]["totals"] as! [String: Any])["cost"] as? Double, (planB["totals"] as! [String: Any])["cost"] as? Double)

        // The district table repeats each plan's own districts.csv, plus the county row.
        let districts = parseCSV(try scratch.read("c/districts.csv")).rows
        let ownB = parseCSV(try scratch.read("b/districts.csv")).rows
        XCTAssertEqual(districts.count, ownB.count + 1)
        for (row, own) in zip(districts, ownB) {
            XCTAssertEqual(row["district"], own["district"])
            XCTAssertEqual(row["sites_kept:b"], own["sites_kept"])
            XCTAssertEqual(Double(row["cost:b"]!)!, Double(own["cost"]!)!, accuracy: 0.005)
            XCTAssertEqual(Double(row["coverage:b"]!)!, Double(own["coverage"]!)!, accuracy: 0.00011)
            XCTAssertEqual(row["worst_minutes:b"], own["worst_minutes"])
        }
        XCTAssertEqual(districts.last?["district"], "all districts")
        XCTAssertEqual(Int(districts.last!["sites_kept:a"]!), (planA["totals"] as! [String: Any])["sites_kept"] as? Int)

        // The difference map: offline HTML, well-formed SVG.
        let html = try scratch.read("c/compare.html")
        XCTAssertNil(html.range(of: "https?://", options: .regularExpression), "the HTML makes no network request")
        XCTAssertTrue(html.contains("<svg"))
        let parser = XMLParser(data: Data(try scratch.read("c/compare.svg").utf8))
        XCTAssertTrue(parser.parse(), "compare.svg is well-formed XML: \(String(describing: parser.parserError))")
        XCTAssertTrue(run.stdout.contains("sites closed / opened vs a"), run.stdout)

        // Kent has area boundaries: the map draws them, as the plan map does.
        let svg = try scratch.read("c/compare.svg")
        XCTAssertTrue(svg.contains("Areas from the boundary file") && svg.contains("fill-rule=\"evenodd\""))
        XCTAssertFalse(run.stderr.contains("warning"), run.stderr)
        // A plan folder moved to another machine (its dataset folder gone) carries its own
        // outlines in areas.geojson: the same shapes, no warning.
        let moved = try scratch.read("a/summary.json").replacingOccurrences(of: #""dataset" *: *"[^"]*""#, with: #""dataset":"gone""#,
                                                                         options: .regularExpression)
        XCTAssertTrue(moved.contains(#""dataset":"gone""#))
        try scratch.write("a/summary.json", moved)
        let rerun = try EstateRun.run(["compare", scratch.path("a"), scratch.path("b"), "--out", scratch.path("c")])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertFalse(rerun.stderr.contains("warning"), rerun.stderr)
        let carried = try scratch.read("c/compare.svg")
        XCTAssertTrue(carried.contains("Areas from the boundary file") && carried.contains("fill-rule=\"evenodd\""))
        XCTAssertFalse(carried.contains("derived from area centroids"))
        // Without either, the map shades areas from their centroids and a warning names both places.
        try FileManager.default.removeItem(atPath: scratch.path("a/areas.geojson"))
        let bare = try EstateRun.run(["compare", scratch.path("a"), scratch.path("b"), "--out", scratch.path("c")])
        XCTAssertEqual(bare.status, 0, bare.stderr)
        XCTAssertTrue(try scratch.read("c/compare.svg").contains("derived from area centroids"))
        XCTAssertTrue(bare.stderr.contains("warning: \(scratch.path("a/summary.json")): column 'dataset': "
                                           + "\(scratch.path("a/areas.geojson")) is missing and the dataset folder gone"), bare.stderr)
        let quiet = try EstateRun.run(["compare", scratch.path("a"), scratch.path("b"), "--out", scratch.path("c"), "--quiet"])
        XCTAssertEqual(quiet.stderr, "", "--quiet prints nothing on success, warnings included")
    }

    func testALimitThatChangedNothingIsFlaggedForFoldersAndScenariosAlike() throws {
        let scratch = try Scratch()
        try twoPlans(scratch)
        // The flags repeat what each plan's own re-solves found (summary.json's explanations):
        // the default £4.7m budget binds nothing, since its plan is the cheapest at the ceiling.
        let limits = try XCTUnwrap((try json(scratch, "a/summary.json")["explanations"] as? [String: Any])?["limits"] as? [[String: Any]])
        let unchanged = limits.filter { $0["changed_nothing"] as! Bool }.map { $0["constraint"] as! String }
        XCTAssertEqual(unchanged, ["constraints.budget", "constraints.min_per_district"])
        let tight = scratch.path("kent/buildings-only/tight.yaml")
        for second in [scratch.path("b"), tight] {
            let run = try EstateRun.run(["compare", scratch.path("a"), second, "--out", scratch.path("c-\(second.hasSuffix("yaml") ? "s" : "f")"),
                                         "--explain-resolves", "100"])
            XCTAssertEqual(run.status, 0, run.stderr)
            for limit in unchanged { XCTAssertTrue(run.stdout.contains("  a: \(limit) changed nothing (the plan stays optimal without it)"), run.stdout) }
            let name = second.hasSuffix("yaml") ? "tight" : "b"
            XCTAssertTrue(run.stdout.contains("  \(name): constraints.min_per_district changed nothing"), run.stdout)
            XCTAssertFalse(run.stdout.contains("  \(name): constraints.budget changed nothing"), "the £2.5m budget binds")
        }
    }

    func testAPlanComparedWithItselfReportsNoDifferences() throws {
        let scratch = try Scratch()
        XCTAssertEqual(try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("a"), "--quiet"]).status, 0)
        let run = try EstateRun.run(["compare", scratch.path("a"), scratch.path("a"), "--out", scratch.path("c")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(parseCSV(try scratch.read("c/sites.csv")).rows.count, 0)
        XCTAssertEqual(parseCSV(try scratch.read("c/areas.csv")).rows.count, 0)
        let summary = try json(scratch, "c/summary.json")
        XCTAssertEqual(summary["sites_differing"] as? Int, 0)
        XCTAssertEqual(summary["areas_changing"] as? Int, 0)
        XCTAssertEqual((summary["options"] as! [[String: Any]]).map { $0["name"] as! String }, ["a", "a-2"])
        XCTAssertTrue(run.stdout.contains("0 site(s) differ and 0 area(s) change coverage"), run.stdout)
    }

    func testThreeOptionsIncludingAScenarioMakeOneTable() throws {
        let scratch = try Scratch()
        try twoPlans(scratch)
        let tight = scratch.path("kent/buildings-only/tight.yaml")
        let run = try EstateRun.run(["compare", scratch.path("a"), scratch.path("b"), tight, "--out", scratch.path("c"), "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        let districts = parseCSV(try scratch.read("c/districts.csv"))
        XCTAssertEqual(districts.rows.count, 13, "12 Kent districts and the county row")
        XCTAssertEqual(districts.header.filter { $0.hasPrefix("cost:") }, ["cost:a", "cost:b", "cost:tight"])
        // The scenario solved on the spot is the same plan as folder b.
        for row in parseCSV(try scratch.read("c/sites.csv")).rows { XCTAssertEqual(row["decision:b"], row["decision:tight"]) }
        for row in districts.rows { XCTAssertEqual(row["cost:b"], row["cost:tight"]) }
        let equality = parseCSV(try scratch.read("c/equality.csv"))
        XCTAssertEqual(equality.header.filter { $0.hasPrefix("coverage:") }, ["coverage:a", "coverage:b", "coverage:tight"])
        XCTAssertEqual(equality.rows.filter { $0["group"] == "most_deprived" }.map { $0["label"]! }, ["10%", "20%"])
        for name in ["compare-a-vs-b.svg", "compare-a-vs-b.html", "compare-a-vs-tight.svg", "compare-a-vs-tight.html"] {
            XCTAssertTrue(scratch.exists("c/\(name)"), name)
        }
        XCTAssertFalse(scratch.exists("kent/buildings-only/tight"), "nothing is written for a scenario option")
    }

    func testPlansOfDifferentDatasetsAreRefused() throws {
        let scratch = try Scratch()
        XCTAssertEqual(try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("a"), "--quiet"]).status, 0)
        let kent = try scratch.copyKent()
        let sites = try String(contentsOf: kent.appendingPathComponent("sites.csv"), encoding: .utf8)
        var lines = sites.split(separator: "\n").map(String.init)
        let column = splitCSVLine(lines[0]).firstIndex(of: "annual_cost")!
        var cells = splitCSVLine(lines[1])
        cells[column] = String(Double(cells[column])! + 1000)  // one building's running cost differs
        lines[1] = cells.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",")
        try scratch.write("kent/sites.csv", lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(try EstateRun.run(["plan", kent.appendingPathComponent("buildings-only/scenario.yaml").path, "--out", scratch.path("b"), "--quiet"]).status, 0)
        let run = try EstateRun.run(["compare", scratch.path("a"), scratch.path("b"), "--out", scratch.path("c")])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("they are plans of different datasets (site \(cells[0])'s annual_cost is"), run.stderr)
        XCTAssertFalse(scratch.exists("c"))
    }

    func testAFolderThatIsNotAPlanExitsOneNamingTheFileLineAndColumn() throws {
        let scratch = try Scratch()
        XCTAssertEqual(try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("a"), "--quiet"]).status, 0)
        let dataset = try EstateRun.run(["compare", scratch.path("a"), packageRoot.appendingPathComponent("datasets/kent/buildings-only").path,
                                         "--out", scratch.path("c")])
        XCTAssertEqual(dataset.status, 1)
        XCTAssertTrue(dataset.stderr.contains("expected a plan folder written by `estate plan` (it has no summary.json"), dataset.stderr)

        try FileManager.default.copyItem(atPath: scratch.path("a"), toPath: scratch.path("broken"))
        let sites = try scratch.read("broken/sites.csv")
        var lines = sites.split(separator: "\n").map(String.init)
        var cells = splitCSVLine(lines[2])
        let column = parseCSV(sites).header.firstIndex(of: "decision")!
        cells[column] = "perhaps"
        lines[2] = cells.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",")
        try scratch.write("broken/sites.csv", lines.joined(separator: "\n") + "\n")
        let broken = try EstateRun.run(["compare", scratch.path("a"), scratch.path("broken"), "--out", scratch.path("c")])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("broken/sites.csv:3:\(column + 1): column 'decision': value 'perhaps': expected kept or closed"),
                      broken.stderr)
        XCTAssertFalse(scratch.exists("c"))

        let one = try EstateRun.run(["compare", scratch.path("a")])
        XCTAssertEqual(one.status, 1)
        XCTAssertTrue(one.stderr.contains("at least two options"), one.stderr)
    }

    func testAnInfeasibleOptionExitsThreeAndWritesNothing() throws {
        let scratch = try Scratch()
        XCTAssertEqual(try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("a"), "--quiet"]).status, 0)
        _ = try scratch.copyKent()
        // Five hubs cannot give each of Kent's twelve districts one (quick to prove, unlike a tiny budget).
        try scratch.write("kent/buildings-only/broke.yaml", """
            dataset: .
            objective: max_coverage
            constraints: {sites: {max: 5}, min_per_district: 1}
            """)
        let infeasible = scratch.path("kent/buildings-only/broke.yaml")
        let run = try EstateRun.run(["compare", scratch.path("a"), infeasible, "--out", scratch.path("c")])
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains("cannot compare option 'broke': its plan has status infeasible"), run.stderr)
        XCTAssertFalse(scratch.exists("c"))
    }
}
