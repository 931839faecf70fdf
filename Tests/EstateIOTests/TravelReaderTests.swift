import Estate
@testable import EstateIO
import EstateSynth
import XCTest

final class TravelReaderTests: XCTestCase {
    func testWrittenTravelReadsBackToTheSamePairs() throws {
        let dataset = SyntheticGenerator.generate(areas: 400, sites: 40, seed: 3)
        let estimated = TravelTimes.estimated(for: dataset, model: TravelModel(), horizonMinutes: 30)
        let bytes = DatasetWriter.travel(estimated, dataset: dataset)
        let read = try bytes.withUnsafeBufferPointer { buffer in
            try TravelReader.parse(buffer, file: "travel.csv", areaIDs: dataset.areas.map(\.id), siteIDs: dataset.sites.map(\.id))
        }
        XCTAssertEqual(read.areaOffsets, estimated.areaOffsets)
        XCTAssertEqual(read.areaSites, estimated.areaSites)
        for (value, original) in zip(read.areaMinutes, estimated.areaMinutes) {
            XCTAssertEqual(value, (original * 100).rounded() / 100, accuracy: 1e-9)
        }
        XCTAssertEqual(read.invariantViolations(), [])
    }

    func testColumnsInAnyOrderWithQuotesAndCRLF() throws {
        let text = "minutes,site_id,area_id,note\r\n12.5,\"S1\",A1,x\r\n\"1,000\",S2,A1,\r\n3,S1,A2,y\r\n\r\n"
        let travel = try Array(text.utf8).withUnsafeBufferPointer { buffer in
            try TravelReader.parse(buffer, file: "travel.csv", areaIDs: ["A1", "A2"], siteIDs: ["S1", "S2"])
        }
        XCTAssertEqual(travel.minutes(area: 0, site: 0), 12.5)
        XCTAssertEqual(travel.minutes(area: 0, site: 1), 1000)
        XCTAssertEqual(travel.minutes(area: 1, site: 0), 3)
        XCTAssertNil(travel.minutes(area: 1, site: 1))
    }

    func testNumberParsingFastPathMatchesTheStandardLibrary() {
        for text in ["0", "12", "12.5", "0.1", "0.30000000000000004", "123456.789", "-7.25", "1e3", "2.5E-3", "007.50"] {
            XCTAssertEqual(NumberParsing.parse(text), Double(text), text)
        }
        for text in ["", "-", ".", "NaN", "inf", "1.2.3", "12abc", "1,23", "0x10"] {
            XCTAssertNil(NumberParsing.parse(text), text)
        }
        XCTAssertEqual(NumberParsing.parse("1,234,567.5"), 1_234_567.5)
    }
}
