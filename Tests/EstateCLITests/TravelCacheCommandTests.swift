import Foundation
import XCTest

/// `--travel-cache DIR` on `estate compare` and `estate batch` goes through the same reader as on
/// `estate plan`: a cache entry that `plan` wrote is read back by both. To show that the travel
/// times really come from the cache (and not from travel.csv), the entry's minutes are zeroed:
/// every area is then within any coverage time of every site it lists, and three sites cover
/// several times what they cover on the true minutes.
final class TravelCacheCommandTests: XCTestCase {
    func testCompareAndBatchReadTheCacheThatPlanWrote() throws {
        let scratch = try Scratch()
        let generated = try EstateRun.run(["generate", "synthetic", "--areas", "300", "--sites", "30", "--travel-minutes", "60",
                                           "--out", scratch.path("data")])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let scenario = """
            dataset: .
            objective: max_coverage
            coverage_minutes: 5
            constraints:
              sites: {exactly: 3}

            """
        try scratch.write("data/three.yaml", scenario)
        try scratch.write("data/four.yaml", scenario.replacingOccurrences(of: "exactly: 3", with: "exactly: 4"))
        try scratch.write("data/batch.yaml", scenario + "batch:\n  constraints.sites.exactly: [3, 4]\n")
        let cache = scratch.path("cache")
        let planned = try EstateRun.run(["plan", scratch.path("data/three.yaml"), "--out", scratch.path("truth"), "--quiet",
                                       "--no-explain", "--travel-cache", cache])
        XCTAssertEqual(planned.status, 0, planned.stderr)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".bin") }
        XCTAssertEqual(entries.count, 1)
        let summary = try JSONSerialization.jsonObject(with: Data(scratch.read("truth/summary.json").utf8)) as! [String: Any]
        let truth = summary["objective"] as! Double

        // The entry ends with one 8-byte minute per pair: zero them all.
        let entry = URL(fileURLWithPath: cache).appendingPathComponent(entries[0])
        var bytes = try Data(contentsOf: entry)
        let travelLines = try scratch.read("data/travel.csv").split(separator: "\n").count - 1
        bytes.replaceSubrange(bytes.count - 8 * travelLines ..< bytes.count, with: Data(count: 8 * travelLines))
        try bytes.write(to: entry)

        let compare = try EstateRun.run(["compare", scratch.path("data/three.yaml"), scratch.path("data/four.yaml"),
                                         "--out", scratch.path("compare"), "--quiet", "--travel-cache", cache])
        XCTAssertEqual(compare.status, 0, compare.stderr)
        let options = try JSONSerialization.jsonObject(with: Data(scratch.read("compare/summary.json").utf8)) as! [String: Any]
        let compared = (options["options"] as! [[String: Any]]).map { $0["objective"] as! Double }
        XCTAssertEqual(compared.count, 2)
        XCTAssertGreaterThan(compared[0], 2 * truth, "compare read the zeroed cache")

        let batch = try EstateRun.run(["batch", scratch.path("data/batch.yaml"), "--out", scratch.path("batch"), "--quiet",
                                       "--travel-cache", cache])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        func objectives(_ folder: String) throws -> [Double] {
            parseCSV(try scratch.read("\(folder)/results.csv")).rows
                .sorted { $0["constraints.sites.exactly"]! < $1["constraints.sites.exactly"]! }.map { Double($0["objective"]!)! }
        }
        let batched = try objectives("batch")
        XCTAssertEqual(batched.count, 2)
        for (a, b) in zip(batched, compared) { XCTAssertEqual(a, b, accuracy: 1e-3, "batch read the zeroed cache as compare did") }

        // Without the option, travel.csv itself.
        let plain = try EstateRun.run(["batch", scratch.path("data/batch.yaml"), "--out", scratch.path("plain"), "--quiet"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(try objectives("plain").first ?? 0, truth, accuracy: 1e-3)
    }
}
