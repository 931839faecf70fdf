import Foundation
import XCTest

/// The Kent dataset grew age bands, the services each building can host, usage per service and
/// partners' venues for the Family Hub Network. None of it may change the first version's
/// question: the buildings-only scenario plans, byte for byte, what it planned on the files as
/// they were (v1 columns, council buildings only, one usage row per building and area).
final class KentBuildingsOnlyTests: XCTestCase {
    func testBuildingsOnlyPlanIsByteIdenticalToThePlanOfTheV1Files() throws {
        let scratch = try Scratch()
        let kent = packageRoot.appendingPathComponent("datasets/kent")
        func rows(_ name: String) throws -> [[String]] {
            let text = try String(contentsOf: kent.appendingPathComponent(name), encoding: .utf8)
            XCTAssertFalse(text.contains("\""), "\(name) has no quoted cells, so a line splits on commas")
            return text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("v1"), withIntermediateDirectories: true)
        // areas.csv: the v1 columns (up to fsm_pct).
        let areas = try rows("areas.csv")
        let lastV1 = try XCTUnwrap(areas[0].firstIndex(of: "fsm_pct"))
        try scratch.write("v1/areas.csv", areas.map { $0[...lastV1].joined(separator: ",") }.joined(separator: "\n") + "\n")
        // sites.csv: the council's buildings, without the services column.
        let sites = try rows("sites.csv")
        let kind = try XCTUnwrap(sites[0].firstIndex(of: "kind")), services = try XCTUnwrap(sites[0].firstIndex(of: "services"))
        let council = sites.filter { $0[kind] != "partner" }
        XCTAssertEqual(council.count, 101)
        try scratch.write("v1/sites.csv", council.map { $0[..<services].joined(separator: ",") }.joined(separator: "\n") + "\n")
        // usage.csv: one row per building and area, the visits of all its services added up.
        var order: [String] = [], visits: [String: Int] = [:]
        for row in try rows("usage.csv").dropFirst() {
            let key = row[0] + "," + row[1]
            if visits[key] == nil { order.append(key) }
            visits[key, default: 0] += Int(row[3])!
        }
        try scratch.write("v1/usage.csv", "site_id,area_id,service,visits\n" + order.map { "\($0),,\(visits[$0]!)" }.joined(separator: "\n") + "\n")
        // The outlines and towns the map draws (dataset.yaml names the outlines).
        for name in ["dataset.yaml", "boundaries.geojson", "places.csv"] {
            try FileManager.default.copyItem(at: kent.appendingPathComponent(name), to: scratch.url.appendingPathComponent("v1/\(name)"))
        }
        try FileManager.default.copyItem(at: kent.appendingPathComponent("buildings-only/scenario.yaml"),
                                         to: scratch.url.appendingPathComponent("v1/scenario.yaml"))

        XCTAssertEqual(try EstateRun.run(["plan", scratch.path("v1/scenario.yaml"), "--out", scratch.path("a"), "--quiet"]).status, 0)
        XCTAssertEqual(try EstateRun.run(["plan", kentBuildingsOnly, "--out", scratch.path("b"), "--quiet"]).status, 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path("a")).sorted()
        XCTAssertEqual(files, try FileManager.default.contentsOfDirectory(atPath: scratch.path("b")).sorted())
        XCTAssertTrue(files.contains("sites.csv") && files.contains("estate.html"))
        // summary.json and the workbook's summary sheet carry the run's own fields (seconds, phase
        // times, the dataset's path): summary.json is compared without them, the workbook left to its tests.
        for file in files where file != "summary.json" && file != "estate.xlsx" {
            XCTAssertTrue(try Data(contentsOf: scratch.url.appendingPathComponent("a/\(file)"))
                          == Data(contentsOf: scratch.url.appendingPathComponent("b/\(file)")), "\(file) differs")
        }
        /// summary.json without the run's own fields: every `seconds` (the solve's, the
        /// explanations' re-solves'), the phases' times and memory, and the scenario's dataset path.
        func withoutRunFields(_ value: Any) -> Any {
            if let list = value as? [Any] { return list.map(withoutRunFields) }
            guard var object = value as? [String: Any] else { return value }
            object["seconds"] = nil
            object["phases"] = nil
            for (key, inner) in object { object[key] = withoutRunFields(inner) }
            return object
        }
        func summary(_ folder: String) throws -> NSDictionary {
            var json = try JSONSerialization.jsonObject(with: Data(scratch.read("\(folder)/summary.json").utf8)) as! [String: Any]
            var scenario = json["scenario"] as! [String: Any]
            scenario["dataset"] = nil
            json["scenario"] = scenario
            return withoutRunFields(json) as! NSDictionary
        }
        XCTAssertEqual(try summary("a"), try summary("b"))
    }
}
