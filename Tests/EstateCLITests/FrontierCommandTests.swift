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

    func testFrontierRefusesAnUnboundableAxis() throws {
        let run = try EstateRun.run(["frontier", "datasets/kent/buildings-only/scenario.yaml", "--x", "travel", "--y", "cost"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("travel"), run.stderr)
    }
}
