import Quantities
import EstateIO
import EstateMap
import Foundation
import Workbook

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
            ("compare.xlsx", try workbook().xlsx()),
        ]
        if let services = servicesTable() { files.append(("services.csv", services.csv)) }
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
    public func districtsCSV() -> [UInt8] { districtsTable().csv }

    func districtsTable() -> ReportTable {
        let measures = ["sites_kept", "sites_closed", "cost", "carbon", "coverage", "median_minutes", "worst_minutes"]
        var table = ReportTable(name: "Districts", header: ["district"] + measures.flatMap(columns))
        for row in districtRows {
            let f = row.figures
            table.rows.append([.text(row.district)]
                + f.map { .integer($0.sitesKept) } + f.map { .integer($0.sitesClosed) }
                + f.map { .number($0.cost, .money) } + f.map { .number($0.carbon, .carbon) }
                + f.map { .number($0.coverage, .share) } + f.map { .number($0.medianMinutes, .minutes) }
                + f.map { .number($0.worstMinutes, .minutes) })
        }
        return table
    }

    /// `sites.csv`: the sites whose decision is not the same under every option, by id.
    public func sitesCSV() -> [UInt8] { sitesTable().csv }

    func sitesTable() -> ReportTable {
        var table = ReportTable(name: "Sites", header: ["site_id", "name", "kind", "district", "annual_cost", "carbon"] + columns("decision"))
        for s in differingSites {
            let site = sites[0][s]
            table.rows.append([.text(site.id), .text(site.name), .text(site.kind), .text(site.district),
                               .number(site.annualCost, .money), .number(site.carbon, .carbon)]
                + sites.map { .text($0[s].decision.isOpen ? "kept" : "closed") })
        }
        return table
    }

    /// `areas.csv`: the areas whose coverage is not the same under every option, by id, with
    /// coverage, minutes and serving site per option and, for each option after the first, the
    /// change from A (`gained`, `lost` or `same`).
    public func areasCSV() -> [UInt8] { areasTable().csv }

    func areasTable() -> ReportTable {
        var table = ReportTable(name: "Areas", header: ["area_id", "district", "children"] + columns("covered") + columns("minutes")
            + columns("site") + options.dropFirst().map { "change:\($0.name)" })
        for a in changedAreas {
            let area = areas[0][a]
            let cells: [Workbook.Cell] = [.text(area.id), .text(area.district), .number(area.children, .people)]
            table.rows.append(cells
                + areas.map { .text($0[a].covered ? "true" : "false") }
                + areas.map { .number($0[a].minutes, .minutes) }
                + areas.map { $0[a].siteID.map { .text($0) } ?? .empty }
                + areas.dropFirst().map { .text($0[a].covered == area.covered ? "same" : ($0[a].covered ? "gained" : "lost")) })
        }
        return table
    }

    /// `equality.csv`: every option's equality tables side by side, row by row (all areas,
    /// deprivation deciles, the most deprived 10% and 20%, districts), cells quoted as each plan
    /// wrote them; a blank cell where an option's table lacks the row.
    public func equalityCSV() -> [UInt8] {
        let (header, rows) = equalityRows()
        var csv = CSVWriter(header: header)
        for row in rows { csv.row(row) }
        return csv.bytes
    }

    /// The comparison as a workbook (`compare.xlsx`): each option's headline figures side by
    /// side, then the same districts, sites, areas and equality tables as the CSV files.
    func workbook() -> Workbook {
        let header = ["measure"] + options.map(\.name)
        func row(_ label: String, _ value: (PlanRecord) -> Workbook.Cell) -> [Workbook.Cell] { [.text(label)] + options.map(value) }
        let summary = Workbook.Sheet(name: "Summary", header: header, rows: [
            row("option") { .text($0.summary.optionName ?? $0.name) },
            row("status") { .text($0.summary.status.rawValue) },
            row("objective") { .text($0.summary.objectiveName) },
            row("coverage minutes") { .number($0.summary.coverageMinutes, .minutes) },
            row("sites kept") { .integer($0.summary.totals.sitesKept) },
            row("sites closed") { .integer($0.summary.totals.sitesClosed) },
        ] + PlanCosts.items(options).map { item in
            [.text(item.label + " (GBP a year)")] + item.values.map { $0.map { .number($0, .money) } ?? .empty }
        } + [
            row("carbon (tCO2e a year)") { .number($0.summary.totals.carbon, .carbon) },
        ] + PlanCoverage.shareRows(options).map { coverage in
            [.text(coverage.label)] + coverage.values.map { $0.map { .number($0, .share) } ?? .empty }
        } + [
            row("visits displaced a year") { .number($0.summary.totals.visitsDisplaced, .visits) },
        ] + notices.map { [.text("note"), .text($0)] })
        return Workbook(sheets: [summary, districtsTable().sheet, sitesTable().sheet, areasTable().sheet, equalityTable().sheet]
            + (servicesTable().map { [$0.sheet] } ?? []))
    }

    /// The side-by-side equality table as the workbook's typed cells.
    func equalityTable() -> ReportTable {
        let (header, rows) = equalityRows()
        let measures = PlanFolderReader.equalityColumns
        var quantities: [String: Quantity] = [:], counts = Set<String>()
        for measure in measures {
            for column in columns(measure) {
                if PlanWorkbook.equalityCounts.contains(measure) { counts.insert(column) }
                quantities[column] = PlanWorkbook.equalityQuantities[measure]
            }
        }
        return ReportTable.parsing(rows, name: "Equality", header: header, quantities: quantities, integers: counts)
    }

    /// The header and text rows of the side-by-side equality table.
    private func equalityRows() -> (header: [String], rows: [[String]]) {
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
        let header = ["group", "label"] + measures.flatMap(columns)
        return (header, order.map { key in [key.group, key.label] + measures.flatMap { m in tables.map { $0[key]?[m] ?? "" } } })
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
