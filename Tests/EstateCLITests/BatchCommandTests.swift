import Foundation
import XCTest

/// `estate batch`, `estate merge` and `estate frontier` as a user runs them, on small
/// batches of the committed Kent dataset.
final class BatchCommandTests: XCTestCase {
    /// A 3 x 2 batch (budgets x coverage minutes): two budgets bind; 9M does not, so those
    /// scenarios take the plan of the problem without a budget (shared, not re-solved).
    static let batchYAML = """
        dataset: kent/buildings-only
        needs:
          indicators:
            - {column: imd_score, weight: 0.5, direction: higher_is_worse, transform: rank}
            - {column: cin_rate, weight: 0.5, direction: higher_is_worse, transform: rank}
        objective: max_coverage
        coverage_minutes: 20
        constraints: {budget: 2_000_000, min_per_district: 1}
        batch:
          constraints.budget: [1_500_000, 2_500_000, 9_000_000]
          coverage_minutes: [15, 20]
        """

    /// A scratch folder with a copy of Kent and the batch file `batch.yaml` beside it.
    private func batchFolder() throws -> Scratch {
        let scratch = try Scratch()
        _ = try scratch.copyKent()
        try scratch.write("batch.yaml", Self.batchYAML)
        return scratch
    }

    func testBatchRowsAreIdenticalWhateverJobsAndMatchEstatePlan() throws {
        let scratch = try batchFolder()
        for jobs in ["1", "2"] {
            let run = try EstateRun.run(["batch", "batch.yaml", "--out", "jobs\(jobs)", "--jobs", jobs, "--quiet"],
                                        in: scratch.url)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("ran 6, skipped 0"), run.stdout)
        }
        let one = reproducibleRows(try scratch.read("jobs1/results.csv"))
        let two = reproducibleRows(try scratch.read("jobs2/results.csv"))
        XCTAssertEqual(one.count, 6)
        XCTAssertEqual(one, two, "same rows, kept sites and objectives with 1 and 2 worker threads")
        XCTAssertEqual(Set(one.values.map { $0["status"]! }), ["optimal"])
        XCTAssertEqual(Set(one.values.map { $0["kept_sites"]! }).count, 6, "six different plans")

        // Rows equal `estate plan` of the same scenario written out by hand: one whose
        // budget binds (solved) and one whose budget does not (the shared unbudgeted plan).
        for (budget, minutes) in [(1_500_000, 15), (9_000_000, 20)] {
            let row = try XCTUnwrap(one.values.first {
                $0["constraints.budget"] == String(budget) && $0["coverage_minutes"] == String(minutes)
            })
            let single = Self.batchYAML.components(separatedBy: "batch:")[0]
                .replacingOccurrences(of: "coverage_minutes: 20", with: "coverage_minutes: \(minutes)")
                .replacingOccurrences(of: "budget: 2_000_000", with: "budget: \(budget)")
            try scratch.write("single.yaml", single)
            let plan = try EstateRun.run(["plan", "single.yaml", "--out", "single", "--quiet"], in: scratch.url)
            XCTAssertEqual(plan.status, 0, plan.stderr)
            let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("single/summary.json").utf8)) as! [String: Any]
            // results.csv writes objectives to 3 decimals (Quantity.objective).
            XCTAssertEqual(Double(row["objective"]!)!, summary["objective"] as! Double, accuracy: 5e-4 + 1e-9)
            XCTAssertEqual(row["status"], "optimal")
            let kept = parseCSV(try scratch.read("single/sites.csv")).rows.filter { $0["decision"] == "kept" }
            XCTAssertEqual(row["kept_sites"], kept.map { $0["site_id"]! }.sorted().joined(separator: ";"))
            let keptCost = kept.reduce(0) { $0 + Double($1["annual_cost"]!)! }
            XCTAssertEqual(Double(row["cost"]!)!, keptCost, accuracy: 0.01)
            XCTAssertLessThanOrEqual(keptCost, Double(budget))
            XCTAssertEqual(row["engine_version"], "estate 0.1.0")
            XCTAssertEqual(row["inputs_sha256"]?.count, 64)
        }
    }

    func testShardsRunAsSeparateProcessesMergeIntoTheSingleRun() throws {
        let scratch = try batchFolder()
        let whole = try EstateRun.run(["batch", "batch.yaml", "--out", "whole", "--quiet"], in: scratch.url)
        XCTAssertEqual(whole.status, 0, whole.stderr)
        var sizes: [Int] = []
        for k in 1 ... 3 {
            let run = try EstateRun.run(["batch", "batch.yaml", "--out", "shard\(k)", "--shard", "\(k)/3", "--quiet"],
                                        in: scratch.url)
            XCTAssertEqual(run.status, 0, run.stderr)
            let rows = parseCSV(try scratch.read("shard\(k)/results.csv")).rows
            XCTAssertEqual(Set(rows.map { $0["shard"]! }), ["\(k)/3"])
            sizes.append(rows.count)
        }
        XCTAssertEqual(sizes, [2, 2, 2], "scenario i goes to shard i mod 3")
        let sources = (1 ... 3).map { "shard\($0)/results.sqlite" }
        let merge = try EstateRun.run(["merge", "all.sqlite"] + sources, in: scratch.url)
        XCTAssertEqual(merge.status, 0, merge.stderr)
        XCTAssertTrue(merge.stdout.contains("6 rows added, 0 already present"), merge.stdout)
        XCTAssertEqual(reproducibleRows(try scratch.read("all.csv")), reproducibleRows(try scratch.read("whole/results.csv")))

        let again = try EstateRun.run(["merge", "all.sqlite"] + sources, in: scratch.url)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("0 rows added, 6 already present"), again.stdout)
    }

    func testResumeAfterACompleteRunRepeatsNothing() throws {
        let scratch = try batchFolder()
        let first = try EstateRun.run(["batch", "batch.yaml", "--out", "run", "--quiet"], in: scratch.url)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try scratch.read("run/results.csv")

        let resumed = try EstateRun.run(["batch", "batch.yaml", "--out", "run", "--resume"], in: scratch.url)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("ran 0, skipped 6"), resumed.stdout)
        XCTAssertEqual(try scratch.read("run/results.csv"), before, "no row was recomputed (timestamps unchanged)")

        let again = try EstateRun.run(["batch", "batch.yaml", "--out", "run"], in: scratch.url)
        XCTAssertEqual(again.status, 1, "a database holding rows is not mixed with a new run without --resume")
        XCTAssertTrue(again.stderr.contains("--resume") || again.stderr.contains("already"), again.stderr)
    }

    func testBatchWithPlansWritesEachScenarioFolder() throws {
        let scratch = try batchFolder()
        let run = try EstateRun.run(["batch", "batch.yaml", "--out", "run", "--plans", "--jobs", "2", "--quiet"],
                                    in: scratch.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        for row in parseCSV(try scratch.read("run/results.csv")).rows {
            let summary = try JSONSerialization.jsonObject(
                with: Data(scratch.read("run/plans/\(row["id"]!)/summary.json").utf8)) as! [String: Any]
            XCTAssertEqual(summary["objective"] as! Double, Double(row["objective"]!)!, accuracy: 5e-4 + 1e-9)
            let kept = parseCSV(try scratch.read("run/plans/\(row["id"]!)/sites.csv")).rows.filter { $0["decision"] == "kept" }
            XCTAssertEqual(kept.map { $0["site_id"]! }.sorted().joined(separator: ";"), row["kept_sites"])
        }
    }

    func testBatchRejectsBadInputWithExitOne() throws {
        let scratch = try batchFolder()
        let missing = try EstateRun.run(["batch", "nowhere.yaml", "--out", "run"], in: scratch.url)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nowhere.yaml"), missing.stderr)
        let retry = try EstateRun.run(["batch", "batch.yaml", "--retry", "error"], in: scratch.url)
        XCTAssertEqual(retry.status, 1)
        XCTAssertTrue(retry.stderr.contains("--retry needs --resume"), retry.stderr)
        let shard = try EstateRun.run(["batch", "batch.yaml", "--shard", "4/3"], in: scratch.url)
        XCTAssertEqual(shard.status, 1)
        XCTAssertTrue(shard.stderr.contains("4/3"), shard.stderr)
    }

    /// A scenario error (an unknown indicator column in one variant) is bad input, known
    /// before anything is solved: the batch fails up front (exit 1) naming the variant, and
    /// writes nothing, rather than exiting 0 with the message hidden in error rows.
    func testABrokenVariantFailsTheBatchUpFront() throws {
        let scratch = try batchFolder()
        try scratch.write("broken.yaml", Self.batchYAML.replacingOccurrences(of: "batch:", with: """
            variants:
              good: {}
              bad: {needs.indicators.1.column: no_such_column}
            batch:
            """))
        let run = try EstateRun.run(["batch", "broken.yaml", "--out", "run", "--quiet"], in: scratch.url)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("no_such_column") && run.stderr.contains("in batch scenario bad"), run.stderr)
        XCTAssertFalse(scratch.exists("run"))
    }
}
