import Quantities
import EstateIO
import EstateMap
import Foundation

extension Comparison {
    /// The output folder of `estate compare`, as named file contents sorted by name: the side-by-side
    /// tables (`districts.csv`, `sites.csv`, `areas.csv`, `equality.csv`), `summary.json`, and the
    /// difference maps: `compare.svg`/`compare.html` for two options; for more, one pair per
    /// option set against the first, `compare-A-vs-X.svg`/`.html` (file-safe option names).
    public func files(engineVersion: String) throws -> [(name: String, contents: [UInt8])] {
        var files: [(name: String, contents: [UInt8])] = [
            ("districts.csv", districtsCSV()),
            ("sites.csv", sitesCSV()),
            ("areas.csv", areasCSV()),
            ("equality.csv", equalityCSV()),
        ]
        for k in 1 ..< options.count {
            let data = mapData(k)
            let stem = mapFileStem(k)
            files.append((stem + ".svg", Array(try EstateMap.differenceSVG(data).utf8)))
            files.append((stem + ".html", Array(try EstateMap.differenceHTML(data).utf8)))
        }
        files.append(("summary.json", try summaryJSON(engineVersion: engineVersion, files: files.map(\.name) + ["summary.json"])))
        files.sort { $0.name < $1.name }
        return files
    }

    /// File name (without extension) of the difference map of the first option against option `k`.
    public func mapFileStem(_ k: Int) -> String {
        options.count == 2 ? "compare" : "compare-\(Self.fileSafe(options[0].name))-vs-\(Self.fileSafe(options[k].name))"
    }

    /// `name` with every character outside letters, digits, `.`, `_` and `-` replaced by `_`.
    static func fileSafe(_ name: String) -> String {
        String(name.unicodeScalars.map { s -> Character in
            (s.properties.isAlphabetic && s.isASCII) || ("0"..."9").contains(s) || s == "." || s == "_" || s == "-" ? Character(s) : "_"
        })
    }

    /// Column names of one measure for every option: `measure:option`.
    private func columns(_ measure: String) -> [String] { options.map { "\(measure):\($0.name)" } }

    /// `districts.csv`: one row per district and a county total row; each measure has one column
    /// per option, side by side.
    public func districtsCSV() -> [UInt8] {
        let measures = ["sites_kept", "sites_closed", "cost", "carbon", "coverage", "median_minutes", "worst_minutes"]
        var csv = CSVWriter(header: ["district"] + measures.flatMap(columns))
        for row in districtRows {
            let f = row.figures
            csv.row([row.district]
                + f.map { String($0.sitesKept) } + f.map { String($0.sitesClosed) }
                + f.map { Quantity.money.text($0.cost) } + f.map { Quantity.carbon.text($0.carbon) }
                + f.map { Quantity.share.text($0.coverage) } + f.map { Quantity.minutes.text($0.medianMinutes) }
                + f.map { Quantity.minutes.text($0.worstMinutes) })
        }
        return csv.bytes
    }

    /// `sites.csv`: the sites whose decision is not the same under every option, by id.
    public func sitesCSV() -> [UInt8] {
        var csv = CSVWriter(header: ["site_id", "name", "kind", "district", "annual_cost", "carbon"] + columns("decision"))
        for s in differingSites {
            let site = sites[0][s]
            csv.row([site.id, site.name, site.kind, site.district, Quantity.money.text(site.annualCost),
                     Quantity.carbon.text(site.carbon)]
                + sites.map { $0[s].decision.isOpen ? "kept" : "closed" })
        }
        return csv.bytes
    }

    /// `areas.csv`: the areas whose coverage is not the same under every option, by id, with
    /// coverage, minutes and serving site per option and, for each option after the first, the
    /// change from A (`gained`, `lost` or `same`).
    public func areasCSV() -> [UInt8] {
        var csv = CSVWriter(header: ["area_id", "district", "children"] + columns("covered") + columns("minutes") + columns("site")
            + options.dropFirst().map { "change:\($0.name)" })
        for a in changedAreas {
            let area = areas[0][a]
            csv.row([area.id, area.district, Quantity.people.text(area.children)]
                + areas.map { $0[a].covered ? "true" : "false" }
                + areas.map { Quantity.minutes.text($0[a].minutes) }
                + areas.map { $0[a].siteID ?? "" }
                + areas.dropFirst().map { $0[a].covered == area.covered ? "same" : ($0[a].covered ? "gained" : "lost") })
        }
        return csv.bytes
    }

    /// `equality.csv`: every option's equality tables side by side, row by row (all areas,
    /// deprivation deciles, the most deprived 10% and 20%, districts), cells quoted as each plan
    /// wrote them; a blank cell where an option's table lacks the row.
    public func equalityCSV() -> [UInt8] {
        struct Key: Hashable { var group: String, label: String }
        var order: [Key] = []
        var tables: [[Key: [String: String]]] = []
        for option in options {
            var table: [Key: [String: String]] = [:]
            let header = option.equality.header
            for row in option.equality.rows {
                let cells = Dictionary(zip(header, row), uniquingKeysWith: { first, _ in first })
                let key = Key(group: cells["group"] ?? "", label: cells["label"] ?? "")
                if table[key] == nil, !order.contains(key) { order.append(key) }
                table[key] = cells
            }
            tables.append(table)
        }
        let measures = PlanFolderReader.equalityColumns
        var csv = CSVWriter(header: ["group", "label"] + measures.flatMap(columns))
        for key in order {
            csv.row([key.group, key.label] + measures.flatMap { m in tables.map { $0[key]?[m] ?? "" } })
        }
        return csv.bytes
    }

    // MARK: summary.json

    private struct SummaryFile: Encodable {
        var engine: String
        var options: [Option]
        var sitesDiffering: Int
        var areasChanging: Int
        var againstFirst: [PairDifference]
        var files: [String]
        enum CodingKeys: String, CodingKey {
            case engine, options, sitesDiffering = "sites_differing", areasChanging = "areas_changing"
            case againstFirst = "against_first", files
        }
    }

    private struct Option: Encodable {
        var name: String
        var source: String
        var scenario: String
        var dataset: String
        var status: String
        var objectiveName: String
        var objective: Double?
        var bound: Double?
        var gap: Double?
        var seconds: Double
        var coverageMinutes: Double
        var totals: PlanTotals
        enum CodingKeys: String, CodingKey {
            case name, source, scenario, dataset, status, objectiveName = "objective_name", objective, bound, gap, seconds
            case coverageMinutes = "coverage_minutes", totals
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(source, forKey: .source)
            try c.encode(scenario, forKey: .scenario)
            try c.encode(dataset, forKey: .dataset)
            try c.encode(status, forKey: .status)
            try c.encode(objectiveName, forKey: .objectiveName)
            try c.encode(objective, forKey: .objective)
            try c.encode(bound, forKey: .bound)
            try c.encode(gap, forKey: .gap)
            try c.encode(seconds, forKey: .seconds)
            try c.encode(coverageMinutes, forKey: .coverageMinutes)
            try c.encode(totals, forKey: .totals)
        }
    }

    /// `summary.json`: per option its status, objective, bound, gap, solve seconds and totals (as
    /// its plan reported them); how many sites and areas differ overall and against the first option.
    func summaryJSON(engineVersion: String, files: [String]) throws -> [UInt8] {
        let summary = SummaryFile(
            engine: engineVersion,
            options: options.map { o in
                let s = o.summary
                return Option(name: o.name, source: o.source, scenario: s.scenarioFile, dataset: s.dataset, status: s.status.rawValue,
                              objectiveName: s.objectiveName, objective: s.objective, bound: s.bound, gap: s.gap,
                              seconds: s.seconds, coverageMinutes: s.coverageMinutes, totals: s.totals)
            },
            sitesDiffering: differingSites.count, areasChanging: changedAreas.count,
            againstFirst: (1 ..< options.count).map(difference), files: files.sorted())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(summary)) + [0x0A]
    }
}
