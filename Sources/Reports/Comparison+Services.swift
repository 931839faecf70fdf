import Workbook
import Quantities

/// `estate compare` on plans with services (v2): each service's coverage, outreach, sites and
/// cost side by side, county and district, from each plan's `services.csv`; and a line per
/// service in the terminal table. Nothing here for options without services.
extension Comparison {
    /// The service codes of the options, first option's order first; empty when none has services.
    var serviceCodes: [String] {
        var codes: [String] = []
        for option in options {
            for row in option.services?.coverage.rows ?? [] where !codes.contains(row[0]) { codes.append(row[0]) }
        }
        return codes
    }

    /// `services.csv` of the comparison: one row per service and district (and its `total`),
    /// each measure with one column per option; blank where an option lacks the row.
    func servicesTable() -> ReportTable? {
        let codes = serviceCodes
        guard !codes.isEmpty else { return nil }
        let measures: [(name: String, quantity: Quantity?)] = [("covered_share", .share), ("outreach_share", .share),
                                                              ("sites_offering", nil), ("cost", .money)]
        var table = ReportTable(name: "Services", header: ["service", "district"]
            + measures.flatMap { measure in options.map { "\(measure.name):\($0.name)" } })
        var keys: [[String]] = []
        for option in options {
            guard let text = option.services?.coverage, let district = text.header.firstIndex(of: "district") else { continue }
            for row in text.rows where !keys.contains([row[0], row[district]]) { keys.append([row[0], row[district]]) }
        }
        keys.sort { (codes.firstIndex(of: $0[0])!, $0[1] == "total" ? 1 : 0, $0[1]) < (codes.firstIndex(of: $1[0])!, $1[1] == "total" ? 1 : 0, $1[1]) }
        for key in keys {
            var cells: [Workbook.Cell] = [.text(key[0]), .text(key[1])]
            for measure in measures {
                for option in options {
                    var value: Double?
                    if let text = option.services?.coverage, let d = text.header.firstIndex(of: "district"),
                       let m = text.header.firstIndex(of: measure.name),
                       let row = text.rows.first(where: { $0[0] == key[0] && $0[d] == key[1] }) {
                        value = Double(row[m])
                    }
                    if let quantity = measure.quantity { cells.append(.number(value, quantity)) }
                    else { cells.append(value.map { .integer(Int($0)) } ?? .empty) }
                }
            }
            table.rows.append(cells)
        }
        return table
    }

    /// Terminal lines: each service's coverage (and outreach, when any option uses it) per option.
    func serviceConsoleRows() -> [[String]] {
        serviceCodes.map { code in
            ["\(code) covered"] + options.map { option in
                guard let totals = option.summary.totals.services?[code] else { return "-" }
                return NumberFormat.percent(totals.coverage) + (totals.outreach > 0 ? " (" + NumberFormat.percent(totals.outreach) + " outreach)" : "")
            }
        }
    }
}
