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
