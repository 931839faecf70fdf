import Foundation
import XCTest

/// `travel: {horizon_minutes}` with a travel.csv, `--travel-cache` and `--verbose`, end to end:
/// the horizon must change nothing but the minutes beyond it, and the cache nothing at all.
final class TravelHorizonCommandTests: XCTestCase {
    func testAHorizonKeepsThePlanAndTheCacheKeepsEveryFile() throws {
        let scratch = try Scratch()
        let generated = try EstateRun.run(["generate", "synthetic", "--areas", "600", "--sites", "60", "--travel-minutes", "60",
                                           "--out", scratch.path("data")])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let scenario = """
            dataset: .
            objective: max_coverage
            coverage_minutes: 15
            constraints:
              sites: {exactly: 6}

            """
        try scratch.write("data/every.yaml", scenario)
        try scratch.write("data/near.yaml", scenario + "travel: {horizon_minutes: 15}\n")

        let every = try EstateRun.run(["plan", scratch.path("data/every.yaml"), "--out", scratch.path("every"), "--quiet"])
        XCTAssertEqual(every.status, 0, every.stderr)
        let near = try EstateRun.run(["plan", scratch.path("data/near.yaml"), "--out", scratch.path("near"), "--verbose",
                                      "--travel-cache", scratch.path("cache")])
        XCTAssertEqual(near.status, 0, near.stderr)
        for phase in ["read", "score", "model", "solve", "write"] {
            XCTAssertTrue(near.stdout.contains("  \(phase) "), "--verbose prints \(phase): \(near.stdout)")
        }
        XCTAssertTrue(near.stdout.contains("peak memory"), near.stdout)

        // The same plan; each area's minutes the same within the horizon, blank beyond it.
        func summary(_ folder: String) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(scratch.read("\(folder)/summary.json").utf8)) as! [String: Any]
        }
        let everySummary = try summary("every"), nearSummary = try summary("near")
        XCTAssertEqual(nearSummary["objective"] as! Double, everySummary["objective"] as! Double)
        let decisions = { (folder: String) in try parseCSV(scratch.read("\(folder)/sites.csv")).rows.map { $0["decision"]! } }
        XCTAssertEqual(try decisions("near"), try decisions("every"))
        let everyAreas = parseCSV(try scratch.read("every/areas.csv")).rows
        let nearAreas = parseCSV(try scratch.read("near/areas.csv")).rows
        XCTAssertEqual(nearAreas.count, 600)
        var beyond = 0
        for (a, b) in zip(everyAreas, nearAreas) {
            XCTAssertEqual(a["area_id"], b["area_id"])
            XCTAssertEqual(a["covered"], b["covered"])
            if a["covered"] == "true" || b["minutes"] != "" {
                XCTAssertEqual(b["minutes"], a["minutes"])
            } else {
                beyond += 1
            }
        }
        XCTAssertGreaterThan(beyond, 0, "the instance has areas beyond 15 minutes of every kept site")

        // summary.json records the phases and the peak memory.
        let phases = nearSummary["phases"] as! [String: Double]
        XCTAssertEqual(Set(phases.keys), ["read_s", "score_s", "model_s", "solve_s", "explain_s", "write_s", "peak_memory_mb"])
        XCTAssertGreaterThan(phases["peak_memory_mb"]!, 1)
        XCTAssertTrue(phases.values.allSatisfy { $0 >= 0 })

        // From the cache: every file the same but those that record the seconds.
        let cached = try EstateRun.run(["plan", scratch.path("data/near.yaml"), "--out", scratch.path("cached"), "--quiet",
                                        "--travel-cache", scratch.path("cache")])
        XCTAssertEqual(cached.status, 0, cached.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path("cache")).filter { $0.hasSuffix(".bin") }.count, 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path("near")).sorted()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path("cached")).sorted(), names)
        for name in names where !["summary.json", "estate.xlsx"].contains(name) && !name.hasPrefix(".") {
            XCTAssertEqual(try Data(contentsOf: scratch.url.appendingPathComponent("cached/\(name)")),
                           try Data(contentsOf: scratch.url.appendingPathComponent("near/\(name)")), name)
        }
    }
}
