import Estate
@testable import EstateIO
import Foundation
import GRDB
import Planning
import Reports
import XCTest

/// `dataset.yaml` over files in their published layouts (datasets/published).
final class ManifestTests: XCTestCase {
    let published = packageRoot.appendingPathComponent("datasets/published")

    /// A quote-aware CSV reader for the fixtures, written apart from the engine's.
    static func readCSV(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        var records: [[String]] = []
        var record: [String] = [], field = "", quoted = false
        for character in text {
            if quoted {
                if character == "\"" { quoted = false } else { field.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field); field = ""
            } else if character == "\r\n" || character == "\n" {
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return (records[0], Array(records.dropFirst()))
    }

    func testPublishedLayoutPlansExactlyAsThePlainFolder() throws {
        // The plain folder, assembled here by hand from the published files.
        let lookup = try Self.readCSV(published.appendingPathComponent("LSOA21_WD22_LAD22_EW_LU.csv"))
        let centroids = try Self.readCSV(published.appendingPathComponent("LSOA_PopCentroids_EW_2021_V3.csv"))
        let iod = try Self.readCSV(published.appendingPathComponent("File_7_IoD2025_All_Ranks_Scores_Deciles_Population_Denominators.csv"))
        let population = try Self.readCSV(published.appendingPathComponent("sapelsoasyoa20222022.csv"))
        func row(_ table: (header: [String], rows: [[String]]), _ key: String, _ id: String) -> [String: String] {
            let column = table.header.firstIndex(of: key)!
            let found = table.rows.first { $0[column] == id }!
            return Dictionary(uniqueKeysWithValues: zip(table.header, found))
        }
        func ages(_ cells: [String: String], _ range: ClosedRange<Int>) -> Int {
            range.reduce(0) { $0 + Int(cells["F\($1)"]!)! + Int(cells["M\($1)"]!)! }
        }
        var areas = "area_id,district,lat,lon,children,children_0_4,young_people_11_19,imd_score,idaci_score\n"
        for cells in lookup.rows where ["E07000105", "E07000106"].contains(cells[4]) {
            let id = cells[0]
            let point = row(centroids, "LSOA21CD", id)
            let wgs84 = BritishNationalGrid.wgs84(easting: Double(point["x"]!)!, northing: Double(point["y"]!)!)
            let people = row(population, "LSOA 2021 Code", id)
            let deprivation = row(iod, "LSOA code (2021)", id)
            areas += "\(id),\(cells[5]),\(wgs84.latitude),\(wgs84.longitude),\(ages(people, 0...19)),\(ages(people, 0...4)),"
                + "\(ages(people, 11...19)),\(deprivation["Index of Multiple Deprivation (IMD) Score"]!),"
                + "\(deprivation["Income Deprivation Affecting Children Index (IDACI) Score (rate)"]!)\n"
        }
        let sites = """
            site_id,name,kind,district,lat,lon,annual_cost,carbon,capacity
            ASH-CC1,Ashford Children's Centre,childrens_centre,Ashford,51.1462,0.8717,85000,21.4,12000
            ASH-YH1,Ashford Youth Hub,youth_hub,Ashford,51.1321,0.8541,62500,15.2,
            ASH-CC2,Tenterden Children's Centre,childrens_centre,Ashford,51.0688,0.6868,48000,9.8,6000
            CAN-FH1,Canterbury Family Hub,family_hub,Canterbury,51.279,1.079,120000,30.1,20000
            CAN-CC1,Herne Bay Children's Centre,childrens_centre,Canterbury,51.3705,1.128,71250,17.9,9000

            """
        let plain = try TestFolder(["areas.csv": areas, "sites.csv": sites,
                                    "scenario.yaml": try String(contentsOf: published.appendingPathComponent("scenario.yaml"), encoding: .utf8)])

        let fromManifest = try InputLoader.load(path: published.appendingPathComponent("scenario.yaml").path)
        let fromPlain = try InputLoader.load(path: plain.url.appendingPathComponent("scenario.yaml").path)
        XCTAssertEqual(fromManifest.dataset.areas, fromPlain.dataset.areas)
        XCTAssertEqual(fromManifest.dataset.sites, fromPlain.dataset.sites)
        XCTAssertEqual(fromManifest.dataset.areas.count, 8, "the lookup's Dover rows are left out by `where:`")
        XCTAssertEqual(fromManifest.dataset.sites.map(\.annualCost), [85000, 62500, 48000, 120000, 71250])

        let a = try PlanFiles.make(try PlanPipeline.run(scenario: fromManifest.scenario, dataset: fromManifest.dataset), engineVersion: "test")
        let b = try PlanFiles.make(try PlanPipeline.run(scenario: fromPlain.scenario, dataset: fromPlain.dataset), engineVersion: "test")
        XCTAssertEqual(a.map(\.name), b.map(\.name))
        for (left, right) in zip(a, b) where left.name.hasSuffix(".csv") {
            XCTAssertEqual(String(decoding: left.contents, as: UTF8.self), String(decoding: right.contents, as: UTF8.self), left.name)
        }
        let kept = String(decoding: a.first { $0.name == "sites.csv" }!.contents, as: UTF8.self).components(separatedBy: ",kept,").count - 1
        XCTAssertGreaterThan(kept, 0)
        XCTAssertLessThan(kept, 5, "the budget makes a choice")
    }

    /// The plan's GIS layers: area outlines from the boundary file (a hole, a MultiPolygon), the
    /// districts as their areas' outlines; without boundaries, points and no district geometry.
    func testPlanLayersCarryTheBoundariesOrPoints() throws {
        func layer(_ files: [(name: String, contents: [UInt8])], _ name: String) throws -> [[String: Any]] {
            let data = Data(files.first { $0.name == name }!.contents)
            return (try JSONSerialization.jsonObject(with: data) as! [String: Any])["features"] as! [[String: Any]]
        }
        func geometry(_ feature: [String: Any]) -> (type: String, coordinates: [Any])? {
            guard let g = feature["geometry"] as? [String: Any] else { return nil }
            return (g["type"] as! String, g["coordinates"] as! [Any])
        }
        let inputs = try InputLoader.load(path: published.appendingPathComponent("scenario.yaml").path)
        XCTAssertEqual(inputs.dataset.boundaries.count, 8)
        XCTAssertTrue(inputs.dataset.boundaries.allSatisfy { $0 != nil })
        let files = try PlanFiles.make(try PlanPipeline.run(scenario: inputs.scenario, dataset: inputs.dataset), engineVersion: "test")
        let areas = try layer(files, "areas.geojson")
        XCTAssertEqual(areas.count, 8)
        let byID = Dictionary(uniqueKeysWithValues: areas.map { (($0["properties"] as! [String: Any])["area_id"] as! String, $0) })
        XCTAssertTrue(areas.allSatisfy { geometry($0)?.type == "MultiPolygon" })
        XCTAssertEqual((geometry(byID["E01024003"]!)!.coordinates[0] as! [Any]).count, 2, "an exterior ring and a hole")
        XCTAssertEqual(geometry(byID["E01024103"]!)!.coordinates.count, 2, "two polygons")
        let districts = try layer(files, "districts.geojson")
        XCTAssertEqual(districts.map { ($0["properties"] as! [String: Any])["district"] as! String }, ["Ashford", "Canterbury"])
        XCTAssertEqual(geometry(districts[0])!.coordinates.count, 4, "Ashford's four areas, one polygon each")
        XCTAssertEqual(try layer(files, "sites.geojson").count, 5)

        // The GeoPackage holds the same outlines (read back by the GeoPackage reader) and sites.
        let folder = try TestFolder([:])
        try folder.writeBytes("estate.gpkg", files.first { $0.name == "estate.gpkg" }!.contents)
        let gpkg = folder.url.appendingPathComponent("estate.gpkg")
        let outlines = try BoundaryReader.read(url: gpkg, key: "area_id")
        XCTAssertEqual(outlines.map(\.id), inputs.dataset.areas.map(\.id))
        XCTAssertEqual(outlines.map(\.boundary), inputs.dataset.boundaries.map { $0! })
        let queue = try DatabaseQueue(path: gpkg.path)
        try queue.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA application_id"), 0x4750_4B47)
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT table_name FROM gpkg_contents ORDER BY table_name"), ["areas", "districts", "sites"])
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT site_id FROM sites WHERE decision = 'kept' ORDER BY fid"),
                           inputs.dataset.sites.indices.filter { kept(files, inputs.dataset.sites[$0].id) }.map { inputs.dataset.sites[$0].id })
        }

        let kent = try InputLoader.load(path: packageRoot.appendingPathComponent("datasets/kent/buildings-only/scenario.yaml").path)
        let kentFiles = try PlanFiles.make(try PlanPipeline.run(scenario: kent.scenario, dataset: kent.dataset), engineVersion: "test")
        // Kent's plain folder gains its generated outlines through `boundaries:` alone in dataset.yaml;
        // each district is one merged shape (its areas' union), not a pile of area polygons.
        XCTAssertTrue(try layer(kentFiles, "areas.geojson").allSatisfy { geometry($0)?.type == "MultiPolygon" })
        let kentDistricts = try layer(kentFiles, "districts.geojson")
        XCTAssertEqual(kentDistricts.count, 12)
        for district in kentDistricts {
            let pieces = try XCTUnwrap(geometry(district)).coordinates
            XCTAssertLessThanOrEqual(pieces.count, 4, "\((district["properties"] as! [String: Any])["district"]!) is merged from ~75 areas")
        }

        // Without boundaries: points, and districts without geometry.
        var plain = kent.dataset
        plain.boundaries = []
        let plainFiles = try PlanFiles.make(try PlanPipeline.run(scenario: kent.scenario, dataset: plain), engineVersion: "test")
        XCTAssertTrue(try layer(plainFiles, "areas.geojson").allSatisfy { geometry($0)?.type == "Point" })
        XCTAssertTrue(try layer(plainFiles, "districts.geojson").allSatisfy { $0["geometry"] is NSNull })
    }

    /// Whether sites.csv of a plan's files says `site` is kept.
    func kept(_ files: [(name: String, contents: [UInt8])], _ site: String) -> Bool {
        String(decoding: files.first { $0.name == "sites.csv" }!.contents, as: UTF8.self)
            .split(separator: "\n").contains { $0.hasPrefix("\(site),") && $0.contains(",kept,") }
    }

    func testIoD2019FileLoadsUnchangedByItsPublishedHeader() throws {
        let folder = try TestFolder([:])
        for name in try FileManager.default.contentsOfDirectory(atPath: published.path) where name != "dataset.yaml" {
            try FileManager.default.copyItem(at: published.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        let manifest = try String(contentsOf: published.appendingPathComponent("dataset.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "File_7_IoD2025_All_Ranks_Scores_Deciles_Population_Denominators.csv",
                                  with: "File_7_-_All_IoD2019_Scores__Ranks__Deciles_and_Population_Denominators_3.csv")
            .replacingOccurrences(of: "key: LSOA code (2021)", with: "key: LSOA code (2011)")
        try folder.write("dataset.yaml", manifest)
        let iod = try Self.readCSV(published.appendingPathComponent("File_7_-_All_IoD2019_Scores__Ranks__Deciles_and_Population_Denominators_3.csv"))
        XCTAssertEqual(iod.header.count, 57)
        let dataset = try DatasetReader.read(folder: folder.url)
        let scoreColumn = iod.header.firstIndex(of: "Index of Multiple Deprivation (IMD) Score")!
        let expected = dataset.areas.map { area in Double(iod.rows.first { $0[0] == area.id }![scoreColumn])! }
        XCTAssertEqual(dataset.indicators["imd_score"], expected)
    }

    func testBadCellsAreReportedInTheirOwnFileLineAndColumn() throws {
        let folder = try TestFolder([:])
        for name in try FileManager.default.contentsOfDirectory(atPath: published.path) {
            try FileManager.default.copyItem(at: published.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        func edit(_ name: String, _ body: (String) -> String) throws {
            let url = folder.url.appendingPathComponent(name)
            try folder.write(name, body(try String(contentsOf: url, encoding: .utf8)))
        }
        // A letter among the single years of age of the third row (line 4) of the population file.
        try edit("sapelsoasyoa20222022.csv") { text in
            var lines = text.components(separatedBy: "\r\n")
            var cells = lines[3].components(separatedBy: ",")
            cells[5 + 1 + 3] = "x"   // F3 is the fourth age column after the five leading ones (one quoted "1,234" total)
            lines[3] = cells.joined(separator: ",")
            return lines.joined(separator: "\r\n")
        }
        // A deprivation file without one of the areas.
        try edit("File_7_IoD2025_All_Ranks_Scores_Deciles_Population_Denominators.csv") { text in
            text.components(separatedBy: "\r\n").filter { !$0.hasPrefix("E01024003,") }.joined(separator: "\r\n")
        }
        // A cost that is not a number.
        try edit("buildings.csv") { $0.replacingOccurrences(of: "\"£62,500\"", with: "tbc") }
        XCTAssertThrowsError(try DatasetReader.read(folder: folder.url)) { error in
            let text = (error as! InputErrors).description
            XCTAssertTrue(text.contains("sapelsoasyoa20222022.csv:4:"), text)
            XCTAssertTrue(text.contains("column 'F3': value 'x': expected a number (for children)"), text)
            XCTAssertTrue(text.contains("File_7_IoD2025_All_Ranks_Scores_Deciles_Population_Denominators.csv: column 'LSOA code (2021)': value 'E01024003'"), text)
            XCTAssertTrue(text.contains("buildings.csv:3: column 'cost': value 'tbc'"), text)
        }
    }

    func testManifestMistakesPointAtTheManifestLine() throws {
        let folder = try TestFolder([:])
        for name in try FileManager.default.contentsOfDirectory(atPath: published.path) {
            try FileManager.default.copyItem(at: published.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        let manifest = try String(contentsOf: published.appendingPathComponent("dataset.yaml"), encoding: .utf8)
        try folder.write("dataset.yaml", manifest.replacingOccurrences(of: "    crs: EPSG:27700", with: "    crs: EPSG:27700\n    keys: x"))
        XCTAssertThrowsError(try DatasetReader.read(folder: folder.url)) { error in
            let text = (error as! InputErrors).description
            XCTAssertTrue(text.contains("dataset.yaml:13:"), text)
            XCTAssertTrue(text.contains("column 'areas.1.keys'"), text)
        }
        try folder.write("dataset.yaml", manifest.replacingOccurrences(of: "columns: {district: LAD22NM}", with: "columns: {district: LAD23NM}"))
        XCTAssertThrowsError(try DatasetReader.read(folder: folder.url)) { error in
            let text = (error as! InputErrors).description
            XCTAssertTrue(text.contains("column 'areas.0.columns.district': value 'LAD23NM': expected a column of LSOA21_WD22_LAD22_EW_LU.csv (it has: LSOA21CD, LSOA21NM, WD22CD, WD22NM, LAD22CD, LAD22NM, ObjectId)"), text)
        }
    }

    /// A `dataset.yaml` naming only `boundaries:` keeps the folder plain and adds the outlines;
    /// its mistakes are reported at their line, like any manifest's.
    func testBoundariesAloneKeepTheFolderPlain() throws {
        let outline = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"A1\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,51],[0.01,51],[0.01,51.01],[0,51]]]}}]}"
        let folder = try TestFolder.valid(["outlines.geojson": outline, "dataset.yaml": "illustrative: true\nboundaries: {file: outlines.geojson, key: code}\n"])
        let dataset = try DatasetReader.read(folder: folder.url)
        XCTAssertEqual(dataset.boundaries.compactMap { $0 }.count, 1)
        XCTAssertNotNil(dataset.boundaries[dataset.areas.firstIndex { $0.id == "A1" }!])
        try folder.write("dataset.yaml", "illustrative: true\nboundaries: {file: outlines.geojson}\n")
        XCTAssertThrowsError(try DatasetReader.read(folder: folder.url)) { error in
            let text = (error as! InputErrors).description
            XCTAssertTrue(text.contains("dataset.yaml:2:"), text)
            XCTAssertTrue(text.contains("boundaries.key"), text)
        }
    }

    func testGridMetresInAPlainFolderNameTheManifestAsTheFix() throws {
        let folder = try TestFolder.valid(["areas.csv": TestFolder.areas.replacingOccurrences(of: "A1,East,51.0,0.0", with: "A1,East,142480,601540")])
        XCTAssertThrowsError(try DatasetReader.read(folder: folder.url)) { error in
            let text = (error as! InputErrors).description
            XCTAssertTrue(text.contains("areas.csv:2:3: column 'lat': value '142480': expected a latitude"), text)
            XCTAssertTrue(text.contains("looks like a British National Grid easting or northing"), text)
            XCTAssertFalse(text.contains("areas.csv:3:"), "a valid latitude gets no hint: \(text)")
        }
    }

    func testCurrencyAndPercentageCellsReadAsNumbers() {
        XCTAssertEqual(NumberParsing.parse("£85,000"), 85_000)
        XCTAssertEqual(NumberParsing.parse("-£1,200.50"), -1_200.5)
        XCTAssertEqual(NumberParsing.parse("12%"), 12)
        XCTAssertEqual(NumberParsing.parse("12.5 %"), 12.5)
        for text in ["£", "85£", "1%2", "%", "£-5", "££5", "12%%"] { XCTAssertNil(NumberParsing.parse(text), text) }
    }

    func testAgeRangesExpandToSingleYearColumns() {
        XCTAssertEqual(DatasetManifest.expandRange("F{0..3}"), ["F0", "F1", "F2", "F3"])
        XCTAssertEqual(DatasetManifest.expandRange("Age {5..6} years"), ["Age 5 years", "Age 6 years"])
        XCTAssertEqual(DatasetManifest.expandRange("Total"), ["Total"])
        XCTAssertNil(DatasetManifest.expandRange("F{3..0}"))
    }

    /// `sites: {where:}` keeps the rows of the sites file whose column holds one of the values:
    /// the buildings-only Kent dataset reads ../sites.csv without the partners' venues. Line
    /// numbers in messages stay those of the file; a filter keeping nothing, or naming a column
    /// the file lacks, is an error at the manifest.
    func testSitesWhereKeepsTheChosenKindsOnly() throws {
        let folder = try TestFolder(["areas.csv": TestFolder.areas, "usage.csv": TestFolder.usage,
                                     "sites.csv": TestFolder.sites + "P1,Hall,partner,East,51.0,0.02,3000,0,,candidate,debt\n"])
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("own"), withIntermediateDirectories: true)
        func manifest(_ filter: String) throws {
            try folder.write("own/dataset.yaml", """
                areas:
                  - {file: ../areas.csv, key: area_id, columns: {imd_score: imd_score}}
                sites: {file: ../sites.csv, where: \(filter)}
                usage: ../usage.csv

                """)
        }
        try manifest("{kind: [childrens_centre, youth_hub]}")
        let own = try DatasetReader.read(folder: folder.url.appendingPathComponent("own"))
        XCTAssertEqual(own.sites.map(\.id), ["S1", "S2"])
        XCTAssertEqual(try DatasetReader.read(folder: folder.url).sites.map(\.id), ["S1", "S2", "P1"])
        // Usage rows must still name buildings the filter keeps: none is dropped silently.
        try manifest("{kind: partner}")
        XCTAssertThrowsError(try DatasetReader.read(folder: folder.url.appendingPathComponent("own"))) { error in
            XCTAssertTrue((error as! InputErrors).description.contains("column 'site_id': value 'S1': expected a site_id of sites.csv"))
        }

        for (filter, expected) in [("{kind: [library]}", "column 'sites.where': expected `where:` to keep at least one row of ../sites.csv"),
                                   ("{type: [partner]}", "column 'sites.where.type': value 'type': expected a column of ../sites.csv")] {
            try manifest(filter)
            XCTAssertThrowsError(try DatasetReader.read(folder: folder.url.appendingPathComponent("own"))) { error in
                let text = (error as! InputErrors).description
                XCTAssertTrue(text.contains("dataset.yaml") && text.contains(expected), text)
            }
        }
    }
}
