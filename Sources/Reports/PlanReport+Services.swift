/// The report's section for a v2 plan (services, Family Hubs, outreach): each service's
/// coverage in the county and by district, and its equality impact, read from the plan's
/// `services.csv` and `service_equality.csv` (nothing is computed a second time).
extension PlanReport {
    static func servicesSection(_ record: PlanRecord, suffix: String) -> String {
        guard let services = record.services else { return "" }
        let names = record.summary.serviceNames
        let coverage = services.coverage, equality = services.equality
        func column(_ text: PlanRecord.EqualityText, _ name: String) -> Int? { text.header.firstIndex(of: name) }
        func value(_ text: PlanRecord.EqualityText, _ row: [String], _ name: String) -> String? {
            column(text, name).flatMap { $0 < row.count && !row[$0].isEmpty ? row[$0] : nil }
        }
        func percent(_ text: PlanRecord.EqualityText, _ row: [String]?, _ name: String) -> String {
            row.flatMap { value(text, $0, name) }.flatMap(Double.init).map(NumberFormat.percent) ?? "-"
        }
        var codes: [String] = []
        for row in coverage.rows where !codes.contains(row[0]) { codes.append(row[0]) }
        let totals = coverage.rows.filter { value(coverage, $0, "district") == "total" }
        let districts = Array(Set(coverage.rows.compactMap { value(coverage, $0, "district") }.filter { $0 != "total" })).sorted()

        var html = "<section id=\"services\(suffix)\">\n<h3>Services</h3>\n"
        html += "<p>Coverage counts each service's own population within its coverage time of a kept building offering it, "
            + "plus the part outreach reaches at its value. Costs are running the service at its sites and its outreach.</p>\n"
        html += table(header: ["Service", "Covered", "By outreach", "Sites offering it", "Cost a year"], rows: totals.map { row in
            [names[row[0]], percent(coverage, row, "covered_share"), percent(coverage, row, "outreach_share"),
             value(coverage, row, "sites_offering") ?? "-", value(coverage, row, "cost").flatMap(Double.init).map(NumberFormat.pounds) ?? "-"]
        })
        html += "<h4>Coverage by district</h4>\n"
        // Service names in words (spaces, so the headers wrap and the table fits a printed page),
        // as in every table and sentence of the report and on the plan's map.
        html += table(header: ["District"] + codes.map { names[$0] }, rows: districts.map { district in
            [district] + codes.map { code in
                percent(coverage, coverage.rows.first { $0[0] == code && value(coverage, $0, "district") == district }, "covered_share")
            }
        }, wide: true)
        html += "<h4>Equality impact by service</h4>\n"
        html += "<p>Each service's population covered, for all areas and for the most and least deprived areas of the dataset "
            + "(deciles as in the equality table); areas with no kept site offering the service at all; usage of the service "
            + "at sites that close or stop offering it.</p>\n"
        func group(_ code: String, _ kind: String, _ label: String) -> [String]? {
            equality.rows.first { $0[0] == code && value(equality, $0, "group") == kind && value(equality, $0, "label") == label }
        }
        // The least deprived decile present (decile 10 when there are at least ten areas).
        func leastDeprived(_ code: String) -> [String]? {
            equality.rows.filter { $0[0] == code && value(equality, $0, "group") == "decile" }
                .max { (value(equality, $0, "label").flatMap { Int($0) } ?? 0) < (value(equality, $1, "label").flatMap { Int($0) } ?? 0) }
        }
        html += table(header: ["Service", "All areas", "Most deprived 10%", "Most deprived 20%", "Least deprived decile",
                               "Median min", "Areas with no site", "Share of visits displaced"], rows: codes.map { code in
            let all = group(code, "all", "all areas")
            return [names[code], percent(equality, all, "coverage"), percent(equality, group(code, "most_deprived", "10%"), "coverage"),
                    percent(equality, group(code, "most_deprived", "20%"), "coverage"),
                    percent(equality, leastDeprived(code), "coverage"),
                    all.flatMap { value(equality, $0, "median_minutes") }.flatMap(Double.init).map(NumberFormat.minutes) ?? "-",
                    all.flatMap { value(equality, $0, "unreachable_areas") } ?? "-",
                    percent(equality, all, "displaced_share")]
        })
        return html + "</section>\n"
    }

    /// In a comparison of options with services: for each option against the first, the
    /// services whose buildings differ by district (lost, moved, gained), with the buildings where
    /// each stops and starts and the district's coverage of it under both.
    static func serviceShiftSection(_ comparison: Comparison) -> String {
        var html = ""
        for k in 1 ..< comparison.options.count {
            guard let shifts = comparison.serviceShiftTable(k) else { continue }
            html += "<h3 id=\"service-changes-\(k + 1)\">Services by district: \(escape(comparison.options[k].name)) "
                + "against \(escape(comparison.options[0].name))</h3>\n"
            html += shifts.rows.isEmpty ? "<p>Every service is offered at the same buildings in both options.</p>\n"
                : table(header: shifts.header, rows: shifts.rows)
        }
        return html
    }
}
