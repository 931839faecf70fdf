import Estate
import EstateIO
import XCTest

final class DatasetProvenanceTests: XCTestCase {
    func testDatasetYAMLDeclaresTheDataIllustrativeWithCaveats() throws {
        let folder = try TestFolder.valid(["dataset.yaml": """
            illustrative: true
            caveats:
              - "Costs are 2019 figures."
              - Sites in Dover are approximate.

            """])
        let dataset = try DatasetReader.read(folder: folder.url)
        XCTAssertEqual(dataset.provenance, DatasetProvenance(illustrative: true, caveats: ["Costs are 2019 figures.", "Sites in Dover are approximate."]))
        XCTAssertEqual(dataset.provenance.notices, [DatasetProvenance.illustrativeWarning, "Costs are 2019 figures.", "Sites in Dover are approximate."])
    }

    func testAFolderWithoutDatasetYAMLDeclaresNothing() throws {
        let folder = try TestFolder.valid()
        let dataset = try DatasetReader.read(folder: folder.url)
        XCTAssertEqual(dataset.provenance, DatasetProvenance())
        XCTAssertEqual(dataset.provenance.notices, [])
        XCTAssertNil(DatasetWriter.provenance(dataset), "nothing declared, no file written")
    }

    func testBadDatasetYAMLNamesFileLineAndKey() throws {
        let folder = try TestFolder.valid(["dataset.yaml": "illustrative: perhaps\nillustative: true\ncaveats: one\n"])
        do {
            _ = try DatasetReader.read(folder: folder.url)
            XCTFail("expected errors")
        } catch {
            let text = error.errors.map(\.description)
            XCTAssertTrue(text.contains { $0.hasPrefix("dataset.yaml:1") && $0.contains("illustrative") }, "\(text)")
            XCTAssertTrue(text.contains { $0.hasPrefix("dataset.yaml:2") && $0.contains("unknown key 'illustative'") }, "\(text)")
            XCTAssertTrue(text.contains { $0.hasPrefix("dataset.yaml:3") && $0.contains("a list of sentences") }, "\(text)")
        }
    }

    func testWrittenDatasetYAMLReadsBackTheSame() throws {
        let folder = try TestFolder.valid()
        var dataset = try DatasetReader.read(folder: folder.url)
        dataset.provenance = DatasetProvenance(illustrative: true, caveats: ["A \"quoted\" word and a back\\slash."])
        let copy = try TestFolder([:])
        try DatasetWriter.write(DatasetWriter.files(dataset), to: copy.url)
        XCTAssertEqual(try DatasetReader.read(folder: copy.url).provenance, dataset.provenance)
    }
}
