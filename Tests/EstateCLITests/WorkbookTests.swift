import Foundation
import TestSupport
import XCTest

/// The workbooks of a plan, a comparison and a batch, opened by an independent reader (Python's
/// openpyxl): every sheet holds the same figures as its CSV file, numbers as numeric cells with
/// a number format (shares as percentages to a tenth), and a frozen header row.
final class WorkbookTests: XCTestCase {
    /// Compares each (xlsx, sheet, csv) triple given as arguments; prints one line per problem.
    static let checker = #"""
    import csv, sys, openpyxl
    problems = []
    args = sys.argv[1:]
    def is_share(name):
        # Shares are written as fractions and must read as percentages (0.0%) in a workbook.
        return name.endswith("_share") or name.endswith("coverage")
    for i in range(0, len(args), 3):
        book, sheet, table = args[i], args[i + 1], args[i + 2]
        ws = openpyxl.load_workbook(book)[sheet]
        if ws.freeze_panes != "A2":
            problems.append(f"{book}:{sheet}: header not frozen ({ws.freeze_panes})")
        rows = list(ws.iter_rows())
        with open(table, newline="") as f:
            expected = list(csv.reader(f))
        if len(rows) != len(expected):
            problems.append(f"{book}:{sheet}: {len(rows)} rows, {table} has {len(expected)}")
        numbers = 0
        for r, (cells, want) in enumerate(zip(rows, expected)):
            values = [c.value for c in cells] + [None] * max(0, len(want) - len(cells))
            for c, (cell, value, text) in enumerate(zip(cells + (None,) * len(want), values, want)):
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    got = "" if value is None else str(value)
                    if got != text:
                        problems.append(f"{book}:{sheet}: row {r + 1} column {c + 1}: {got!r} != {text!r}")
                    continue
                numbers += 1
                if r == 0 or text == "" or abs(float(text) - value) > 1e-9 * max(1, abs(value)):
                    problems.append(f"{book}:{sheet}: row {r + 1} column {c + 1}: {value!r} != {text!r}")
                if cell is not None and cell.number_format == "General" and float(value) != int(value):
                    problems.append(f"{book}:{sheet}: row {r + 1} column {c + 1}: a fraction with no number format")
                if cell is not None and r > 0 and is_share(expected[0][c]) and cell.number_format != "0.0%":
                    problems.append(f"{book}:{sheet}: row {r + 1} column {c + 1}: a share shown as {cell.number_format!r}")
        if len(expected) > 1 and numbers == 0:
            problems.append(f"{book}:{sheet}: no numeric cells")
    print("\n".join(problems[:20]))
    print(f"checked {len(args) // 3} sheets, {len(problems)} problems")
    """#

    /// Runs the checker, skipping the test when openpyxl cannot be imported.
    func check(_ triples: [(String, String, String)], in scratch: Scratch) throws {
        let probe = try Python.run(["-c", "import openpyxl"])
        if probe.status != 0 {
            throw XCTSkip("openpyxl is not installed (bin/ensure-deps --test installs it with pip): \(probe.stderr)")
        }
        try scratch.write("check.py", Self.checker)
        let run = try Python.run([scratch.path("check.py")] + triples.flatMap { [scratch.path($0.0), $0.1, scratch.path($0.2)] })
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasSuffix("checked \(triples.count) sheets, 0 problems\n"), run.stdout)
    }

    func testPlanAndComparisonWorkbooksHoldTheCSVFigures() throws {
        let scratch = try Scratch()
        let kent = try scratch.copyKent()
        let text = try String(contentsOf: kent.appendingPathComponent("buildings-only/scenario.yaml"), encoding: .utf8)
        try Data(text.replacingOccurrences(of: #"budget: \d+"#, with: "budget: 3000000", options: .regularExpression).utf8)
            .write(to: kent.appendingPathComponent("buildings-only/tight.yaml"))
        for (scenario, out) in [("buildings-only/scenario.yaml", "a"), ("buildings-only/tight.yaml", "b")] {
            let run = try EstateRun.run(["plan", kent.appendingPathComponent(scenario).path, "--out", scratch.path(out), "--quiet"])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let compare = try EstateRun.run(["compare", "a", "b", "--out", "ab", "--quiet"], in: scratch.url)
        XCTAssertEqual(compare.status, 0, compare.stderr)
        var triples: [(String, String, String)] = []
        for (sheet, file) in [("Districts", "districts.csv"), ("Sites", "sites.csv"), ("Areas", "areas.csv"), ("Equality", "equality.csv")] {
            triples.append(("a/estate.xlsx", sheet, "a/" + file))
            triples.append(("ab/compare.xlsx", sheet, "ab/" + file))
        }
        try check(triples, in: scratch)
    }

    func testServicePlanWorkbookHoldsTheServiceTables() throws {
        let scratch = try ServiceOutputsCommandTests.folder()
        let run = try EstateRun.run(["plan", "plan.yaml", "--out", "v2", "--quiet"], in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try EstateRun.run(["plan", "plan.yaml", "--out", "again", "--quiet"], in: scratch.url).status, 0)
        XCTAssertEqual(try EstateRun.run(["compare", "v2", "again", "--out", "same", "--quiet"], in: scratch.url).status, 0)
        // The service sheets add each service's name after its code (the CSV files keep codes only,
        // as FORMAT.md's columns); the expected tables are the CSV files with that column added.
        let names = ["early_years": "Early years (0-5)", "parenting": "parenting", "youth": "youth", "advice": "advice"]
        for file in ["services", "service_equality"] {
            let lines = try scratch.read("v2/\(file).csv").split(separator: "\n", omittingEmptySubsequences: false)
            let named = lines.enumerated().map { index, line -> String in
                guard let comma = line.firstIndex(of: ",") else { return String(line) }
                let code = String(line[..<comma])
                return code + "," + (index == 0 ? "service_name" : names[code]!) + line[comma...]
            }
            try scratch.write("v2/\(file)-named.csv", named.joined(separator: "\n"))
        }
        try check([("v2/estate.xlsx", "Services", "v2/services-named.csv"), ("v2/estate.xlsx", "Service equality", "v2/service_equality-named.csv"),
                   ("v2/estate.xlsx", "Sites", "v2/sites.csv"), ("v2/estate.xlsx", "Districts", "v2/districts.csv"),
                   ("same/compare.xlsx", "Services", "same/services.csv")], in: scratch)
    }

    func testBatchWorkbookHoldsTheResultsInSweptOrder() throws {
        let scratch = try Scratch()
        let kent = try scratch.copyKent()
        let text = try String(contentsOf: kent.appendingPathComponent("buildings-only/scenario.yaml"), encoding: .utf8)
        try Data((text + "batch:\n  constraints.budget: [4000000, 2500000, 3000000]\n").utf8)
            .write(to: kent.appendingPathComponent("buildings-only/sweep.yaml"))
        let run = try EstateRun.run(["batch", kent.appendingPathComponent("buildings-only/sweep.yaml").path, "--out", scratch.path("run"), "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = parseCSV(try scratch.read("run/results.csv")).rows
        XCTAssertEqual(rows.map { $0["constraints.budget"]! }, ["2500000", "3000000", "4000000"], "rows follow the swept budget")
        try check([("run/results.xlsx", "Results", "run/results.csv")], in: scratch)
    }

    func testFrontierWorkbookHoldsTheFrontierCSV() throws {
        let scratch = try Scratch()
        let run = try EstateRun.run(["frontier", kentBuildingsOnly, "--x", "cost", "--y", "coverage", "--max-solves", "4",
                                     "--out", scratch.path("f")])
        XCTAssertEqual(run.status, 0, run.stderr)
        try check([("f/frontier.xlsx", "Frontier", "f/frontier.csv")], in: scratch)
    }
}

/// `python3` with arguments, output captured.
enum Python {
    static func run(_ arguments: [String]) throws -> CommandRun {
        try CommandRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, in: packageRoot)
    }
}
