import Estate
import EstateIO
import EstateSynth
import XCTest

final class SyntheticGeneratorTests: XCTestCase {
    func testSameSeedSameBytesAndASoundDataset() {
        let first = SyntheticGenerator.generate(areas: 2_000, sites: 150, seed: 9)
        let second = SyntheticGenerator.generate(areas: 2_000, sites: 150, seed: 9)
        XCTAssertEqual(DatasetWriter.areas(first), DatasetWriter.areas(second))
        XCTAssertEqual(DatasetWriter.sites(first), DatasetWriter.sites(second))
        XCTAssertNotEqual(DatasetWriter.areas(first), DatasetWriter.areas(SyntheticGenerator.generate(areas: 2_000, sites: 150, seed: 10)))
        XCTAssertEqual(first.areas.count, 2_000)
        XCTAssertEqual(first.sites.count, 150)
        XCTAssertEqual(first.invariantViolations(), [])
        XCTAssertEqual(first.districts, first.districts.sorted())
    }

    func testWrittenSyntheticDatasetReadsBackWithItsTravelTimes() throws {
        let dataset = SyntheticGenerator.generate(areas: 500, sites: 60, seed: 4)
        let travel = TravelTimes.estimated(for: dataset, model: TravelModel(), horizonMinutes: 30)
        let folder = try TestFolder([:])
        try DatasetWriter.write(DatasetWriter.files(dataset, travel: travel), to: folder.url)
        let read = try DatasetReader.read(folder: folder.url)
        XCTAssertEqual(read.areas.map(\.id), dataset.areas.map(\.id))
        XCTAssertEqual(read.districts, dataset.districts)
        XCTAssertEqual(read.travel?.pairCount, travel.pairCount)
        XCTAssertEqual(read.invariantViolations(), [])
    }
}
