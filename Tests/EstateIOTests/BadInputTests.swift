import Estate
import EstateIO
import XCTest

/// One test per kind of bad input: each asserts the message names the file, the line and the column.
final class BadInputTests: XCTestCase {
    /// Reads `folder` and returns the errors (failing the test when reading succeeds).
    func errors(_ folder: TestFolder, indicators: [String] = [], file: StaticString = #filePath, line: UInt = #line) -> [InputError] {
        do {
            _ = try DatasetReader.read(folder: folder.url, indicators: indicators)
            XCTFail("expected input errors", file: file, line: line)
            return []
        } catch {
            return error.errors
        }
    }

    /// Asserts one error names `file:line` and the column, and mentions `fragment`.
    func assertError(_ errors: [InputError], file: String, line: Int, column: String?, mentions fragment: String,
                     sourceFile: StaticString = #filePath, sourceLine: UInt = #line) {
        let match = errors.first { $0.file == file && $0.line == line && $0.column == column }
        XCTAssertNotNil(match, "no error at \(file):\(line) column \(column ?? "-") in:\n\(InputErrors(errors))",
                        file: sourceFile, line: sourceLine)
        if let match {
            XCTAssertTrue(match.description.hasPrefix("\(file):\(line)"), match.description, file: sourceFile, line: sourceLine)
            if let column { XCTAssertTrue(match.description.contains("column '\(column)'"), match.description, file: sourceFile, line: sourceLine) }
            XCTAssertTrue(match.description.contains(fragment), match.description, file: sourceFile, line: sourceLine)
        }
    }

    func testValidDatasetReads() throws {
        let folder = try TestFolder.valid()
        let dataset = try DatasetReader.read(folder: folder.url)
        XCTAssertEqual(dataset.areas.map(\.id), ["A1", "A2", "A3"])
        XCTAssertEqual(dataset.districts, ["East", "West"])
        XCTAssertEqual(dataset.sites[0].status, .keep)
        XCTAssertEqual(dataset.sites[0].services, ["early_years", "parenting"])
        XCTAssertNil(dataset.sites[1].capacity)
        XCTAssertEqual(dataset.indicators.names, ["imd_score", "fsm_pct"])
        XCTAssertEqual(dataset.visitsByArea, [300, 0, 50])
        XCTAssertEqual(dataset.invariantViolations(), [])
    }

    func testMissingColumn() throws {
        let folder = try TestFolder.valid(["areas.csv": "area_id,district,lat,children\nA1,East,51,100\n"])
        assertError(errors(folder), file: "areas.csv", line: 1, column: "lon", mentions: "a column named 'lon'")
    }

    func testDuplicateAreaId() throws {
        let folder = try TestFolder.valid(["areas.csv": TestFolder.areas + "A2,West,51.0,0.6,50,1,1\n"])
        assertError(errors(folder), file: "areas.csv", line: 5, column: "area_id", mentions: "also on line 3")
    }

    func testDuplicateSiteId() throws {
        let folder = try TestFolder.valid(["sites.csv": TestFolder.sites + "S1,Again,youth_hub,West,51,0.5,1,1,,,\n"])
        assertError(errors(folder), file: "sites.csv", line: 4, column: "site_id", mentions: "unique site_id")
    }

    func testUnknownDistrictInSites() throws {
        let folder = try TestFolder.valid(["sites.csv": TestFolder.sites + "S3,Three,youth_hub,Medway,51,0.5,1,1,,,\n"])
        assertError(errors(folder), file: "sites.csv", line: 4, column: "district", mentions: "a district of areas.csv")
    }

    func testUnknownSiteAndAreaInUsage() throws {
        let folder = try TestFolder.valid(["usage.csv": "site_id,area_id,service,visits\nS9,A1,x,1\nS1,A9,x,1\n"])
        let found = errors(folder)
        assertError(found, file: "usage.csv", line: 2, column: "site_id", mentions: "'S9'")
        assertError(found, file: "usage.csv", line: 3, column: "area_id", mentions: "'A9'")
    }

    func testUnknownIdsInTravel() throws {
        let folder = try TestFolder.valid(["travel.csv": "area_id,site_id,minutes\nA1,S1,5\nA7,S1,5\nA1,S8,5\n"])
        let found = errors(folder)
        assertError(found, file: "travel.csv", line: 3, column: "area_id", mentions: "an area_id of areas.csv")
        assertError(found, file: "travel.csv", line: 4, column: "site_id", mentions: "a site_id of sites.csv")
    }

    func testDuplicateTravelPair() throws {
        let folder = try TestFolder.valid(["travel.csv": "area_id,site_id,minutes\nA1,S1,5\nA2,S1,6\nA1,S1,7\n"])
        assertError(errors(folder), file: "travel.csv", line: 4, column: "site_id", mentions: "also on line 2")
    }

    func testNegativeTravelMinutes() throws {
        let folder = try TestFolder.valid(["travel.csv": "area_id,site_id,minutes\nA1,S1,-5\n"])
        assertError(errors(folder), file: "travel.csv", line: 2, column: "minutes", mentions: "'-5'")
    }

    func testNegativeCostAndCarbon() throws {
        let folder = try TestFolder.valid(["sites.csv": TestFolder.sites + "S3,Three,youth_hub,West,51,0.5,-10,-1,,,\n"])
        let found = errors(folder)
        assertError(found, file: "sites.csv", line: 4, column: "annual_cost", mentions: "an annual cost in GBP/year between 0 and 1e10")
        assertError(found, file: "sites.csv", line: 4, column: "carbon", mentions: "carbon in tCO2e/year between 0 and 100,000,000")
    }

    func testNaNIsRefused() throws {
        let folder = try TestFolder.valid(["areas.csv": TestFolder.areas + "A4,West,51.0,0.6,NaN,1,1\n"])
        assertError(errors(folder), file: "areas.csv", line: 5, column: "children", mentions: "NaN and infinity are not numbers")
    }

    func testLatitudeOutOfRange() throws {
        let folder = try TestFolder.valid(["areas.csv": TestFolder.areas + "A4,West,95.2,0.6,10,1,1\n"])
        assertError(errors(folder), file: "areas.csv", line: 5, column: "lat", mentions: "value '95.2'")
    }

    func testEmptyFile() throws {
        let folder = try TestFolder.valid(["sites.csv": ""])
        let found = errors(folder)
        XCTAssertTrue(found.contains { $0.file == "sites.csv" && $0.description.contains("the file is empty") }, "\(found)")
    }

    func testHeaderWithoutRows() throws {
        let folder = try TestFolder.valid(["sites.csv": "site_id,name,kind,district,lat,lon,annual_cost,carbon\n"])
        assertError(errors(folder), file: "sites.csv", line: 1, column: nil, mentions: "at least one site row")
    }

    func testWrongDelimiterIsDetected() throws {
        let semicolons = TestFolder.areas.replacingOccurrences(of: ",", with: ";")
        let folder = try TestFolder.valid(["areas.csv": semicolons])
        assertError(errors(folder), file: "areas.csv", line: 1, column: nil, mentions: "separated by semicolons")
    }

    func testWrongNumberOfCells() throws {
        let folder = try TestFolder.valid(["areas.csv": TestFolder.areas + "A4,West,51.0\n"])
        assertError(errors(folder), file: "areas.csv", line: 5, column: "lon", mentions: "7 cells as in the header, found 3")
    }

    func testUnterminatedQuote() throws {
        let folder = try TestFolder.valid(["areas.csv": TestFolder.areas + "\"A4,West,51.0,0.6,10,1,1\n"])
        let found = errors(folder)
        XCTAssertTrue(found.contains { $0.description.hasPrefix("areas.csv:5:1:") && $0.description.contains("closing quote") }, "\(found)")
    }

    func testBadStatus() throws {
        let folder = try TestFolder.valid(["sites.csv": TestFolder.sites + "S3,Three,youth_hub,West,51,0.5,1,1,,maybe,\n"])
        assertError(errors(folder), file: "sites.csv", line: 4, column: "status", mentions: "candidate, keep or close")
    }

    func testNamedIndicatorMustBeNumeric() throws {
        let folder = try TestFolder.valid(["areas.csv": TestFolder.areas + "A4,West,51.0,0.6,10,high,1\n"])
        assertError(errors(folder, indicators: ["imd_score"]), file: "areas.csv", line: 5, column: "imd_score", mentions: "value 'high'")
    }

    func testBlankNamedIndicatorNeedsTheMissingRule() throws {
        let folder = try TestFolder.valid(["areas.csv": TestFolder.areas + "A4,West,51.0,0.6,10,,1\n"])
        assertError(errors(folder, indicators: ["imd_score"]), file: "areas.csv", line: 5, column: "imd_score",
                    mentions: "missing: district_median")
    }

    func testSeveralErrorsPerFileAreCollectedUpToTheLimit() throws {
        var text = TestFolder.areas
        for index in 0..<40 { text += "B\(index),East,99,0.1,10,1,1\n" }
        let found = errors(try TestFolder.valid(["areas.csv": text]))
        XCTAssertEqual(found.count, InputErrors.limitPerFile)
        XCTAssertEqual(found.first?.line, 5)
        XCTAssertEqual(found[1].line, 6)
    }

    func testSpreadsheetQuirksAreAccepted() throws {
        // BOM, CRLF, stray spaces, thousands separators (quoted), trailing empty cells, blank trailing rows.
        let areas = "\u{FEFF}area_id , district,lat,lon,children,imd_score\r\n"
            + " A1 ,East, 51.0 ,0.0,\"1,200\",10\r\n"
            + "A2,\"East\",51.0,0.1,200,20,,\r\n"
            + "A3,West,51.0,0.5,100,30\r\n"
            + "\r\n,,,,,\r\n\r\n"
        let folder = try TestFolder.valid(["areas.csv": areas,
                                           "usage.csv": "site_id,area_id,service,visits\nS1,A1,early_years,\"2,500\"\n"])
        let dataset = try DatasetReader.read(folder: folder.url)
        XCTAssertEqual(dataset.areas.map(\.id), ["A1", "A2", "A3"])
        XCTAssertEqual(dataset.areas.map(\.children), [1200, 200, 100])
        XCTAssertEqual(dataset.indicators["imd_score"], [10, 20, 30])
        XCTAssertEqual(dataset.usage.first?.visits, 2500)
    }

    func testQuotedFieldsFollowRFC4180() throws {
        let sites = "site_id,name,kind,district,lat,lon,annual_cost,carbon\n"
            + "S1,\"Hub, \"\"the big one\"\"\nsecond line\",youth_hub,East,51,0,10,1\n"
            + "S2,Two,youth_hub,West,51,0.5,10,1\n"
        let folder = try TestFolder.valid(["sites.csv": sites, "usage.csv": "site_id,area_id,visits\n"])
        let dataset = try DatasetReader.read(folder: folder.url)
        XCTAssertEqual(dataset.sites[0].name, "Hub, \"the big one\"\nsecond line")
        XCTAssertEqual(dataset.sites[1].id, "S2")
        // The error line after a multi-line cell counts physical lines.
        let broken = sites + "S3,Three,youth_hub,West,51,0.5,-1,1\n"
        assertError(errors(try TestFolder.valid(["sites.csv": broken, "usage.csv": "site_id,area_id,visits\n"])),
                    file: "sites.csv", line: 5, column: "annual_cost", mentions: "'-1'")
    }

    func testNonUTF8TextIsRefusedWithItsLine() throws {
        let folder = try TestFolder.valid()
        try folder.writeBytes("sites.csv", Array(TestFolder.sites.utf8) + [0x53, 0x33, 0x2C, 0xA3, 0x31, 0x0A])
        let found = errors(folder)
        XCTAssertTrue(found.contains { $0.description.hasPrefix("sites.csv:4:") && $0.description.contains("UTF-8") }, "\(found)")
    }

    func testMissingDatasetFolder() {
        XCTAssertThrowsError(try DatasetReader.read(folder: URL(fileURLWithPath: "/nonexistent/estate"))) { error in
            XCTAssertTrue(String(describing: error).contains("a dataset folder"))
        }
    }
}
