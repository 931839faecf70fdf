import Estate
import Foundation
import Reports
import XCTest

/// `frontier.json` has one definition for the writer and the reader: what one writes the other
/// reads back whole, and a file from before `today_is_ceiling` (and without the scenario file and
/// criteria names) still reads, as a ceiling.
final class FrontierSummaryTests: XCTestCase {
    func testWhatIsWrittenReadsBackAndAnOlderFileStillReads() throws {
        let written = FrontierSummary(
            name: "Half cost", description: "A test", scenarioFile: "plans/half.yaml", x: "cost", y: "coverage",
            xTitle: "Running cost", yTitle: "Coverage", coverageMinutes: 20,
            datasetProvenance: DatasetProvenance(illustrative: true, caveats: ["made up"]), todayIsCeiling: false)
        let bytes = try JSONEncoder().encode(written)
        XCTAssertEqual(try JSONDecoder().decode(FrontierSummary.self, from: bytes), written)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let older = #"{"coverage_minutes": 20, "dataset_provenance": {"illustrative": false, "caveats": []}, "name": "Old", "#
            + #""x_title": "Running cost", "y_title": "Coverage"}"#
        try Data(older.utf8).write(to: folder.appendingPathComponent("frontier.json"))
        try Data("kind,sites_kept,cost,carbon,coverage,label\nfrontier,3,100,1,0.5,\n".utf8)
            .write(to: folder.appendingPathComponent("frontier.csv"))
        try Data("<svg/>".utf8).write(to: folder.appendingPathComponent("frontier.svg"))
        let record = try FrontierReport.read(folder: folder.path)
        XCTAssertEqual(record.name, "Old")
        XCTAssertNil(record.description)
        XCTAssertTrue(record.todayIsCeiling)
        XCTAssertEqual(record.points.map(\.sitesKept), [3])
    }
}
