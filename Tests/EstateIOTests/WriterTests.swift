import Estate
@testable import EstateIO
import XCTest

final class WriterTests: XCTestCase {
    func testFixedDecimalFormatting() {
        XCTAssertEqual(CSVWriter.format(2.5, decimals: 0), "3")
        XCTAssertEqual(CSVWriter.format(-2.5, decimals: 0), "-3")
        XCTAssertEqual(CSVWriter.format(0.125, decimals: 2), "0.13")
        XCTAssertEqual(CSVWriter.format(1234.5, decimals: 3), "1234.500")
        XCTAssertEqual(CSVWriter.format(-0.0001, decimals: 2), "0.00")
        XCTAssertEqual(CSVWriter.format(0.05, decimals: 1), "0.1")
        XCTAssertEqual(CSVWriter.format(Double.nan, decimals: 2), "")
    }

    func testCellsNeedingQuotesAreQuoted() {
        var writer = CSVWriter(header: ["a", "b"])
        writer.row(["Hub, \"big\"", " padded"])
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), "a,b\n\"Hub, \"\"big\"\"\",\" padded\"\n")
    }

    func testAtomicFolderReplacesTheTargetWhole() throws {
        let parent = try TestFolder([:])
        let target = parent.url.appendingPathComponent("out")
        try AtomicFolder.write([("one.csv", Array("1\n".utf8)), ("two.csv", Array("2\n".utf8))], to: target)
        try AtomicFolder.write([("three.csv", Array("3\n".utf8))], to: target)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path), ["three.csv"])
        // Nothing is left beside it.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.url.path), ["out"])
    }

    func testOutputFolderReplacesOnlyWhatItsManifestLists() throws {
        let parent = try TestFolder([:])
        let output = OutputFolder(url: parent.url.appendingPathComponent("out"), kind: .plan, version: "test")
        XCTAssertEqual(try output.check(), .absent)
        try output.replace(with: [("one.csv", Array("1\n".utf8))])
        XCTAssertEqual(try output.check(), .estate(.plan))
        try output.replace(with: [("two.csv", Array("2\n".utf8))])
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: output.url.path)),
                       ["two.csv", OutputFolder.manifestName])
        // A file the manifest does not list makes the folder someone's again.
        try Data("x".utf8).write(to: output.url.appendingPathComponent("mine.txt"))
        XCTAssertThrowsError(try output.replace(with: [])) { XCTAssertTrue("\($0)".contains("mine.txt"), "\($0)") }
        // A manifest that is not Estate's does not count.
        let forged = parent.url.appendingPathComponent("forged")
        try FileManager.default.createDirectory(at: forged, withIntermediateDirectories: true)
        try Data("{\"tool\": \"other\", \"kind\": \"plan\", \"files\": []}".utf8)
            .write(to: forged.appendingPathComponent(OutputFolder.manifestName))
        XCTAssertThrowsError(try OutputFolder(url: forged, kind: .plan, version: "test").check())
        // A symbolic link to an Estate folder is refused rather than followed.
        let link = parent.url.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: output.url)
        XCTAssertThrowsError(try OutputFolder(url: link, kind: .plan, version: "test").check())
        // An empty folder may be written; the output's own inputs may not be inside it.
        let empty = parent.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        XCTAssertEqual(try OutputFolder(url: empty, kind: .plan, version: "test").check(), .empty)
        XCTAssertThrowsError(try OutputFolder(url: parent.url, kind: .plan, inputs: [empty.appendingPathComponent("a.csv")],
                                              version: "test").check())
    }

    /// The manifest is JSON whatever the names hold: a version or file name with a control
    /// character is escaped by the one JSON string rule (it once escaped quotes and backslashes only).
    func testManifestIsValidJSONForAnyNames() throws {
        let names = ["plain.csv", "tab\there.csv", "quote\"and\\back.csv", "bell\u{7}.csv"]
        let bytes = OutputFolder(url: URL(fileURLWithPath: "/nowhere"), kind: .batch, version: "1.0\n-dev").manifest(files: names)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        XCTAssertEqual(parsed["version"] as? String, "1.0\n-dev")
        XCTAssertEqual(parsed["files"] as? [String], names.sorted())
    }

    func testNeedTablesAreDeterministicAndConsistent() throws {
        let folder = try TestFolder.valid()
        try folder.write("s.yaml", "dataset: .\nneeds:\n  indicators:\n    - {column: imd_score, weight: 1}\n  usage_weight: 0.5\n")
        let inputs = try InputLoader.load(path: folder.url.appendingPathComponent("s.yaml").path)
        let first = try inputs.scenario.needReport(for: inputs.dataset)
        let second = try inputs.scenario.needReport(for: inputs.dataset)
        XCTAssertEqual(NeedTables.all(first, dataset: inputs.dataset).map(\.contents),
                       NeedTables.all(second, dataset: inputs.dataset).map(\.contents))
        let areas = String(decoding: NeedTables.areas(first, dataset: inputs.dataset), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(areas[0], "area_id,district,children,imd_score_t,need_score,multiplier,weight,visits")
        XCTAssertEqual(areas.count, 4)
        // Weights sum to the children (400), as the framework normalises them.
        let weights = areas.dropFirst().map { Double($0.split(separator: ",")[6])! }
        XCTAssertEqual(weights.reduce(0, +), 400, accuracy: 0.01)
        let districts = String(decoding: NeedTables.districts(first, dataset: inputs.dataset), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(districts[0], "rank,district,areas,sites,children,need,need_per_child,share_of_need,mean_score,visits")
        XCTAssertEqual(districts.count, 3)
    }

    func testFullyQuotedTravelFileReads() throws {
        let text = "\"area_id\",\"site_id\",\"minutes\"\n\"A1\",\"S1\",\"5.5\"\n\" A2 \",\"S2\",\"7\"\n"
        let travel = try Array(text.utf8).withUnsafeBufferPointer { buffer in
            try TravelReader.parse(buffer, file: "travel.csv", areaIDs: ["A1", "A2"], siteIDs: ["S1", "S2"])
        }
        XCTAssertEqual(travel.minutes(area: 0, site: 0), 5.5)
        XCTAssertEqual(travel.minutes(area: 1, site: 1), 7)
    }
}
