import Estate
import EstateIO
import Foundation

/// `estate report` on a frontier folder (written by `estate frontier`): the chart and a table of
/// the points read back from `frontier.csv`, under the option's name and the dataset's notices
/// from `frontier.json`. Like a plan's report, one self-contained page with no script.
public enum FrontierReport {
    /// Files a frontier folder holds; `frontier.json` tells it from a plan folder.
    public static let files = ["frontier.json", "frontier.csv", "frontier.svg"]

    /// The ids of the page's sections.
    public static let sectionIDs = ["frontier", "points", "caveats"]

    /// A frontier read back from its folder.
    public struct Record: Sendable {
        public var name: String
        public var description: String?
        public var xTitle: String
        public var yTitle: String
        public var coverageMinutes: Double
        public var provenance: DatasetProvenance
        /// One per row of `frontier.csv`: its kind (`frontier`, `scenario`, `today`), cost
        /// (GBP a year), coverage share, buildings kept, carbon (tCO2e a year) and label.
        public var points: [Point]
        /// `frontier.svg` as written.
        public var chart: String
        /// Whether today's coverage is the ceiling no plan passes (`today_is_ceiling`; not when
        /// outreach may reach what no building does). True for folders written before it was recorded.
        public var todayIsCeiling = true

        public struct Point: Sendable, Equatable {
            public var kind: String
            public var cost: Double
            public var coverage: Double
            public var sitesKept: Int
            public var carbon: Double
            public var label: String
        }
    }

    /// Whether `folder` holds a frontier (its `frontier.json`).
    public static func isFrontier(folder: String) -> Bool {
        FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent("frontier.json").path)
    }

    /// Reads a frontier folder; a missing or malformed file is an input error naming it, with the
    /// line and column for `frontier.csv`.
    public static func read(folder: String) throws(InputErrors) -> Record {
        let url = URL(fileURLWithPath: folder)
        func bytes(_ name: String) throws(InputErrors) -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) else {
                throw InputErrors([InputError(file: url.appendingPathComponent(name).relativePath,
                                              expected: "a file written with every frontier (it is missing)")])
            }
            return [UInt8](data)
        }
        let jsonFile = (folder as NSString).appendingPathComponent("frontier.json")
        let summary: FrontierSummary
        do {
            summary = try JSONDecoder().decode(FrontierSummary.self, from: Data(try bytes("frontier.json")))
        } catch let error as DecodingError {
            throw InputErrors([PlanFolderReader.jsonError(error, file: jsonFile)])
        } catch let error as InputErrors {
            throw error
        } catch {
            throw InputErrors([InputError(file: jsonFile, expected: "JSON as `estate frontier` writes it")])
        }
        let csvFile = (folder as NSString).appendingPathComponent("frontier.csv")
        let csv = try CSVDocument(bytes: try bytes("frontier.csv"), file: csvFile)
        let c = try csv.requireColumns(["kind", "sites_kept", "cost", "carbon", "coverage", "label"])
        var errors = InputErrorCollector(file: csvFile)
        var points: [Record.Point] = []
        for row in 0 ..< csv.rowCount {
            let sites = csv.number(row, c[1], "a whole number of buildings", range: 0 ... 1e9, into: &errors)
            let cost = csv.number(row, c[2], "pounds a year", range: 0 ... 1e15, into: &errors)
            let carbon = csv.number(row, c[3], "tCO2e a year", range: 0 ... 1e15, into: &errors)
            let coverage = csv.number(row, c[4], "a share between 0 and 1", range: 0 ... 1, into: &errors)
            guard let sites, let cost, let carbon, let coverage else { continue }
            points.append(.init(kind: csv.cell(row, c[0]), cost: cost, coverage: coverage, sitesKept: Int(sites), carbon: carbon,
                                label: csv.cell(row, c[5])))
        }
        try errors.throwIfAny()
        guard let chart = String(validating: try bytes("frontier.svg"), as: UTF8.self) else {
            throw InputErrors([InputError(file: (folder as NSString).appendingPathComponent("frontier.svg"), expected: "UTF-8 SVG text")])
        }
        var record = Record(name: summary.name, description: summary.description, xTitle: summary.xTitle, yTitle: summary.yTitle,
                            coverageMinutes: summary.coverageMinutes, provenance: summary.datasetProvenance, points: points, chart: chart)
        record.todayIsCeiling = summary.todayIsCeiling ?? true
        return record
    }

    /// `frontier.csv`'s labels in words: `scenario` is this scenario's own plan; `knee` the point
    /// farthest from the line between the ends, where each extra pound starts buying less.
    static func noteWords(_ label: String) -> String {
        label.split(separator: ";").map { part in
            switch part {
            case "scenario": "this scenario's plan"
            case "knee": "the bend: beyond it each extra pound buys less"
            default: String(part)
            }
        }.joined(separator: "; ")
    }

    /// The page.
    public static func html(_ record: Record) -> String {
        let escape = PlanReport.escape
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" + PlanReport.generatorMeta + "\n"
        page += "<title>\(escape(record.name)): trade-off</title>\n<style>\(PlanReport.css)</style>\n</head>\n<body>\n<header>\n"
        page += "<h1>\(escape(record.name))</h1>\n<p class=\"description\">Trade-off: \(escape(record.yTitle)) against "
            + "\(escape(record.xTitle))</p>\n"
        let notices = record.provenance.notices
        if !notices.isEmpty {
            page += "<div class=\"notices\" role=\"note\">" + notices.map { "<p>\(escape($0))</p>" }.joined() + "</div>\n"
        }
        page += "</header>\n"
        if let description = record.description { page += "<p class=\"description\">\(escape(description))</p>\n" }
        page += "<section id=\"frontier\">\n<h3>The trade-off</h3>\n"
        page += "<p>Each point is the best plan for \(escape(record.yTitle)) with \(escape(record.xTitle)) held at a bound, "
            + "solved to proven optimality; no plan lies beyond the line. The square is today's estate, every building "
            + (record.todayIsCeiling ? "kept; its coverage is the ceiling no plan passes.</p>\n"
                : "kept offering all it can host; outreach lets plans pass its coverage.</p>\n")
        page += "<figure class=\"map\">\(record.chart)</figure>\n</section>\n"
        page += "<section id=\"points\">\n<h3>The points</h3>\n"
        let rows = record.points.map { point -> [String] in
            let kind = point.kind == "frontier" ? "on the frontier" : point.kind == "scenario" ? "this scenario's plan"
                : point.kind == "today" ? "today: every building kept" : point.kind
            return [kind, NumberFormat.pounds(point.cost), NumberFormat.percent(point.coverage), String(point.sitesKept),
                    NumberFormat.carbon(point.carbon), point.kind == "frontier" ? noteWords(point.label) : ""]
        }
        page += PlanReport.table(header: ["Point", "Cost (what the budget bounds)", "Need covered", "Buildings kept", "Carbon (tCO2e)", "Note"],
                                 rows: rows, rowClass: { record.points[$0].kind == "frontier" ? nil : "total" })
        page += "</section>\n<section id=\"caveats\">\n<h3>Data and caveats</h3>\n<ul>\n"
        var items = notices
        items.append("Coverage counts need-weighted children within \(NumberFormat.decimal(record.coverageMinutes)) minutes of a kept building.")
        page += items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n</section>\n</body>\n</html>\n"
        return page
    }
}
