import Foundation
import XCTest

/// How a plan's figures read to a council officer: every cost says what it covers, the same in
/// the terminal, `summary.json`, the map and the report; minutes keep their tenth in every table.
final class PresentationCommandTests: XCTestCase {
    /// Pounds as an independent formatter writes them ("£1,234,567").
    private func pounds(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        return "£" + formatter.string(from: NSNumber(value: value.rounded()))!
    }

    /// With services, `cost` is buildings, services and outreach while `saving` compares the
    /// buildings only: each output names the buildings' cost, what every building would cost,
    /// the saving between the two, services, outreach and the total, re-derived from `sites.csv`.
    func testEveryOutputSaysWhatEachCostCovers() throws {
        let scratch = try ServiceOutputsCommandTests.folder()
        let run = try EstateRun.run(["plan", "plan.yaml", "--out", "out"], in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let sites = parseCSV(try scratch.read("out/sites.csv")).rows
        let buildings = sites.filter { $0["decision"] == "kept" }.reduce(0.0) { $0 + Double($1["annual_cost"]!)! }
        let everyBuilding = sites.reduce(0.0) { $0 + Double($1["annual_cost"]!)! }
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("out/summary.json").utf8)) as! [String: Any]
        let totals = summary["totals"] as! [String: Any]
        let services = totals["service_cost"] as! Double, outreach = totals["outreach_cost"] as! Double
        XCTAssertEqual(totals["building_cost"] as! Double, buildings, accuracy: 0.01)
        XCTAssertEqual(totals["saving"] as! Double, everyBuilding - buildings, accuracy: 0.01)
        XCTAssertEqual(totals["cost"] as! Double, buildings + services + outreach, accuracy: 0.01)
        XCTAssertGreaterThan(services, 0)

        XCTAssertTrue(run.stdout.contains("buildings cost \(pounds(buildings)) a year against \(pounds(everyBuilding)) "
            + "with every building kept (saving \(pounds(everyBuilding - buildings)))"), run.stdout)
        XCTAssertTrue(run.stdout.contains("services \(pounds(services)) and outreach \(pounds(outreach)) a year: "
            + "total cost \(pounds(buildings + services + outreach)) a year"), run.stdout)

        let report = try EstateRun.run(["report", "out", "--out", "report.html"], in: scratch.url)
        XCTAssertEqual(report.status, 0, report.stderr)
        // The report's table in full words; the map's title block in words that fit beside the figures.
        let figures = [("Running cost of kept buildings", "Kept buildings", buildings),
                       ("Running cost with every building kept", "Every building", everyBuilding),
                       ("Saving on buildings", "Building saving", everyBuilding - buildings),
                       ("Services at the sites offering them", "Services", services), ("Outreach", "Outreach", outreach),
                       ("Total cost (what the budget bounds)", "Total cost", buildings + services + outreach)]
        for file in ["out/estate.html", "out/estate.svg", "report.html"] {
            let text = try scratch.read(file)
            for (label, short, value) in figures {
                let name = file == "report.html" ? label : short
                XCTAssertTrue(text.contains(name), "\(file) names \(name)")
                XCTAssertTrue(text.contains(pounds(value) + " a year"), "\(file) gives \(name) \(pounds(value))")
            }
            XCTAssertFalse(text.contains("Annual cost"), "\(file): no cost without saying what it covers")
        }
    }

    /// The Kent default's district table has a whole-minute median (Canterbury, 8.0): it keeps its
    /// tenth beside the others on the terminal, the map and the report.
    func testMinutesKeepTheirTenthInEveryTable() throws {
        let scratch = try Scratch()
        let run = try EstateRun.run(["plan", "--out", scratch.path("kent")])
        XCTAssertEqual(run.status, 0, run.stderr)
        // Blank lines kept: one ends the table (the "why" lines follow it).
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try XCTUnwrap(lines.firstIndex { $0.contains("district") && $0.contains("median min") })
        let rows = lines[(header + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.contains("written to") }
        XCTAssertEqual(rows.count, 12, run.stdout)
        let tenth = try NSRegularExpression(pattern: "^[0-9]+\\.[0-9]$")
        func isTenth(_ cell: String) -> Bool { tenth.firstMatch(in: cell, range: NSRange(cell.startIndex..., in: cell)) != nil }
        var whole = 0
        for row in rows {
            let cells = row.split(separator: " ").map(String.init)
            for cell in cells.suffix(2) {
                XCTAssertTrue(isTenth(cell), "minutes \(cell) in: \(row)")
                if cell.hasSuffix(".0") { whole += 1 }
            }
        }
        XCTAssertGreaterThan(whole, 0, "a whole minute is in the table, so the test can see it kept its tenth")

        // Two coverage figures, each named: the services' weighted share, and (what the district
        // table gives) children's need within 20 minutes of any kept building, re-derived from districts.csv.
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("kent/summary.json").utf8)) as! [String: Any]
        let totals = summary["totals"] as! [String: Any]
        let districts = parseCSV(try scratch.read("kent/districts.csv")).rows
        let need = districts.reduce(0.0) { $0 + Double($1["need"]!)! }
        let building = districts.reduce(0.0) { $0 + Double($1["need"]!)! * Double($1["coverage"]!)! } / need
        XCTAssertEqual(totals["building_coverage"] as! Double, building, accuracy: 1e-3)
        XCTAssertNotEqual(totals["coverage"] as! Double, building, accuracy: 1e-3, "the two figures differ, so each needs its name")
        let line = try XCTUnwrap(lines.first { $0.contains("children's need within 20 minutes of any kept building: ") }, run.stdout)
        let shown = Double(line.components(separatedBy: "any kept building: ")[1].prefix { $0 != "%" })! / 100
        XCTAssertEqual(shown, building, accuracy: 6e-4)
        XCTAssertTrue(lines.contains { $0.contains("services covered, each within its standard: ") }, run.stdout)
        XCTAssertTrue(lines[header].contains("any building in 20 min"), lines[header])
        let report = try EstateRun.run(["report", scratch.path("kent"), "--out", scratch.path("report.html")])
        XCTAssertEqual(report.status, 0, report.stderr)
        for file in ["kent/estate.html", "report.html"] {
            // The district table's last two cells of each row are the median and worst minutes.
            let text = try scratch.read(file)
            let cells = try NSRegularExpression(pattern: "<td[^>]*>([0-9.]+)</td>\\s*<td[^>]*>([0-9.]+)</td>\\s*</tr>")
            let matches = cells.matches(in: text, range: NSRange(text.startIndex..., in: text))
            XCTAssertGreaterThanOrEqual(matches.count, 12, file)
            for match in matches {
                for group in 1 ... 2 {
                    let cell = String(text[Range(match.range(at: group), in: text)!])
                    XCTAssertTrue(isTenth(cell), "\(file): minutes \(cell)")
                }
            }
        }
    }
}
