import EstateMap
import XMLText

/// `estate report`: one self-contained HTML page per plan or set of options, written for a
/// cabinet paper and its equality impact assessment. It holds no script and makes no request
/// (a Content-Security-Policy of `default-src 'none'`), so it reads the same offline, and its
/// print stylesheet lays it out on A4 for a PDF. Every figure comes from the plan folders'
/// own files (read back into `PlanRecord`s), never from a second computation.
public enum PlanReport {
    /// Marks the page as Estate's, so `estate report` may replace it and nothing else
    /// (`OutputFile`).
    public static let generatorMeta = "<meta name=\"generator\" content=\"estate report\">"

    /// The ids of the sections every option has, in page order (tests look for each).
    public static let sectionIDs = ["summary", "map", "sites", "districts", "equality", "explanations", "caveats"]

    /// The report of one option, or of several options of one dataset (an overview table first,
    /// then each option in full). An option whose run ended without a plan (infeasible) stands
    /// in the overview with its status and, in full, with why no plan meets its constraints; the
    /// options with plans are compared with one another. Throws when the options with plans are
    /// not of one dataset.
    public static func html(_ records: [PlanRecord]) throws(ComparisonError) -> String {
        precondition(!records.isEmpty, "a report needs at least one plan")
        let planned = records.indices.filter { records[$0].summary.status.hasPlan }
        let comparison = planned.count > 1 ? try Comparison(planned.map { records[$0] }) : nil
        var options = records
        // The comparison tells apart options of the same name; keep its names.
        for (k, index) in planned.enumerated() { if let comparison { options[index].name = comparison.options[k].name } }
        var notices: [String] = []
        for notice in options.flatMap(\.summary.provenance.notices) where !notices.contains(notice) { notices.append(notice) }
        let title = options.count == 1 ? title(of: options[0]) : "Family Hub estate: \(options.count) options"

        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += PlanReport.generatorMeta + "\n"
        page += "<title>\(escape(title))</title>\n<style>\(css)</style>\n</head>\n<body>\n<header>\n"
        page += "<h1>\(escape(title))</h1>\n"
        if !notices.isEmpty {
            page += "<div class=\"notices\" role=\"note\">" + notices.map { "<p>\(escape($0))</p>" }.joined() + "</div>\n"
        }
        page += "</header>\n"
        if options.count > 1 { page += overview(options, comparison: comparison) }
        for (k, option) in options.enumerated() {
            page += section(option, index: k + 1, single: options.count == 1)
        }
        page += "</body>\n</html>\n"
        return page
    }

    /// The option's title: its scenario's `name:`, else the folder's name.
    static func title(of record: PlanRecord) -> String { record.summary.optionName ?? record.name }

    // MARK: overview of several options

    private static func overview(_ options: [PlanRecord], comparison: Comparison?) -> String {
        var rows: [[String]] = []
        // An option without a plan has its status and nothing else.
        func line(_ label: String, _ value: (PlanRecord) -> String) {
            rows.append([label] + options.map { $0.summary.status.hasPlan ? value($0) : "-" })
        }
        rows.append(["Status"] + options.map { statusText($0.summary) })
        line("Sites kept") { "\($0.summary.totals.sitesKept) of \($0.summary.totals.sitesKept + $0.summary.totals.sitesClosed)" }
        rows += PlanCosts.rows(options) { $0 }.map { row in
            [row[0]] + options.indices.map { options[$0].summary.status.hasPlan ? row[$0 + 1] : "-" }
        }
        line("Carbon (tCO2e a year)") { NumberFormat.carbon($0.summary.totals.carbon) }
        rows += PlanCoverage.rows(options).map { [$0.short] + $0.values }
        line("Visits displaced a year") { NumberFormat.grouped($0.summary.totals.visitsDisplaced) }
        if options.contains(where: { !$0.summary.limitsThatChangedNothing.isEmpty }) {
            line("Limits that changed nothing (the plan stays optimal without them)") {
                $0.summary.limitsThatChangedNothing.isEmpty ? "none" : $0.summary.limitsThatChangedNothing.joined(separator: ", ")
            }
        }
        if let comparison {
            let compared = comparison.options
            for k in 1 ..< compared.count {
                let d = comparison.difference(k)
                rows.append(["\(compared[k].name) against \(compared[0].name)"] + options.map { option in
                    option.name == compared[k].name
                        ? "\(d.sitesClosed) sites closed, \(d.sitesOpened) opened; \(d.areasLost) areas lose coverage, \(d.areasGained) gain" : ""
                })
            }
        }
        var html = "<section id=\"overview\">\n<h2>The options side by side</h2>\n"
        html += table(header: [""] + options.map { title(of: $0) }, rows: rows, firstColumnIsLabel: true)
        if let comparison { html += serviceShiftSection(comparison) }
        return html + "</section>\n"
    }

    // MARK: one option

    private static func section(_ record: PlanRecord, index: Int, single: Bool) -> String {
        let s = record.summary
        let suffix = single ? "" : "-\(index)"
        var html = "<article class=\"option\" id=\"option\(suffix)\">\n"
        if !single { html += "<h2 class=\"option-title\">Option \(index): \(escape(title(of: record)))</h2>\n" }
        if let description = s.optionDescription { html += "<p class=\"description\">\(escape(description))</p>\n" }
        html += "<p class=\"source\">Plan folder <code>\(escape(record.source))</code>, scenario <code>\(escape(s.scenarioFile))</code>.</p>\n"
        guard s.status.hasPlan else {
            return html + noPlanSections(record, suffix: suffix) + caveatsSection(record, suffix: suffix) + "</article>\n"
        }

        html += "<section id=\"summary\(suffix)\">\n<h3>Summary</h3>\n"
        let t = s.totals
        html += table(header: ["", ""], rows: [
            ["Solver", statusText(s)],
            ["Objective", objectiveWords(s.objectiveName, minutes: s.coverageMinutes, services: s.hasServices)],
            ["Sites kept", "\(t.sitesKept) of \(t.sitesKept + t.sitesClosed) (\(t.sitesClosed) close)"],
        ] + PlanCosts(t).items.map { [$0.label, NumberFormat.pounds($0.value) + " a year"] } + [
            ["Carbon", NumberFormat.carbon(t.carbon) + " tCO2e a year (saving " + NumberFormat.carbon(t.carbonSaving) + ")"],
        ] + PlanCoverage(t, minutes: s.coverageMinutes).items.map { [$0.label, $0.text] } + [
            ["Current visits whose building closes", NumberFormat.grouped(t.visitsDisplaced) + " a year"],
        ], firstColumnIsLabel: true, headless: true)
        html += "</section>\n"

        html += "<section id=\"map\(suffix)\">\n<h3>Map</h3>\n"
        if let map = record.map {
            html += "<figure class=\"map\">\(map)</figure>\n"
        } else {
            html += "<p>This plan folder has no map (<code>estate.svg</code>).</p>\n"
        }
        html += "</section>\n"

        html += sitesSection(record, suffix: suffix)
        html += districtsSection(record, suffix: suffix)
        html += equalitySection(record, suffix: suffix)
        html += servicesSection(record, suffix: suffix)
        html += explanationsSection(record, suffix: suffix)
        html += caveatsSection(record, suffix: suffix)
        return html + "</article>\n"
    }

    /// The ids of the sections of a report on a run that ended without a plan.
    public static let noPlanSectionIDs = ["summary", "why", "caveats"]

    /// Why a run has no plan: the solver's status, and for an infeasible scenario each constraint
    /// in conflict with the best it can reach with the others held and the data facts behind it.
    private static func noPlanSections(_ record: PlanRecord, suffix: String) -> String {
        let s = record.summary
        var html = "<section id=\"summary\(suffix)\">\n<h3>Summary</h3>\n"
        html += "<p class=\"verdict\">" + (s.status == .infeasible
            ? "No plan satisfies every constraint of this scenario: the solver proved it infeasible."
            : "The solver ended without a plan (\(escape(s.status.rawValue))).") + "</p>\n"
        html += table(header: ["", ""], rows: [
            ["Solver", "\(s.status.rawValue) (after \(NumberFormat.decimal(s.seconds, 2)) s)"],
            ["Objective", objectiveWords(s.objectiveName, minutes: s.coverageMinutes, services: s.hasServices)],
        ], firstColumnIsLabel: true, headless: true)
        html += "</section>\n<section id=\"why\(suffix)\">\n<h3>Why there is no plan</h3>\n"
        if s.conflicts.isEmpty {
            html += "<p>The plan folder names no constraints in conflict.</p>\n"
        } else {
            html += (s.conflicts.count == 1 ? "<p>No plan can meet this constraint, even without the scenario's other constraints. "
                : "<p>These constraints cannot all hold together; dropping any one of them leaves a plan. ")
                + "The best each can reach with the other constraints held is given, with the facts in the data behind it.</p>\n<ul>\n"
            for conflict in s.conflicts {
                html += "<li><code>\(escape(conflict.constraint))</code>: \(escape(conflict.explanation))"
                if !conflict.details.isEmpty {
                    html += "<ul>" + conflict.details.prefix(20).map { "<li>\(escape($0))</li>" }.joined()
                    if conflict.details.count > 20 { html += "<li>and \(conflict.details.count - 20) more</li>" }
                    html += "</ul>"
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    private static func sitesSection(_ record: PlanRecord, suffix: String) -> String {
        let names = Dictionary(record.sites.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let totalNeed = record.summary.totals.totalWeight
        let share = { (weight: Double) in totalNeed > 0 ? NumberFormat.percent(weight / totalNeed) : "-" }
        let ordered = record.sites.sorted { ($0.decision.isOpen ? 1 : 0, $0.district, $0.name, $0.id) < ($1.decision.isOpen ? 1 : 0, $1.district, $1.name, $1.id) }
        var rows: [[String]] = []
        for site in ordered {
            var reason: String
            switch site.decision {
            case .mustKeep:
                reason = "kept by the scenario (status keep)"
            case .kept:
                reason = site.outcome.map { "serves \(share($0.needServed)) of the county's need; \(share($0.uniqueNeed)) is within reach of no other kept building" } ?? ""
            case .closed:
                reason = "saves \(NumberFormat.pounds(site.annualCost)) a year"
                if let o = site.outcome {
                    if o.visitsDisplaced > 0 { reason += "; \(NumberFormat.grouped(o.visitsDisplaced)) visits a year move" }
                    if let to = o.nearestKeptSite { reason += ", most to \(names[to] ?? to)" }
                    if let extra = o.extraMinutes, abs(extra) >= 0.05 {
                        reason += " (" + NumberFormat.minutes(abs(extra)) + (extra > 0 ? " min further" : " min nearer") + " on average)"
                    }
                }
            }
            var row = [site.name, site.id, site.district, decisionWords(site.decision), NumberFormat.pounds(site.annualCost), reason]
            if !record.summary.siteExplanations.isEmpty { row.append(record.summary.siteExplanations[site.id] ?? "") }
            rows.append(row)
        }
        var html = "<section id=\"sites\(suffix)\">\n<h3>Sites: decisions and reasons</h3>\n"
        html += "<p>Closing sites first, then kept ones, each by district. Need shares are of the county's need-weighted children.</p>\n"
        var header = ["Site", "Id", "District", "Decision", "Running cost", "Reason"]
        if !record.summary.siteExplanations.isEmpty {
            header.append("The other way")
            html += "<p>" + (record.summary.siteExplanationMethod == "re_solve"
                ? "“The other way” gives the plan with only that site's decision reversed, then the best plan the scenario allows with the site forced the other way (a re-solve)."
                : "“The other way” gives the plan with only that site's decision reversed, every other decision as it is.") + "</p>\n"
        }
        html += table(header: header, rows: rows, rowClass: { rows[$0][3] == "closes" ? "closed" : nil })
        return html + "</section>\n"
    }

    private static func districtsSection(_ record: PlanRecord, suffix: String) -> String {
        let sites = record.sites.sorted { $0.id < $1.id }, areas = record.areas.sorted { $0.id < $1.id }
        let districts = Array(Set(sites.map(\.district) + areas.map(\.district))).sorted()
        let rows = Comparison.districtRows(sites: [sites], areas: [areas], equality: [record.equality], districts: districts).map { row -> [String] in
            let f = row.figures[0]
            return [row.district == Comparison.totalLabel ? "County total" : row.district, String(f.sitesKept), String(f.sitesClosed),
                    NumberFormat.pounds(f.cost), NumberFormat.carbon(f.carbon), NumberFormat.percent(f.coverage),
                    NumberFormat.minutes(f.medianMinutes), NumberFormat.minutes(f.worstMinutes)]
        }
        var html = "<section id=\"districts\(suffix)\">\n<h3>Districts</h3>\n"
        html += table(header: ["District", "Kept", "Closed", "Buildings cost", "Carbon (tCO2e)",
                               PlanCoverage(record.summary.totals, minutes: record.summary.coverageMinutes).districtHeader,
                               "Median min", "Worst min"],
                      rows: rows, rowClass: { $0 == rows.count - 1 ? "total" : nil })
        return html + "</section>\n"
    }

    private static func equalitySection(_ record: PlanRecord, suffix: String) -> String {
        let header = record.equality.header
        func cell(_ row: [String], _ column: String) -> String? {
            header.firstIndex(of: column).flatMap { $0 < row.count && !row[$0].isEmpty ? row[$0] : nil }
        }
        func percent(_ row: [String], _ column: String) -> String { cell(row, column).flatMap(Double.init).map(NumberFormat.percent) ?? "-" }
        func plain(_ row: [String], _ column: String) -> String { cell(row, column) ?? "-" }
        func minutes(_ row: [String], _ column: String) -> String { cell(row, column).flatMap(Double.init).map(NumberFormat.minutes) ?? "-" }
        func label(_ row: [String]) -> String {
            switch plain(row, "group") {
            case "all": return "All areas"
            case "decile":
                let d = plain(row, "label")
                return d == "1" ? "Decile 1 (most deprived)" : d == "10" ? "Decile 10 (least deprived)" : "Decile \(d)"
            case "most_deprived": return "Most deprived \(plain(row, "label"))"
            default: return plain(row, "label")
            }
        }
        func rows(_ groups: [String]) -> [[String]] {
            groups.flatMap { group in record.equality.rows.filter { plain($0, "group") == group } }.map { row in
                [label(row), plain(row, "areas"), cell(row, "children").flatMap(Double.init).map(NumberFormat.grouped) ?? "-",
                 percent(row, "coverage"), percent(row, "weight_coverage"), minutes(row, "median_minutes"), minutes(row, "worst_minutes"),
                 plain(row, "unreachable_areas"), percent(row, "displaced_share")]
            }
        }
        let columns = ["Group", "Areas", "Children", "Children covered", "Need covered", "Median min", "Worst min",
                       "Areas with no hub", "Share of visits displaced"]
        var html = "<section id=\"equality\(suffix)\">\n<h3>Equality impact</h3>\n"
        html += "<p>Areas are ranked by deprivation within this dataset (decile 1 is its most deprived tenth), not by national deciles. "
            + "Coverage counts children within \(NumberFormat.decimal(record.summary.coverageMinutes)) minutes of a kept building.</p>\n"
        html += "<h4>By deprivation</h4>\n" + table(header: columns, rows: rows(["all", "most_deprived", "decile"]))
        html += "<h4>By district</h4>\n" + table(header: columns, rows: rows(["district"]))
        return html + "</section>\n"
    }

    private static func explanationsSection(_ record: PlanRecord, suffix: String) -> String {
        var html = "<section id=\"explanations\(suffix)\">\n<h3>How the plan meets the scenario's constraints</h3>\n"
        let items = ConstraintCheck.sentences(record)
        html += items.isEmpty ? "<p>The scenario sets no constraints.</p>\n"
            : "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        let moved = record.summary.limitExplanations
        if !moved.isEmpty {
            html += "<h4>What moving each limit would change</h4>\n<p>Each figure compares this plan with the scenario planned "
                + "again with that one limit moved by a step or dropped.</p>\n<ul class=\"limits\">\n"
                + moved.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        if let note = record.summary.explanationNote { html += "<p class=\"note\">\(escape(note))</p>\n" }
        return html + "</section>\n"
    }

    private static func caveatsSection(_ record: PlanRecord, suffix: String) -> String {
        var items = record.summary.provenance.notices
        items.append("Travel minutes are those of the plan's scenario (from travel.csv, or estimated from straight-line distance, "
            + "a circuity factor and a speed); an area counts as covered when a kept building is within "
            + "\(NumberFormat.decimal(record.summary.coverageMinutes)) minutes.")
        items.append("Need weights are children weighted by the scenario's needs framework; shares of need are shares of that weighted total.")
        items.append("Visits displaced are current visits recorded at buildings that close; where the data has no usage figures, none are counted.")
        var html = "<section id=\"caveats\(suffix)\">\n<h3>Data and caveats</h3>\n<ul>\n"
        html += items.map { "<li>\(escape($0))</li>\n" }.joined()
        return html + "</ul>\n</section>\n"
    }

    // MARK: words

    static func statusText(_ s: PlanRecord.Summary) -> String {
        var text: String
        switch s.status {
        case .optimal: text = "optimal: proven best plan"
        case .feasible: text = "feasible: best plan found at the solver's limit"
        default: text = s.status.rawValue
        }
        if let gap = s.gap, s.status == .feasible || gap > 0 { text += ", within \(NumberFormat.gap(gap)) of the best possible" }
        return text + " (solved in \(NumberFormat.decimal(s.seconds, 2)) s)"
    }

    /// What the objective asks, in words; `services`: a plan with services, whose `max_coverage`
    /// weighs each service within its own standard rather than children within `minutes`.
    static func objectiveWords(_ name: String, minutes: Double, services: Bool = false) -> String {
        switch name {
        case "max_coverage" where services:
            return "cover the most of each service's need, each within its standard (by the services' weights, outreach at its value)"
        case "max_coverage": return "reach the most need-weighted children within \(NumberFormat.decimal(minutes)) minutes"
        case "min_cost": return "the lowest running cost"
        case "min_carbon": return "the lowest carbon"
        case "min_sites": return "the fewest buildings"
        case "min_travel": return "the shortest need-weighted travel"
        default: return name
        }
    }

    static func decisionWords(_ decision: SiteDecision) -> String {
        switch decision {
        case .kept: return "kept"
        case .mustKeep: return "kept (must keep)"
        case .closed: return "closes"
        }
    }

    // MARK: markup

    static func escape(_ text: String) -> String { XMLText.escaped(text) }

    /// A `wide` table (one column per service) is set smaller in print, so it fits A4 upright.
    static func table(header: [String], rows: [[String]], firstColumnIsLabel: Bool = false, headless: Bool = false,
                      wide: Bool = false, rowClass: (Int) -> String? = { _ in nil }) -> String {
        var html = wide ? "<table class=\"wide\">\n" : "<table>\n"
        if !headless { html += "<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n" }
        html += "<tbody>\n"
        // A "-" (no figure) aligns with the numbers of its column.
        let numericColumns = Set(rows.flatMap { row in row.indices.filter { isNumeric(row[$0]) } })
        for (r, row) in rows.enumerated() {
            html += rowClass(r).map { "<tr class=\"\($0)\">" } ?? "<tr>"
            for (c, cell) in row.enumerated() {
                if c == 0 && firstColumnIsLabel { html += "<th scope=\"row\">\(escape(cell))</th>"; continue }
                let number = isNumeric(cell) || (cell == "-" && numericColumns.contains(c))
                html += (!headless && number ? "<td class=\"num\">" : "<td>") + escape(cell) + "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// Numbers (with £, %, separators) align right.
    static func isNumeric(_ cell: String) -> Bool {
        let core = cell.split(separator: " ").first.map(String.init) ?? ""
        let stripped = core.filter { !"£%,+-".contains($0) }
        return !stripped.isEmpty && Double(stripped) != nil && cell.split(separator: " ").count <= 2
    }

    static let css = """
    body{margin:0 auto;max-width:1240px;padding:16px 24px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;\
    color:#1e1e1e;background:#fff;line-height:1.4}\
    h1{font-size:26px;margin:8px 0}h2{font-size:21px;margin:28px 0 8px;border-bottom:2px solid #1e1e1e}\
    h3{font-size:17px;margin:22px 0 6px}h4{font-size:14px;margin:14px 0 4px}\
    .notices{margin:10px 0;padding:6px 12px;border:2px solid #b30000;background:#fff4f4;color:#b30000;font-weight:600}\
    .notices p{margin:4px 0}.description{font-size:16px}.source{color:#555;font-size:13px}\
    table{border-collapse:collapse;font-size:13px;margin:6px 0 12px}\
    th,td{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}\
    thead th{background:#f0f0f0;border-bottom:2px solid #999}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\
    tr.total td{font-weight:700;border-top:2px solid #999}tr.closed td:nth-child(4){color:#b30000;font-weight:600}\
    figure.map{margin:0}figure.map svg{width:100%;height:auto;border:1px solid #ddd}\
    @page{size:A4;margin:12mm}\
    @media print{body{max-width:none;padding:0;font-size:10pt}table{font-size:8pt}th,td{padding:1px 4px}\
    article.option{break-before:page}article.option:first-of-type{break-before:auto}\
    table.wide{font-size:7pt}section{break-inside:auto}h2,h3,h4{break-after:avoid}tr{break-inside:avoid}figure.map{break-inside:avoid}\
    .notices{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
    """
}
