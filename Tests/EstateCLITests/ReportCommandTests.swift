import Foundation
import TestSupport
import XCTest

/// `estate report` as a user runs it: the default Kent plan's report has every section, renders
/// in real Chromium without a console message, prints to a PDF, and quotes the plan's own figures.
final class ReportCommandTests: XCTestCase {
    static let sections = ["summary", "map", "sites", "districts", "equality", "explanations", "caveats"]

    func testReportOfTheDefaultPlanHasEverySectionAndThePlansFigures() throws {
        let scratch = try Scratch()
        XCTAssertEqual(try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("plan"), "--quiet"]).status, 0)
        let run = try EstateRun.run(["report", scratch.path("plan"), "--no-pdf"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(scratch.exists("plan/report.pdf"), "--no-pdf writes the HTML only")
        let html = try scratch.read("plan/report.html")
        for id in Self.sections { XCTAssertTrue(html.contains("<section id=\"\(id)\">"), "section \(id) is missing") }
        XCTAssertTrue(html.contains("<h1>Kent Family Hubs: half today&#39;s running cost</h1>"), "titled by the scenario's name")
        XCTAssertTrue(html.contains("Illustrative data: not a real estate or a real proposal."))
        XCTAssertTrue(html.contains("<figure class=\"map\"><svg"), "the plan's own map, inline")
        XCTAssertFalse(html.contains("<script"), "the report needs no script")

        // Figures are the plan's: the county total row repeats summary.json's cost and coverage,
        // and every site of sites.csv appears with its decision.
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("plan/summary.json").utf8)) as! [String: Any]
        let totals = summary["totals"] as! [String: Any]
        let cost = Int((totals["cost"] as! Double).rounded())
        let pounds = "£" + cost.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB")))
        let coverage = String(format: "%.1f%%", (totals["coverage"] as! Double) * 100)
        let totalRow = try XCTUnwrap(html.components(separatedBy: "<tr class=\"total\">").dropFirst().first?.components(separatedBy: "</tr>").first)
        XCTAssertTrue(totalRow.contains("County total") && totalRow.contains(pounds) && totalRow.contains(coverage), totalRow)
        let sites = parseCSV(try scratch.read("plan/sites.csv")).rows
        let sitesSection = try XCTUnwrap(html.components(separatedBy: "<section id=\"sites\">").last?.components(separatedBy: "</section>").first)
        for site in sites {
            XCTAssertTrue(sitesSection.contains("<td>\(site["site_id"]!)</td>"), site["site_id"]!)
        }
        XCTAssertEqual(sitesSection.components(separatedBy: "<tr class=\"closed\">").count - 1,
                       sites.filter { $0["decision"] == "closed" }.count, "one closing row per closed site")
        XCTAssertTrue(html.contains("Budget £4,700,000 a year: the plan spends \(pounds)"), "the budget against the plan's spending")

        // The equality table's last column is equality.csv's displaced_share, a percentage (the
        // terminal's "Visits displaced" is a count): its header must say it is a share.
        let equality = try XCTUnwrap(html.components(separatedBy: "<section id=\"equality\">").last?.components(separatedBy: "</section>").first)
        XCTAssertTrue(equality.contains("<th>Share of visits displaced</th>"), "the column names what its cells hold")
        let all = try XCTUnwrap(parseCSV(try scratch.read("plan/equality.csv")).rows.first { $0["group"] == "all" })
        let share = try XCTUnwrap(Double(all["displaced_share"]!))
        let allRow = try XCTUnwrap(equality.components(separatedBy: "<td>All areas</td>").dropFirst().first?.components(separatedBy: "</tr>").first)
        let cells = allRow.components(separatedBy: "</td>").dropLast().map { String($0.split(separator: ">", omittingEmptySubsequences: false).last ?? "") }
        let lastCell = try XCTUnwrap(cells.last)
        XCTAssertTrue(lastCell.hasSuffix("%"), "a percentage: \(lastCell)")
        XCTAssertEqual(try XCTUnwrap(Double(lastCell.dropLast())), share * 100, accuracy: 0.05, "the all-areas row ends with its displaced share")
        XCTAssertGreaterThan(share, 0.01, "the default plan closes buildings with visits, so the check compares a real share")

        // The printed map numbers every closing site beside its symbol and names each number in a
        // key under the map (no number overlapping a name or a symbol: MapLabelCommandTests), both
        // in groups shown only in print.
        let numbers = try XCTUnwrap(html.components(separatedBy: "<g id=\"layer-closure-numbers\"").dropFirst().first?
            .components(separatedBy: "</g>").first)
        XCTAssertTrue(numbers.contains("@media print{.closure-numbers{display:inline}}"), "shown in print only")
        let key = try XCTUnwrap(html.components(separatedBy: "<g id=\"closure-key\"").dropFirst().first?.components(separatedBy: "</g>").first)
        XCTAssertTrue(key.contains("@media print{.closure-key{display:inline}}"), "shown in print only")
        let closedSites = sites.filter { $0["decision"] == "closed" }
        XCTAssertEqual(numbers.components(separatedBy: "<text").count - 1, closedSites.count, "every closing site has its number")
        let closed = Set(closedSites.map { escaped($0["name"]!) })
        let shown = key.components(separatedBy: "<text").dropFirst().filter { !$0.contains("font-weight") }
            .map { String($0.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }.drop { $0 != " " }.dropFirst(2)) }
        XCTAssertEqual(Set(shown), closed, "the key names every closing site, and only those")
    }

    func testReportRendersInChromiumWithoutConsoleMessagesAndPrintsAPDF() throws {
        guard let browser = HeadlessChromium.find() else { throw XCTSkip("no chromium binary found (bin/test installs it with apt-get)") }
        let scratch = try Scratch()
        XCTAssertEqual(try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("plan"), "--quiet"]).status, 0)
        let run = try EstateRun.run(["report", scratch.path("plan")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("report.pdf"), run.stdout)
        let pdf = try Data(contentsOf: scratch.url.appendingPathComponent("plan/report.pdf"))
        XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8), "a PDF")
        XCTAssertGreaterThan(pdf.count / 1000, 50, "the PDF holds the map and tables")

        let page = scratch.url.appendingPathComponent("plan/report.html")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("estate-report-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let dump = try browser.run(["--dump-dom", page.absoluteString], profile: profile)
        XCTAssertEqual(dump.status, 0, dump.stderr)
        XCTAssertEqual(dump.consoleLines, [], "the page wrote to the console")
        for id in Self.sections { XCTAssertTrue(dump.stdout.contains("<section id=\"\(id)\">"), "section \(id) not in the rendered page") }
        let shot = try TestArtifacts.directory().appendingPathComponent("kent-report.png")
        try? FileManager.default.removeItem(at: shot)
        let screenshot = try browser.run(["--hide-scrollbars", "--window-size=1280,2400", "--screenshot=" + shot.path, page.absoluteString],
                                         profile: profile)
        XCTAssertEqual(screenshot.consoleLines, [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: shot.path))
    }

    func testReportOfTwoOptionsSetsThemSideBySide() throws {
        let scratch = try Scratch()
        let kent = try scratch.copyKent()
        let text = try String(contentsOf: kent.appendingPathComponent("buildings-only/scenario.yaml"), encoding: .utf8)
        let tight = text.replacingOccurrences(of: #"budget: \d+"#, with: "budget: 3000000", options: .regularExpression)
            .replacingOccurrences(of: #"name: "[^"]*""#, with: #"name: "Option B: £3m""#, options: .regularExpression)
        XCTAssertNotEqual(tight, text)
        try Data(tight.utf8).write(to: kent.appendingPathComponent("buildings-only/tight.yaml"))
        XCTAssertEqual(try EstateRun.run(["plan", kent.appendingPathComponent("buildings-only/scenario.yaml").path, "--out", scratch.path("a"), "--quiet"]).status, 0)
        XCTAssertEqual(try EstateRun.run(["plan", kent.appendingPathComponent("buildings-only/tight.yaml").path, "--out", scratch.path("b"), "--quiet"]).status, 0)
        let run = try EstateRun.run(["report", "a", "b", "--out", "both.html", "--no-pdf"], in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let html = try scratch.read("both.html")
        XCTAssertTrue(html.contains("<section id=\"overview\">"))
        XCTAssertTrue(html.contains("Option 2: Option B: £3m"), "each option under its scenario's name")
        for id in Self.sections { for k in 1...2 { XCTAssertTrue(html.contains("<section id=\"\(id)-\(k)\">"), "\(id)-\(k)") } }
    }

    func testReportQuotesTheExplanationsOfSummaryJSONForEveryLimitAndSite() throws {
        let scratch = try Scratch()
        let kent = try scratch.copyKent()
        let text = try String(contentsOf: kent.appendingPathComponent("buildings-only/scenario.yaml"), encoding: .utf8)
        try Data(text.replacingOccurrences(of: #"budget: \d+"#, with: "budget: 2500000", options: .regularExpression).utf8)
            .write(to: kent.appendingPathComponent("buildings-only/tight.yaml"))
        let plan = try EstateRun.run(["plan", kent.appendingPathComponent("buildings-only/tight.yaml").path, "--out", scratch.path("plan"),
                                      "--explain-resolves", "100"])
        XCTAssertEqual(plan.status, 0, plan.stderr)
        XCTAssertTrue(plan.stdout.contains("Budget of £2,500,000 a year: binds; £100,000 more (£2,600,000) covers"), plan.stdout)
        XCTAssertEqual(try EstateRun.run(["report", scratch.path("plan"), "--no-pdf"]).status, 0)
        let html = try scratch.read("plan/report.html")
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("plan/summary.json").utf8)) as! [String: Any]
        let explanations = try XCTUnwrap(summary["explanations"] as? [String: Any])
        let limits = explanations["limits"] as! [[String: Any]]
        XCTAssertEqual(limits.map { $0["constraint"] as! String }, ["constraints.budget", "constraints.min_per_district"])
        XCTAssertEqual(limits.map { $0["binds"] as! Bool }, [true, false])
        XCTAssertEqual(limits.map { $0["changed_nothing"] as! Bool }, [false, true])
        let section = try XCTUnwrap(html.components(separatedBy: "<section id=\"explanations\">").last?.components(separatedBy: "</section>").first)
        for limit in limits { XCTAssertTrue(section.contains(escaped(limit["sentence"] as! String)), limit["sentence"] as! String) }
        let sites = explanations["sites"] as! [[String: Any]]
        XCTAssertEqual(sites.count, parseCSV(try scratch.read("plan/sites.csv")).rows.filter { $0["status"] == "candidate" }.count)
        let sitesSection = try XCTUnwrap(html.components(separatedBy: "<section id=\"sites\">").last?.components(separatedBy: "</section>").first)
        for site in sites { XCTAssertTrue(sitesSection.contains(escaped(site["sentence"] as! String)), site["site_id"] as! String) }
    }

    func testReportOfAnInfeasiblePlanSaysWhyInDataFacts() throws {
        let scratch = try Scratch()
        let kent = try scratch.copyKent()
        let text = try String(contentsOf: kent.appendingPathComponent("buildings-only/scenario.yaml"), encoding: .utf8)
        let floor = text.replacingOccurrences(of: "min_per_district: 1", with: "min_per_district: 1\n  min_deprived_coverage: 1")
        XCTAssertNotEqual(floor, text)
        try Data(floor.utf8).write(to: kent.appendingPathComponent("buildings-only/floor.yaml"))
        let plan = try EstateRun.run(["plan", kent.appendingPathComponent("buildings-only/floor.yaml").path, "--out", scratch.path("plan")])
        XCTAssertEqual(plan.status, 3, plan.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("plan/summary.json").utf8)) as! [String: Any]
        let conflict = try XCTUnwrap((summary["conflicts"] as? [[String: Any]])?.first)
        XCTAssertEqual(conflict["constraint"] as? String, "constraints.min_deprived_coverage")
        let reach = try XCTUnwrap((conflict["out_of_reach"] as? [[String: Any]])?.first)
        let sentence = conflict["explanation"] as! String
        XCTAssertTrue(sentence.contains("\(reach["beyond"] as! Int) of the \(reach["areas"] as! Int) most deprived areas"), sentence)
        XCTAssertTrue(sentence.contains(String(format: "the best coverage of the most deprived areas' need is %.1f%%", (conflict["best"] as! Double) * 100)), sentence)

        let run = try EstateRun.run(["report", scratch.path("plan"), "--no-pdf"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let html = try scratch.read("plan/report.html")
        for id in ["summary", "why", "caveats"] { XCTAssertTrue(html.contains("<section id=\"\(id)\">"), id) }
        XCTAssertTrue(html.contains("No plan satisfies every constraint"))
        XCTAssertTrue(html.contains(escaped(sentence)), "the conflict in summary.json's words")
        for area in reach["examples"] as! [String] { XCTAssertTrue(html.contains(area), "area \(area) beyond reach is named") }
        XCTAssertTrue(html.contains("Illustrative data: not a real estate or a real proposal."))

        // Among several options, the infeasible one stands with its status and its reasons.
        XCTAssertEqual(try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("ok"), "--quiet"]).status, 0)
        let both = try EstateRun.run(["report", "ok", "plan", "--out", "both.html", "--no-pdf"], in: scratch.url)
        XCTAssertEqual(both.status, 0, both.stderr)
        let page = try scratch.read("both.html")
        XCTAssertTrue(page.contains("<section id=\"overview\">"))
        for id in Self.sections { XCTAssertTrue(page.contains("<section id=\"\(id)-1\">"), "\(id)-1") }
        for id in ["summary", "why", "caveats"] { XCTAssertTrue(page.contains("<section id=\"\(id)-2\">"), "\(id)-2") }
        XCTAssertTrue(page.contains(escaped(sentence)), "the infeasible option's conflict in summary.json's words")
        let overview = try XCTUnwrap(page.components(separatedBy: "<section id=\"overview\">").last?.components(separatedBy: "</section>").first)
        XCTAssertTrue(overview.lowercased().contains("infeasible"), overview)
    }

    /// `text` as the report escapes it.
    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    func testReportRefusesAFolderThatIsNotAPlan() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let run = try EstateRun.run(["report", "empty"], in: scratch.url)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("summary.json"), run.stderr)
        XCTAssertFalse(scratch.exists("empty/report.html"))
    }
}
