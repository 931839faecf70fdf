import Foundation
import XCTest

/// `estate frontier` on the default Kent scenario: points non-dominated, each solved
/// to optimality, each equal to `estate plan` at its bound.
final class FrontierCommandTests: XCTestCase {
    private func frontierRows(_ scratch: Scratch, _ arguments: [String]) throws -> [[String: String]] {
        let run = try EstateRun.run(["frontier", "datasets/kent/buildings-only/scenario.yaml", "--out", scratch.path("f")] + arguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(try scratch.read("f/frontier.svg").hasPrefix("<svg"))
        return parseCSV(try scratch.read("f/frontier.csv")).rows
    }

    func testCostCoverageFrontierIsNondominatedOptimalAndMatchesEstatePlan() throws {
        let scratch = try Scratch()
        let rows = try frontierRows(scratch, ["--x", "cost", "--y", "coverage", "--max-solves", "6"])
        let points = rows.filter { $0["kind"] == "frontier" }
        XCTAssertGreaterThanOrEqual(points.count, 4)
        for point in points {
            XCTAssertEqual(point["status"], "optimal")
            XCTAssertLessThanOrEqual(Double(point["gap"]!)!, 1e-6)
            XCTAssertLessThanOrEqual(Double(point["x_cost"]!)!, Double(point["epsilon"]!)! + 1e-3, "the bound holds")
        }
        // Sorted by cost; more cost must buy strictly more coverage, or a point is dominated.
        for (a, b) in zip(points, points.dropFirst()) {
            XCTAssertLessThan(Double(a["x_cost"]!)!, Double(b["x_cost"]!)!)
            XCTAssertLessThan(Double(a["y_coverage"]!)!, Double(b["y_coverage"]!)!)
        }
        XCTAssertEqual(points.filter { $0["label"]!.contains("knee") }.count, 1)
        XCTAssertEqual(rows.filter { $0["kind"] == "scenario" }.count, 1)

        // An interior point is what `estate plan` finds with the point's bound as budget
        // (the scenario's other constraint, one hub per district, kept).
        let interior = points[points.count / 2]
        let scenario = try String(contentsOf: packageRoot.appendingPathComponent("datasets/kent/buildings-only/scenario.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "dataset: .", with: "dataset: \(packageRoot.path)/datasets/kent/buildings-only")
            .replacingOccurrences(of: "budget: [0-9_]+", with: "budget: \(interior["epsilon"]!)",
                                  options: .regularExpression)
        XCTAssertTrue(scenario.contains("budget: \(interior["epsilon"]!)"))
        try scratch.write("point.yaml", scenario)
        let plan = try EstateRun.run(["plan", scratch.path("point.yaml"), "--out", scratch.path("plan"), "--quiet"])
        XCTAssertEqual(plan.status, 0, plan.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("plan/summary.json").utf8)) as! [String: Any]
        let totals = summary["totals"] as! [String: Any]
        // frontier.csv writes shares to 0.1% (Quantity.share).
        XCTAssertEqual(totals["coverage"] as! Double, Double(interior["y_coverage"]!)!, accuracy: 5e-4 + 1e-9)
    }

    func testChartIsInPoundsAndPercentagesWithTodaysEstateTheCeilingAndAReport() throws {
        let scratch = try Scratch()
        let rows = try frontierRows(scratch, ["--x", "cost", "--y", "coverage", "--max-solves", "5"])
        let svg = try scratch.read("f/frontier.svg")
        XCTAssertTrue(svg.contains(">Kent Family Hubs: half today&#39;s running cost — coverage against cost</text>"), "titled by the scenario's name")
        // Ticks and captions follow the tables' rules: money to the pound, shares to a tenth of a percent.
        XCTAssertTrue(svg.contains(">£2,000,000</text>"), "cost ticks in pounds")
        XCTAssertNotNil(svg.range(of: ">[0-9]+\\.[0-9]%</text>", options: .regularExpression), "coverage ticks as percentages to a tenth")
        XCTAssertNil(svg.range(of: "£[0-9.]+[mk]\\b", options: .regularExpression), "no £2.5m or £500k shorthand")
        XCTAssertFalse(svg.contains("knee"), "no jargon on the chart")
        XCTAssertFalse(svg.contains("M</text>"), "no bare 1.0M ticks")

        // Today's estate: every building kept. Its cost is the sum of every site's cost in the
        // data; its coverage, the ceiling, is what the scenario reaches with no budget at all.
        let today = try XCTUnwrap(rows.first { $0["kind"] == "today" })
        // (The buildings-only dataset: the council's buildings of sites.csv, not the partners' venues.)
        let sites = parseCSV(try String(contentsOf: packageRoot.appendingPathComponent("datasets/kent/sites.csv"), encoding: .utf8)).rows
            .filter { $0["kind"] != "partner" }
        XCTAssertEqual(Double(today["cost"]!)!, sites.reduce(0) { $0 + Double($1["annual_cost"]!)! }, accuracy: 0.5)
        XCTAssertEqual(Int(today["sites_kept"]!), sites.count)
        let unlimited = try String(contentsOf: packageRoot.appendingPathComponent(kentBuildingsOnly), encoding: .utf8)
            .replacingOccurrences(of: "dataset: .", with: "dataset: \(packageRoot.path)/datasets/kent/buildings-only")
            .replacingOccurrences(of: "budget: [0-9_]+", with: "budget: 1000000000", options: .regularExpression)
        try scratch.write("unlimited.yaml", unlimited)
        let plan = try EstateRun.run(["plan", scratch.path("unlimited.yaml"), "--out", scratch.path("plan"), "--quiet", "--no-explain"])
        XCTAssertEqual(plan.status, 0, plan.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("plan/summary.json").utf8)) as! [String: Any]
        let ceiling = (summary["totals"] as! [String: Any])["coverage"] as! Double
        XCTAssertEqual(Double(today["coverage"]!)!, ceiling, accuracy: 5e-4 + 1e-9)
        XCTAssertTrue(svg.contains(String(format: "coverage ceiling %.1f%%", ceiling * 100)), "the ceiling is marked")
        XCTAssertTrue(svg.contains(">today: every building kept</text>"))
        // Every point carries its cost, coverage and sites (as a tooltip, and as a caption where it fits).
        for point in rows.filter({ $0["kind"] == "frontier" }) {
            let text = pounds(point["cost"]!) + ", " + String(format: "%.1f%%", Double(point["coverage"]!)! * 100)
                + ", \(point["sites_kept"]!) sites"
            XCTAssertTrue(svg.contains(text), text)
        }

        let report = try EstateRun.run(["report", scratch.path("f"), "--no-pdf"])
        XCTAssertEqual(report.status, 0, report.stderr)
        let html = try scratch.read("f/report.html")
        for id in ["frontier", "points", "caveats"] { XCTAssertTrue(html.contains("<section id=\"\(id)\">"), id) }
        XCTAssertTrue(html.contains("Illustrative data: not a real estate or a real proposal."))
        let table = try XCTUnwrap(html.components(separatedBy: "<section id=\"points\">").last?.components(separatedBy: "</section>").first)
        XCTAssertEqual(table.components(separatedBy: "<tr").count - 2, rows.count, "one table row per row of frontier.csv")
    }

    func testCoverageCostFrontierMinimisesCostForEachCoverageFloor() throws {
        let scratch = try Scratch()
        let points = try frontierRows(scratch, ["--x", "coverage", "--y", "cost", "--max-solves", "4"])
            .filter { $0["kind"] == "frontier" }
        XCTAssertGreaterThanOrEqual(points.count, 3)
        for point in points {
            XCTAssertEqual(point["status"], "optimal")
            XCTAssertGreaterThanOrEqual(Double(point["x_coverage"]!)!, Double(point["epsilon"]!)! - 1e-6)
        }
        for (a, b) in zip(points, points.dropFirst()) {
            XCTAssertLessThan(Double(a["x_coverage"]!)!, Double(b["x_coverage"]!)!)
            XCTAssertLessThan(Double(a["y_cost"]!)!, Double(b["y_cost"]!)!, "more coverage costs more on the frontier")
        }
    }

    /// On a v2 scenario the coverage axis is the services' weighted share (totals.coverage),
    /// and --x coverage bounds that aggregate: each point is at least its bound, no dearer than
    /// `estate plan` with the same share required of every service (a stricter question), and
    /// more coverage costs more.
    func testServicesFrontierBoundsTheWeightedCoverageOfAllServices() throws {
        let scratch = try ServiceOutputsCommandTests.folder()
        let run = try EstateRun.run(["frontier", "plan.yaml", "--x", "coverage", "--y", "cost", "--max-solves", "5", "--out", "f"],
                                    in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let points = parseCSV(try scratch.read("f/frontier.csv")).rows.filter { $0["kind"] == "frontier" }
        XCTAssertGreaterThanOrEqual(points.count, 3)
        for point in points {
            XCTAssertEqual(point["status"], "optimal")
            XCTAssertEqual(point["x_coverage"], point["coverage"], "x is the plan's totals.coverage")
            XCTAssertGreaterThanOrEqual(Double(point["x_coverage"]!)!, Double(point["epsilon"]!)! - 5e-4)
        }
        for (a, b) in zip(points, points.dropFirst()) {
            XCTAssertLessThan(Double(a["y_cost"]!)!, Double(b["y_cost"]!)!, "more coverage costs more on the frontier")
        }
        // Today's estate: every building kept, offering all it can host; with outreach in the
        // scenario its coverage is no ceiling, so no ceiling line is drawn.
        let rows = parseCSV(try scratch.read("f/frontier.csv")).rows
        let today = try XCTUnwrap(rows.first { $0["kind"] == "today" }, "a services frontier has its today point")
        let sites = parseCSV(try scratch.read("data/sites.csv")).rows
        XCTAssertEqual(Int(today["sites_kept"]!), sites.count)
        XCTAssertGreaterThanOrEqual(Double(today["cost"]!)!, sites.reduce(0) { $0 + Double($1["annual_cost"]!)! } - 0.5,
                                    "buildings and the services they host")
        let svg = try scratch.read("f/frontier.svg")
        XCTAssertTrue(svg.contains(">today: every building kept</text>"))
        XCTAssertFalse(svg.contains("coverage ceiling"), "outreach may pass today's coverage")
        let interior = points[points.count / 2], epsilon = Double(interior["epsilon"]!)!
        let floor = ServicePlanCommandTests.scenario
            .replacingOccurrences(of: "objective: max_coverage", with: "objective: min_cost")
            .replacingOccurrences(of: "constraints: {budget: 230000}", with: "constraints: {min_coverage: \(epsilon)}")
        try scratch.write("floor.yaml", floor)
        let plan = try EstateRun.run(["plan", "floor.yaml", "--out", "floor", "--quiet"], in: scratch.url)
        if plan.status == 0 {
            let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("floor/summary.json").utf8)) as! [String: Any]
            let totals = summary["totals"] as! [String: Any]
            XCTAssertLessThanOrEqual(Double(interior["y_cost"]!)!, (totals["cost"] as! Double) + 0.01)
        } else {
            XCTAssertEqual(plan.status, 3, "every service at the aggregate's share may be infeasible, never an error: \(plan.stderr)")
        }
    }

    /// On a v2 scenario whose services carry weights other than 1, a point's mean minutes is
    /// `min_travel`'s objective over the services' need weight, which the services' `weight`
    /// does not scale: re-derived from the plan `estate plan` writes at the point's budget
    /// (its `area_services.csv` weights and its objective).
    func testServicesFrontierMeanMinutesAreTheTravelObjectiveOverTheUnweightedNeed() throws {
        let scratch = try ServiceOutputsCommandTests.folder()
        XCTAssertTrue(ServicePlanCommandTests.scenario.contains("weight: 2"), "a service weighs twice")
        let run = try EstateRun.run(["frontier", "plan.yaml", "--x", "cost", "--y", "travel", "--max-solves", "4", "--out", "f"],
                                    in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let points = parseCSV(try scratch.read("f/frontier.csv")).rows.filter { $0["kind"] == "frontier" && $0["status"] == "optimal" }
        let point = try XCTUnwrap(points.last)
        let budget = Double(point["epsilon"]!)! + 0.01
        try scratch.write("point.yaml", ServicePlanCommandTests.scenario
            .replacingOccurrences(of: "objective: max_coverage", with: "objective: min_travel")
            .replacingOccurrences(of: "constraints: {budget: 230000}", with: "constraints: {budget: \(budget)}"))
        let plan = try EstateRun.run(["plan", "point.yaml", "--out", "point", "--quiet"], in: scratch.url)
        XCTAssertEqual(plan.status, 0, plan.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("point/summary.json").utf8)) as! [String: Any]
        let objective = try XCTUnwrap(summary["objective"] as? Double)
        let rows = parseCSV(try scratch.read("point/area_services.csv")).rows
        let weight = rows.reduce(0.0) { $0 + Double($1["weight"]!)! }
        let travel = rows.reduce(0.0) { $0 + Double($1["weight"]!)! * (Double($1["minutes"]!) ?? 0) }
        XCTAssertEqual(travel / weight, objective / weight, accuracy: 0.05, "the objective is the weighted minutes")
        XCTAssertEqual(Double(point["mean_minutes"]!)!, objective / weight, accuracy: 0.051)
        XCTAssertEqual(Double(point["y_travel"]!)!, objective / weight, accuracy: 0.051)
    }

    func testFrontierRefusesAnUnboundableAxis() throws {
        let run = try EstateRun.run(["frontier", "datasets/kent/buildings-only/scenario.yaml", "--x", "travel", "--y", "cost"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("travel"), run.stderr)
    }

    /// frontier.csv's whole pounds as the chart writes them ("£2,345,600").
    private func pounds(_ cell: String) -> String {
        let digits = String(Int(Double(cell)!.rounded()))
        var grouped = ""
        for (k, digit) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return "£" + grouped
    }
}
