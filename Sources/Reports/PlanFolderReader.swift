import Estate
import EstateIO
import EstateMap
import Foundation
import Planning

/// Reads a plan folder written by `estate plan` back into a `PlanRecord`, validating every file a
/// comparison relies on: a folder that is not a plan, a hand-edited cell or files from different
/// runs mixed together give a clear error naming the file, line, column and value.
public enum PlanFolderReader {
    /// The files a comparison reads; `estate plan` writes them for every plan with decisions.
    public static let requiredFiles = ["summary.json", "sites.csv", "areas.csv", "estate.geojson", "equality.csv"]

    /// The plan's map, read when present (a report shows it; a comparison draws its own).
    public static let mapFile = "estate.svg"

    /// Columns of `equality.csv` that a comparison sets side by side, after `group` and `label`.
    public static let equalityColumns = [
        "areas", "coverage", "weight_coverage", "median_minutes", "mean_minutes", "worst_minutes",
        "unreachable_areas", "visits_displaced", "displaced_share",
    ]

    /// Reads the plan folder at `path` (as the user typed it; messages name files under it).
    /// Throws `InputErrors` for a missing or malformed file and `ComparisonError.noPlan` for a
    /// plan whose status carries no decisions (e.g. an infeasible run's folder).
    /// With `allowingNoPlan` a folder whose run ended without a plan (infeasible, failed) is read
    /// as its summary alone, with no sites or areas: a report then explains why there is no plan.
    public static func read(folder path: String, name: String, allowingNoPlan: Bool = false) throws -> PlanRecord {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputErrors([InputError(file: path, expected: "a plan folder written by `estate plan`, or a scenario file")])
        }
        var files: [String: [UInt8]] = [:]
        for file in requiredFiles {
            if let data = FileManager.default.contents(atPath: url.appendingPathComponent(file).path) { files[file] = [UInt8](data) }
        }
        for file in [mapFile] + serviceFiles {
            if let data = FileManager.default.contents(atPath: url.appendingPathComponent(file).path) { files[file] = [UInt8](data) }
        }
        guard files["summary.json"] != nil else {
            throw InputErrors([InputError(file: path, expected: "a plan folder written by `estate plan` "
                + "(it has no summary.json; a plan folder holds \(requiredFiles.joined(separator: ", ")))")])
        }
        return try read(files: files, location: path, name: name, source: path, allowingNoPlan: allowingNoPlan)
    }

    /// Reads a plan from its files' contents. `location` prefixes file names in messages.
    public static func read(files: [String: [UInt8]], location: String, name: String, source: String,
                            allowingNoPlan: Bool = false) throws -> PlanRecord {
        func label(_ file: String) -> String { location.isEmpty ? file : (location.hasSuffix("/") ? location : location + "/") + file }
        guard let summaryBytes = files["summary.json"] else {
            throw InputErrors([InputError(file: label("summary.json"), expected: "the plan's summary.json")])
        }
        let summary = try readSummary(summaryBytes, file: label("summary.json"))
        guard summary.status.hasPlan else {
            guard allowingNoPlan else { throw ComparisonError.noPlan(option: name, status: summary.status) }
            return PlanRecord(name: name, source: source, summary: summary, sites: [], areas: [],
                              equality: PlanRecord.EqualityText(header: [], rows: []))
        }
        let missing = requiredFiles.filter { files[$0] == nil }
        if !missing.isEmpty {
            throw InputErrors(missing.map { InputError(file: label($0), expected: "a file written with every plan (it is missing)") })
        }
        let positions = try readPositions(files["estate.geojson"]!, file: label("estate.geojson"))
        let sites = try readSites(files["sites.csv"]!, file: label("sites.csv"), positions: positions.sites,
                                  geojson: label("estate.geojson"))
        let keptSites = Set(sites.filter { $0.decision.isOpen }.map(\.id))
        let areas = try readAreas(files["areas.csv"]!, file: label("areas.csv"), keptSites: keptSites,
                                  positions: positions.areas, geojson: label("estate.geojson"))
        let equality = try readEquality(files["equality.csv"]!, file: label("equality.csv"))
        guard summary.totals.sitesKept == keptSites.count else {
            throw InputErrors([InputError(file: label("summary.json"), column: "totals.sites_kept", value: String(summary.totals.sitesKept),
                                          expected: "the number of sites kept in sites.csv (\(keptSites.count)); are the files from different runs?")])
        }
        let map = files[mapFile].flatMap { String(validating: $0, as: UTF8.self) }
        let services = try readServices(files, areaIDs: Set(areas.map(\.id)), label: label)
        return PlanRecord(name: name, source: source, summary: summary, sites: sites, areas: areas, equality: equality, map: map,
                          services: services)
    }

    // MARK: summary.json

    /// A JSON value kept when it is a number (constraints mix numbers with `capacity: false`).
    private struct NumberIfAny: Decodable {
        var value: Double?
        init(from decoder: Decoder) throws { value = try? decoder.singleValueContainer().decode(Double.self) }
    }

    private struct SummaryFile: Decodable {
        struct Scenario: Decodable {
            var file: String
            var name: String?
            var description: String?
            var dataset: String
            var coverageMinutes: Double
            var constraints: [String: NumberIfAny]?
            var services: [PlanSummary.ServiceEntry]?
            enum CodingKeys: String, CodingKey {
                case file, name, description, dataset, coverageMinutes = "coverage_minutes", constraints, services
            }
        }
        var status: String
        var objectiveName: String
        var objective: Double?
        var bound: Double?
        var gap: Double?
        var seconds: Double
        var scenario: Scenario
        var totals: PlanTotals?
        var datasetProvenance: DatasetProvenance?
        var conflicts: [ConflictEntry]?
        var explanations: Explanations?
        enum CodingKeys: String, CodingKey {
            case status, objectiveName = "objective_name", objective, bound, gap, seconds, scenario, totals
            case datasetProvenance = "dataset_provenance", conflicts, explanations
        }
        struct ConflictEntry: Decodable {
            struct Reach: Decodable { var group: String; var examples: [String] }
            var constraint: String
            var explanation: String
            var details: [String]?
            var outOfReach: [Reach]?
            enum CodingKeys: String, CodingKey { case constraint, explanation, details, outOfReach = "out_of_reach" }
        }
        struct Explanations: Decodable {
            struct Limit: Decodable {
                var constraint: String?
                var changedNothing: Bool?
                var sentence: String
                enum CodingKeys: String, CodingKey { case constraint, changedNothing = "changed_nothing", sentence }
            }
            struct Site: Decodable {
                var siteID: String
                var sentence: String
                enum CodingKeys: String, CodingKey { case siteID = "site_id", sentence }
            }
            var siteMethod: String?
            var note: String?
            var limits: [Limit]?
            var sites: [Site]?
            enum CodingKeys: String, CodingKey { case siteMethod = "site_method", note, limits, sites }
        }
    }

    static func readSummary(_ bytes: [UInt8], file: String) throws(InputErrors) -> PlanRecord.Summary {
        let decoded: SummaryFile
        do {
            decoded = try JSONDecoder().decode(SummaryFile.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw InputErrors([jsonError(error, file: file)])
        } catch {
            throw InputErrors([InputError(file: file, expected: "JSON as `estate plan` writes it (\(error))")])
        }
        guard let status = PlanStatus(rawValue: decoded.status) else {
            throw InputErrors([InputError(file: file, column: "status", value: decoded.status,
                                          expected: "one of optimal, feasible, infeasible, unbounded, time_limit, error")])
        }
        let totals: PlanTotals
        if let t = decoded.totals {
            totals = t
        } else if status.hasPlan {
            throw InputErrors([InputError(file: file, column: "totals", value: "null", expected: "the plan's totals (status is \(status.rawValue))")])
        } else {
            totals = PlanTotals(sitesKept: 0, sitesClosed: 0, cost: 0, saving: 0, carbon: 0, carbonSaving: 0, coverage: 0,
                                coveredWeight: 0, totalWeight: 0, weightedMinutes: 0, visitsDisplaced: 0)
        }
        var summary = PlanRecord.Summary(
            scenarioFile: decoded.scenario.file, dataset: decoded.scenario.dataset, status: status,
            objectiveName: decoded.objectiveName, objective: decoded.objective, bound: decoded.bound, gap: decoded.gap,
            seconds: decoded.seconds, coverageMinutes: decoded.scenario.coverageMinutes, totals: totals,
            optionName: decoded.scenario.name, optionDescription: decoded.scenario.description,
            provenance: decoded.datasetProvenance ?? DatasetProvenance())
        summary.constraints = (decoded.scenario.constraints ?? [:]).compactMapValues(\.value)
        if let services = decoded.scenario.services {
            summary.serviceCodes = services.map(\.code)
            summary.serviceNames = ServiceNames(byCode: Dictionary(services.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }))
        }
        summary.conflicts = (decoded.conflicts ?? []).map {
            PlanRecord.ConflictText(constraint: $0.constraint, explanation: $0.explanation,
                                    details: ($0.details ?? []) + ($0.outOfReach ?? []).map { reach in
                                        "\(reach.group) beyond reach, most need first: " + reach.examples.joined(separator: ", ")
                                            + (reach.examples.count == 10 ? ", ..." : "")
                                    })
        }
        if let explanations = decoded.explanations {
            summary.limitExplanations = (explanations.limits ?? []).map(\.sentence)
            summary.siteExplanations = Dictionary((explanations.sites ?? []).map { ($0.siteID, $0.sentence) },
                                                  uniquingKeysWith: { first, _ in first })
            summary.siteExplanationMethod = explanations.siteMethod
            summary.explanationNote = explanations.note
            summary.limitsThatChangedNothing = (explanations.limits ?? []).filter { $0.changedNothing == true }.compactMap(\.constraint)
        }
        return summary
    }

    /// A decoding failure as an input error whose column is the JSON key path (e.g. `totals.cost`).
    static func jsonError(_ error: DecodingError, file: String) -> InputError {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let column = path(context.codingPath + [key])
            return InputError(file: file, column: column, expected: "a key '\(column)' as `estate plan` writes it")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return InputError(file: file, column: path(context.codingPath), expected: "a \(type == String.self ? "text" : "number") value here")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return InputError(file: file, expected: "valid JSON (\(context.debugDescription)\((context.underlyingError).map { ": \($0)" } ?? ""))")
            }
            return InputError(file: file, column: path(context.codingPath), expected: context.debugDescription)
        @unknown default:
            return InputError(file: file, expected: "JSON as `estate plan` writes it (\(error))")
        }
    }

    // MARK: estate.geojson

    /// Site and area positions (lat, lon) from the plan's GeoJSON Points, by id.
    private struct FeatureCollection: Decodable {
        struct Feature: Decodable {
            struct Geometry: Decodable { var coordinates: [Double]? }
            struct Properties: Decodable {
                var feature: String?
                var siteID: String?
                var areaID: String?
                enum CodingKeys: String, CodingKey { case feature, siteID = "site_id", areaID = "area_id" }
            }
            var geometry: Geometry?
            var properties: Properties?
        }
        var features: [Feature]
    }

    static func readPositions(_ bytes: [UInt8], file: String) throws(InputErrors)
        -> (sites: [String: (lat: Double, lon: Double)], areas: [String: (lat: Double, lon: Double)]) {
        // Decodable rather than JSONSerialization: a 35,000-area file reads several times faster.
        let collection: FeatureCollection
        do {
            collection = try JSONDecoder().decode(FeatureCollection.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw InputErrors([jsonError(error, file: file)])
        } catch {
            throw InputErrors([InputError(file: file, expected: "valid GeoJSON (\(error))")])
        }
        var errors = InputErrorCollector(file: file)
        var sites: [String: (lat: Double, lon: Double)] = [:], areas: [String: (lat: Double, lon: Double)] = [:]
        for (index, item) in collection.features.enumerated() {
            let kind = item.properties?.feature
            guard let kind, kind == "site" || kind == "area" else {
                errors.add(line: nil, column: "features[\(index)].properties.feature", value: kind, expected: "\"site\" or \"area\"")
                continue
            }
            let key = kind == "site" ? "site_id" : "area_id"
            guard let id = kind == "site" ? item.properties?.siteID : item.properties?.areaID, !id.isEmpty else {
                errors.add(line: nil, column: "features[\(index)].properties.\(key)", value: nil, expected: "the \(kind)'s id")
                continue
            }
            let coordinates = item.geometry?.coordinates ?? []
            guard coordinates.count == 2, (-180...180).contains(coordinates[0]), (-90...90).contains(coordinates[1]) else {
                errors.add(line: nil, column: "features[\(index)].geometry.coordinates", value: "\(coordinates)",
                           expected: "a Point [longitude, latitude] in degrees for \(kind) \(id)")
                continue
            }
            if kind == "site" { sites[id] = (coordinates[1], coordinates[0]) } else { areas[id] = (coordinates[1], coordinates[0]) }
        }
        try errors.throwIfAny()
        return (sites, areas)
    }

    // MARK: sites.csv

    static func readSites(_ bytes: [UInt8], file: String, positions: [String: (lat: Double, lon: Double)],
                          geojson: String) throws(InputErrors) -> [PlanRecord.Site] {
        let csv = try CSVDocument(bytes: bytes, file: file)
        let c = try csv.requireColumns(["site_id", "name", "kind", "district", "decision", "status", "annual_cost", "carbon"])
        let outcomeColumns = outcomeNames.map { csv.header.firstIndex(of: $0) }
        let offeredColumn = csv.header.firstIndex(of: "services_offered")
        var errors = InputErrorCollector(file: file)
        var missingPositions = InputErrorCollector(file: geojson)
        var seen = Set<String>()
        var sites: [PlanRecord.Site] = []
        for row in 0 ..< csv.rowCount {
            let id = csv.cell(row, c[0]), district = csv.cell(row, c[3])
            if id.isEmpty { csv.fail(row, c[0], "a site id", into: &errors) }
            if !id.isEmpty, !seen.insert(id).inserted { csv.fail(row, c[0], "each site once", into: &errors) }
            if district.isEmpty { csv.fail(row, c[3], "the site's district", into: &errors) }
            let status = csv.cell(row, c[5])
            if !["candidate", "keep", "close"].contains(status) { csv.fail(row, c[5], "candidate, keep or close", into: &errors) }
            var decision: SiteDecision?
            switch csv.cell(row, c[4]) {
            case "kept": decision = status == "keep" ? .mustKeep : .kept
            case "closed": decision = .closed
            default: csv.fail(row, c[4], "kept or closed", into: &errors)
            }
            if decision == .kept, status == "close" { csv.fail(row, c[4], "closed (the site's status is close)", into: &errors) }
            if decision == .closed, status == "keep" { csv.fail(row, c[4], "kept (the site's status is keep)", into: &errors) }
            let cost = csv.number(row, c[6], "an annual cost in GBP >= 0", range: 0 ... .greatestFiniteMagnitude, into: &errors)
            let carbon = csv.number(row, c[7], "carbon in tCO2e per year >= 0", range: 0 ... .greatestFiniteMagnitude, into: &errors)
            let position = positions[id]
            if position == nil, !id.isEmpty {
                missingPositions.add(line: nil, column: "features", value: nil, expected: "a Point feature for site '\(id)' (listed in \(file))")
            }
            let offered = offeredColumn.map { csv.cell(row, $0).split(separator: ";").map(String.init) }
            if let offered, !offered.isEmpty, decision == .closed {
                csv.fail(row, offeredColumn!, "no services at a closed site", into: &errors)
            }
            if let decision, let cost, let carbon, let position, !id.isEmpty, !district.isEmpty {
                sites.append(PlanRecord.Site(id: id, name: csv.cell(row, c[1]), kind: csv.cell(row, c[2]), district: district,
                                             decision: decision, annualCost: cost, carbon: carbon, lat: position.lat, lon: position.lon,
                                             outcome: outcome(csv, row, outcomeColumns, into: &errors), servicesOffered: offered))
            }
        }
        errors.merge(missingPositions)
        try errors.throwIfAny()
        return sites
    }

    /// The optional columns of `sites.csv` that say what a decision means for the site's users.
    static let outcomeNames = ["need_served", "unique_need", "visits", "visits_displaced", "nearest_kept_site", "extra_minutes"]

    /// A site's outcome when the file has every outcome column (older or hand-made plans may not).
    private static func outcome(_ csv: CSVDocument, _ row: Int, _ columns: [Int?],
                                into errors: inout InputErrorCollector) -> PlanRecord.SiteOutcome? {
        guard case let found = columns.compactMap({ $0 }), found.count == columns.count else { return nil }
        let any: ClosedRange<Double> = -.greatestFiniteMagnitude ... .greatestFiniteMagnitude
        let nonNegative: ClosedRange<Double> = 0 ... .greatestFiniteMagnitude
        let needServed = csv.number(row, found[0], "a need weight >= 0", range: nonNegative, into: &errors)
        let uniqueNeed = csv.number(row, found[1], "a need weight >= 0", range: nonNegative, into: &errors)
        let visits = csv.number(row, found[2], "visits per year >= 0", range: nonNegative, into: &errors)
        let displaced = csv.number(row, found[3], "visits per year >= 0", range: nonNegative, into: &errors)
        let extra = csv.number(row, found[5], "minutes, or blank", range: any, allowBlank: true, into: &errors)
        guard let needServed, let uniqueNeed, let visits, let displaced else { return nil }
        let nearest = csv.cell(row, found[4])
        return PlanRecord.SiteOutcome(needServed: needServed, uniqueNeed: uniqueNeed, visits: visits, visitsDisplaced: displaced,
                                      nearestKeptSite: nearest.isEmpty ? nil : nearest, extraMinutes: extra)
    }

    // MARK: areas.csv

    static func readAreas(_ bytes: [UInt8], file: String, keptSites: Set<String>, positions: [String: (lat: Double, lon: Double)],
                          geojson: String) throws(InputErrors) -> [PlanRecord.Area] {
        let csv = try CSVDocument(bytes: bytes, file: file)
        let c = try csv.requireColumns(["area_id", "district", "children", "weight", "site_id", "minutes", "covered", "covered_share"])
        var errors = InputErrorCollector(file: file)
        var missingPositions = InputErrorCollector(file: geojson)
        var seen = Set<String>()
        var areas: [PlanRecord.Area] = []
        for row in 0 ..< csv.rowCount {
            let id = csv.cell(row, c[0]), district = csv.cell(row, c[1])
            if id.isEmpty { csv.fail(row, c[0], "an area id", into: &errors) }
            if !id.isEmpty, !seen.insert(id).inserted { csv.fail(row, c[0], "each area once", into: &errors) }
            if district.isEmpty { csv.fail(row, c[1], "the area's district", into: &errors) }
            let nonNegative: ClosedRange<Double> = 0 ... .greatestFiniteMagnitude
            let children = csv.number(row, c[2], "a number of children >= 0", range: nonNegative, into: &errors)
            let weight = csv.number(row, c[3], "a need weight >= 0", range: nonNegative, into: &errors)
            let site = csv.cell(row, c[4])
            if !site.isEmpty, !keptSites.contains(site) { csv.fail(row, c[4], "a site kept in sites.csv, or blank", into: &errors) }
            let minutes = csv.number(row, c[5], "minutes >= 0, or blank when no hub is reachable", range: nonNegative,
                                     allowBlank: true, into: &errors)
            if site.isEmpty != csv.cell(row, c[5]).isEmpty {
                csv.fail(row, c[5], site.isEmpty ? "blank, as the area has no site" : "the minutes to site \(site)", into: &errors)
            }
            var covered: Bool?
            switch csv.cell(row, c[6]) {
            case "true": covered = true
            case "false": covered = false
            default: csv.fail(row, c[6], "true or false", into: &errors)
            }
            let share = csv.number(row, c[7], "a share between 0 and 1", range: 0 ... 1, into: &errors)
            let position = positions[id]
            if position == nil, !id.isEmpty {
                missingPositions.add(line: nil, column: "features", value: nil, expected: "a Point feature for area '\(id)' (listed in \(file))")
            }
            if let children, let weight, let covered, let share, let position, !id.isEmpty, !district.isEmpty {
                areas.append(PlanRecord.Area(id: id, district: district, children: children, weight: weight,
                                             siteID: site.isEmpty ? nil : site, minutes: minutes, covered: covered,
                                             coveredShare: share, lat: position.lat, lon: position.lon))
            }
        }
        errors.merge(missingPositions)
        try errors.throwIfAny()
        return areas
    }

    // MARK: equality.csv

    static func readEquality(_ bytes: [UInt8], file: String) throws(InputErrors) -> PlanRecord.EqualityText {
        let csv = try CSVDocument(bytes: bytes, file: file)
        let c = try csv.requireColumns(["group", "label"] + equalityColumns)
        var errors = InputErrorCollector(file: file)
        var rows: [[String]] = []
        for row in 0 ..< csv.rowCount {
            if !["all", "decile", "most_deprived", "district"].contains(csv.cell(row, c[0])) {
                csv.fail(row, c[0], "all, decile, most_deprived or district", into: &errors)
            }
            if csv.cell(row, c[1]).isEmpty { csv.fail(row, c[1], "the group's label", into: &errors) }
            for column in c.dropFirst(2) {
                _ = csv.number(row, column, "a number, or blank where undefined", allowBlank: true, into: &errors)
            }
            rows.append(csv.header.indices.map { csv.cell(row, $0) })
        }
        try errors.throwIfAny()
        return PlanRecord.EqualityText(header: csv.header, rows: rows)
    }
}
