import Estate
import Foundation

/// Reads a dataset folder (`areas.csv`, `sites.csv`, optional `usage.csv` and `travel.csv`,
/// as FORMAT.md defines them) and validates it while reading: every problem is reported with
/// file, line, column, value and expectation, several per file.
public enum DatasetReader {
    /// Columns `areas.csv` must have; every other column is a candidate indicator.
    public static let areaColumns = ["area_id", "district", "lat", "lon", "children"]
    /// Columns `sites.csv` must have.
    public static let siteColumns = ["site_id", "name", "kind", "district", "lat", "lon", "annual_cost", "carbon"]
    /// Optional columns of `sites.csv` the engine reads.
    public static let optionalSiteColumns = ["capacity", "status", "services"]

    /// Reads the dataset in `folder`.
    /// - Parameters:
    ///   - indicators: columns of `areas.csv` a needs framework names; each of their cells must
    ///     be a number (or blank when `allowBlankIndicators`). Other extra columns are kept as
    ///     indicators when every cell is numeric or blank, and ignored otherwise.
    ///   - allowBlankIndicators: blank indicator cells are kept as missing (`nan`) for imputation.
    ///   - readTravel: read `travel.csv` when present (the validator and scorer always do).
    ///   - travelHorizonMinutes: keep only the travel pairs within it
    ///     (`Scenario.travelFileHorizonMinutes`); every row is still checked.
    ///   - travelCache: where travel times read before are kept (`TravelCache`).
    public static func read(folder: URL, indicators: [String] = [], allowBlankIndicators: Bool = false,
                            readTravel: Bool = true, travelHorizonMinutes: Double? = nil,
                            travelCache: TravelCache? = nil) throws(InputErrors) -> Dataset {
        var all: [InputError] = []
        var omitted = 0
        func collect(_ errors: InputErrors) {
            all.append(contentsOf: errors.errors)
            omitted += errors.omitted
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputErrors([InputError(file: folder.path, expected: "a dataset folder holding areas.csv and sites.csv")])
        }
        // With a manifest, the published files it names are assembled into the same plain tables.
        let manifestURL = folder.appendingPathComponent(DatasetReader.provenanceFile)
        let areasTable: () throws(InputErrors) -> CSVTable, sitesTable: () throws(InputErrors) -> CSVTable
        var usageURL: URL? = folder.appendingPathComponent("usage.csv"), travelURL: URL? = folder.appendingPathComponent("travel.csv")
        var boundaryFile: DatasetManifest.File?
        if FileManager.default.fileExists(atPath: manifestURL.path), let manifest = try DatasetManifest.read(url: manifestURL) {
            let assembler = ManifestAssembler(manifest: manifest, folder: folder)
            areasTable = { () throws(InputErrors) in try assembler.areas() }
            sitesTable = { () throws(InputErrors) in try assembler.sites() }
            // Without `usage:`/`travel:` there are none (a stray usage.csv is not silently used).
            usageURL = manifest.usage.map { folder.appendingPathComponent($0) }
            travelURL = manifest.travel.map { folder.appendingPathComponent($0) }
            boundaryFile = manifest.boundaries
            for name in [manifest.usage, manifest.travel].compactMap({ $0 })
            where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
                all.append(InputError(file: DatasetReader.provenanceFile, value: name, expected: "a file \(name) in \(folder.path)"))
            }
            if !all.isEmpty { throw InputErrors(all) }
        } else {
            let areasURL = folder.appendingPathComponent("areas.csv")
            let sitesURL = folder.appendingPathComponent("sites.csv")
            for url in [areasURL, sitesURL] where !FileManager.default.fileExists(atPath: url.path) {
                all.append(InputError(file: url.lastPathComponent, expected: "the file \(url.path) (required in a dataset folder, or a dataset.yaml naming the files)"))
            }
            if !all.isEmpty { throw InputErrors(all) }
            if FileManager.default.fileExists(atPath: manifestURL.path) {
                do { boundaryFile = try DatasetManifest.plainFolderBoundaries(url: manifestURL) } catch { collect(error) }
            }
            areasTable = { () throws(InputErrors) in try CSVTable(contentsOf: areasURL, file: "areas.csv") }
            sitesTable = { () throws(InputErrors) in try CSVTable(contentsOf: sitesURL, file: "sites.csv") }
        }

        var areaPart: AreaPart?
        do { areaPart = try readAreas(areasTable(), indicators: indicators, allowBlank: allowBlankIndicators) } catch { collect(error) }
        guard let areaPart else {
            // areas.csv is unusable (e.g. a missing column): sites.csv is still checked, all but its districts.
            do { _ = try readSites(sitesTable(), districts: nil) } catch { collect(error) }
            throw InputErrors(all, omitted: omitted)
        }
        // Cell errors in areas.csv do not stop sites.csv from being checked: every district
        // named in areas.csv (even on a bad row) counts as known.
        all.append(contentsOf: areaPart.errors.errors)
        omitted += areaPart.errors.omitted
        let districts = Dataset.districtList(from: areaPart.districtNames)
        var districtIndex: [String: Int] = [:]
        for (index, name) in districts.enumerated() { districtIndex[name] = index }
        let areas = areaPart.rows.enumerated().map { index, row in
            Area(id: row.id, district: districtIndex[areaPart.districtNames[index]]!, latitude: row.latitude,
                 longitude: row.longitude, children: row.children)
        }
        var areaIndex: [String: Int] = [:]
        for (index, area) in areas.enumerated() { areaIndex[area.id] = index }

        var sites: [Site] = []
        var knownDistricts = districtIndex
        for name in areaPart.namedDistricts where knownDistricts[name] == nil { knownDistricts[name] = -1 }
        var siteTable: CSVTable?
        do { siteTable = try sitesTable() } catch { collect(error) }
        if let siteTable {
            do { sites = try readSites(siteTable, districts: knownDistricts) } catch { collect(error) }
        }

        var siteIndex: [String: Int] = [:]
        for (index, site) in sites.enumerated() { siteIndex[site.id] = index }
        var usage: [UsageRecord] = []
        // usage.csv is checked even when the other files have errors, so that one run shows every
        // file's problems; rows naming an id whose own row was bad are skipped, not reported twice.
        if let usageURL, FileManager.default.fileExists(atPath: usageURL.path), let siteTable, let siteIDColumn = siteTable.column("site_id") {
            var namedSites = Set<String>()
            for row in siteTable.rows { namedSites.insert(row[siteIDColumn]) }
            do {
                usage = try readUsage(CSVTable(contentsOf: usageURL, file: usageURL.lastPathComponent), areas: areaIndex, sites: siteIndex,
                                      badAreas: areaPart.namedIDs.subtracting(areaIndex.keys),
                                      badSites: namedSites.subtracting(siteIndex.keys))
            } catch { collect(error) }
        }
        var travel: TravelTimes?
        if readTravel, let travelURL, FileManager.default.fileExists(atPath: travelURL.path), !sites.isEmpty, all.isEmpty {
            do { travel = try TravelReader.read(url: travelURL, areaIDs: areas.map(\.id), siteIDs: sites.map(\.id),
                                                    horizonMinutes: travelHorizonMinutes, cache: travelCache) }
            catch { collect(error) }
        }
        var provenance = DatasetProvenance()
        do { provenance = try readProvenance(folder: folder) } catch { collect(error) }
        var boundaries: [Boundary?] = []
        if let boundaryFile, all.isEmpty {
            do {
                var byCode: [String: Boundary] = [:]
                for outline in try BoundaryReader.read(url: folder.appendingPathComponent(boundaryFile.file), key: boundaryFile.key ?? "") {
                    byCode[outline.id] = outline.boundary
                }
                boundaries = areas.map { byCode[$0.id] }
            } catch { collect(error) }
        }
        var places: [Place] = []
        let placesURL = folder.appendingPathComponent(placesFile)
        if FileManager.default.fileExists(atPath: placesURL.path) {
            do { places = try readPlaces(CSVTable(contentsOf: placesURL, file: placesFile)) } catch { collect(error) }
        }
        if !all.isEmpty { throw InputErrors(all, omitted: omitted) }
        var dataset = Dataset(source: folder.path, districts: districts, areas: areas, sites: sites, usage: usage,
                              indicators: areaPart.indicators, travel: travel)
        dataset.provenance = provenance
        dataset.boundaries = boundaries
        dataset.places = places
        return dataset
    }

    /// The optional file of towns to label on maps: `name,lat,lon` (WGS84 degrees).
    public static let placesFile = "places.csv"

    static func readPlaces(_ table: CSVTable) throws(InputErrors) -> [Place] {
        var cells = CellReader(table: table)
        guard let columns = table.requireColumns(["name", "lat", "lon"], errors: &cells.errors) else {
            throw InputErrors(cells.errors.errors, omitted: cells.errors.omitted)
        }
        var places: [Place] = []
        for row in table.rows.indices {
            let name = cells.text(row, columns[0], "the place's name, as the map should label it")
            let latitude = cells.number(row, columns[1], "a latitude in decimal degrees between -90 and 90", range: -90...90)
            let longitude = cells.number(row, columns[2], "a longitude in decimal degrees between -180 and 180", range: -180...180)
            if let name, let latitude, let longitude { places.append(Place(name: name, latitude: latitude, longitude: longitude)) }
        }
        try cells.errors.throwIfAny()
        return places
    }

    /// The name of the optional file in which a dataset describes itself.
    public static let provenanceFile = "dataset.yaml"

    /// Reads `dataset.yaml` when the folder has one; without it, the dataset declares nothing.
    static func readProvenance(folder: URL) throws(InputErrors) -> DatasetProvenance {
        let url = folder.appendingPathComponent(provenanceFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return DatasetProvenance() }
        let text = try ScenarioReader.readText(url, file: provenanceFile)
        return try DatasetProvenance(document: ScenarioReader.parse(text: text, file: provenanceFile), file: provenanceFile,
                                     otherKeys: DatasetManifest.keys)
    }

    /// What a coordinate cell should hold, with the likely fix when it holds metres: a value in
    /// the thousands is a British National Grid easting or northing, which a manifest converts.
    static func coordinateExpectation(_ expected: String, _ cell: String) -> String {
        guard let value = NumberParsing.parse(cell), (1_000...1_300_000).contains(value) else { return expected }
        return expected + " (this looks like a British National Grid easting or northing in metres: "
            + "name the columns in a dataset.yaml with `crs: EPSG:27700`, see docs/data.md)"
    }

    struct AreaRow {
        var id: String
        var latitude: Double
        var longitude: Double
        var children: Double
    }

    struct AreaPart {
        var rows: [AreaRow]
        var districtNames: [String]
        var indicators: IndicatorTable
        /// Every district named, including on rows with errors.
        var namedDistricts: Set<String>
        /// Every area id named, including on rows with errors.
        var namedIDs: Set<String>
        /// Cell errors (the file's structure was sound).
        var errors: InputErrorCollector
    }

    static func readAreas(_ table: CSVTable, indicators named: [String], allowBlank: Bool) throws(InputErrors) -> AreaPart {
        var cells = CellReader(table: table)
        guard let columns = table.requireColumns(areaColumns, errors: &cells.errors) else {
            throw InputErrors(cells.errors.errors, omitted: cells.errors.omitted)
        }
        if table.rows.isEmpty {
            cells.errors.add(line: table.headerLine, column: nil, value: nil, expected: "at least one area row under the header")
        }
        var rows: [AreaRow] = []
        var districtNames: [String] = []
        var namedDistricts = Set<String>()
        var namedIDs = Set<String>()
        var firstLine: [String: Int] = [:]
        for row in table.rows.indices {
            if !table.rows[row][columns[1]].isEmpty { namedDistricts.insert(table.rows[row][columns[1]]) }
            namedIDs.insert(table.rows[row][columns[0]])
            let id = cells.text(row, columns[0], "an area id")
            if let id {
                if let line = firstLine[id] {
                    cells.fail(row, columns[0], "a unique area_id (also on line \(line))")
                } else {
                    firstLine[id] = table.lines[row]
                }
            }
            let district = cells.text(row, columns[1], "a district name")
            let latitude = cells.number(row, columns[2], coordinateExpectation("a latitude in decimal degrees between -90 and 90",
                                                                          table.rows[row][columns[2]]), range: -90...90)
            let longitude = cells.number(row, columns[3], coordinateExpectation("a longitude in decimal degrees between -180 and 180",
                                                                           table.rows[row][columns[3]]), range: -180...180)
            let children = cells.number(row, columns[4], "a number of children \(Plausible.describe(Plausible.children))",
                                        range: Plausible.children)
            if let id, let district, let latitude, let longitude, let children {
                rows.append(AreaRow(id: id, latitude: latitude, longitude: longitude, children: children))
                districtNames.append(district)
            }
        }
        // Indicator columns: named ones must be numeric; others are kept when they are.
        var table_ = IndicatorTable()
        let required = Set(areaColumns)
        for (column, name) in table.header.enumerated() where !required.contains(name) && !name.isEmpty {
            if named.contains(name) {
                var values: [Double] = []
                values.reserveCapacity(table.rows.count)
                for row in table.rows.indices {
                    let expected = allowBlank ? "a number (or blank)" : "a number (blank cells need `missing: district_median` in the needs framework)"
                    values.append(cells.number(row, column, expected + ", " + Plausible.describe(Plausible.indicator),
                                               range: Plausible.indicator, allowBlank: allowBlank) ?? .nan)
                }
                table_.append(name: name, values: values)
            } else {
                var values: [Double] = []
                var numeric = true
                for row in table.rows.indices {
                    let cell = table.rows[row][column]
                    if cell.isEmpty { values.append(.nan); continue }
                    guard let value = NumberParsing.parse(cell), Plausible.indicator.contains(value) else { numeric = false; break }
                    values.append(value)
                }
                if numeric && !table.rows.isEmpty { table_.append(name: name, values: values) }
            }
        }
        return AreaPart(rows: rows, districtNames: districtNames, indicators: table_, namedDistricts: namedDistricts, namedIDs: namedIDs,
                        errors: cells.errors)
    }

    /// Reads sites.csv; `districts` maps the names of areas.csv to indices (-1: named only on a bad
    /// row), or is `nil` when areas.csv could not be read, and then districts are not checked.
    static func readSites(_ table: CSVTable, districts: [String: Int]?) throws(InputErrors) -> [Site] {
        var cells = CellReader(table: table)
        guard let columns = table.requireColumns(siteColumns, errors: &cells.errors) else {
            throw InputErrors(cells.errors.errors, omitted: cells.errors.omitted)
        }
        if table.rows.isEmpty {
            cells.errors.add(line: table.headerLine, column: nil, value: nil, expected: "at least one site row under the header")
        }
        let capacityColumn = table.column("capacity"), statusColumn = table.column("status")
        let servicesColumn = table.column("services")
        let districtList = (districts ?? [:]).keys.sorted().joined(separator: ", ")
        var sites: [Site] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows.indices {
            let id = cells.text(row, columns[0], "a site id")
            if let id {
                if let line = firstLine[id] { cells.fail(row, columns[0], "a unique site_id (also on line \(line))") }
                else { firstLine[id] = table.lines[row] }
            }
            let name = table.rows[row][columns[1]]
            let kind = table.rows[row][columns[2]]
            var district: Int?
            if let text = cells.text(row, columns[3], "a district name"), let districts {
                district = districts[text]
                if district == nil { cells.fail(row, columns[3], "a district of areas.csv (one of: \(districtList))") }
                if district == -1 { district = nil }   // known, but only from rows with errors
            }
            let latitude = cells.number(row, columns[4], coordinateExpectation("a latitude in decimal degrees between -90 and 90",
                                                                          table.rows[row][columns[4]]), range: -90...90)
            let longitude = cells.number(row, columns[5], coordinateExpectation("a longitude in decimal degrees between -180 and 180",
                                                                           table.rows[row][columns[5]]), range: -180...180)
            let cost = cells.number(row, columns[6], "an annual cost in GBP/year \(Plausible.describe(Plausible.annualCost))",
                                    range: Plausible.annualCost)
            let carbon = cells.number(row, columns[7], "carbon in tCO2e/year \(Plausible.describe(Plausible.carbon))",
                                      range: Plausible.carbon)
            var capacity: Double?
            var capacityValid = true
            if let capacityColumn {
                if let value = cells.number(row, capacityColumn,
                                            "a capacity in visits/year \(Plausible.describe(Plausible.visits)), or blank for unlimited",
                                            range: Plausible.visits, allowBlank: true) {
                    capacity = value.isNaN ? nil : value
                } else { capacityValid = false }
            }
            var status = SiteStatus.candidate
            var statusValid = true
            if let statusColumn, !table.rows[row][statusColumn].isEmpty {
                if let value = SiteStatus(rawValue: table.rows[row][statusColumn].lowercased()) { status = value } else {
                    cells.fail(row, statusColumn, "a status: candidate, keep or close (or blank for candidate)")
                    statusValid = false
                }
            }
            let services = servicesColumn.map {
                table.rows[row][$0].split(separator: ";").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            } ?? []
            if let id, let district, let latitude, let longitude, let cost, let carbon, capacityValid, statusValid {
                sites.append(Site(id: id, name: name.isEmpty ? id : name, kind: kind, district: district, latitude: latitude,
                                  longitude: longitude, annualCost: cost, carbon: carbon, capacity: capacity, status: status,
                                  services: services))
            }
        }
        try cells.errors.throwIfAny()
        return sites
    }

    /// Reads usage.csv; a row naming an id in `badAreas`/`badSites` (whose own row had an error,
    /// already reported) is skipped.
    static func readUsage(_ table: CSVTable, areas: [String: Int], sites: [String: Int],
                          badAreas: Set<String> = [], badSites: Set<String> = []) throws(InputErrors) -> [UsageRecord] {
        var cells = CellReader(table: table)
        guard let columns = table.requireColumns(["site_id", "area_id", "visits"], errors: &cells.errors) else {
            throw InputErrors(cells.errors.errors, omitted: cells.errors.omitted)
        }
        let serviceColumn = table.column("service")
        struct Key: Hashable {
            var site: Int, area: Int, service: String
        }
        var records: [UsageRecord] = []
        var firstLine: [Key: Int] = [:]
        for row in table.rows.indices {
            var site: Int?, area: Int?
            if let text = cells.text(row, columns[0], "a site_id of sites.csv") {
                site = sites[text]
                if site == nil && !badSites.contains(text) { cells.fail(row, columns[0], "a site_id of sites.csv") }
            }
            if let text = cells.text(row, columns[1], "an area_id of areas.csv") {
                area = areas[text]
                if area == nil && !badAreas.contains(text) { cells.fail(row, columns[1], "an area_id of areas.csv") }
            }
            let visits = cells.number(row, columns[2], "visits per year \(Plausible.describe(Plausible.visits))", range: Plausible.visits)
            let service = serviceColumn.map { table.rows[row][$0] } ?? ""
            if let site, let area, let visits {
                let key = Key(site: site, area: area, service: service)
                if let line = firstLine[key] {
                    cells.fail(row, columns[0], "one row per site, area and service (also on line \(line))")
                    continue
                }
                firstLine[key] = table.lines[row]
                records.append(UsageRecord(site: site, area: area, service: service, visits: visits))
            }
        }
        try cells.errors.throwIfAny()
        return records
    }
}
