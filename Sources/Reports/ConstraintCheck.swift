import Estate

/// Each of a plan's constraints set against what the plan achieved, in a planner's words: the
/// limit, the plan's figure, the room left and whether that room could have been used. Figures
/// come from the plan's own files (a `PlanRecord`), so the sentences hold for any plan folder.
enum ConstraintCheck {
    static func sentences(_ record: PlanRecord) -> [String] {
        let c = record.summary.constraints, t = record.summary.totals
        let closed = record.sites.filter { !$0.decision.isOpen }
        var lines: [String] = []
        if let budget = c["budget"] {
            let left = budget - t.cost
            var line = "Budget \(NumberFormat.pounds(budget)) a year: the plan spends \(NumberFormat.pounds(t.cost)), leaving \(NumberFormat.pounds(left))"
            if let cheapest = closed.min(by: { $0.annualCost < $1.annualCost }) {
                line += cheapest.annualCost > left + 0.005
                    ? "; every closing building costs more than that (the cheapest, \(cheapest.name), \(NumberFormat.pounds(cheapest.annualCost))), so the budget binds."
                    : "; \(cheapest.name) (\(NumberFormat.pounds(cheapest.annualCost))) would fit, so the budget is not what closes it."
            } else {
                line += "; no building closes."
            }
            lines.append(line)
        }
        if let cap = c["carbon"] {
            let left = cap - t.carbon
            var line = "Carbon cap \(NumberFormat.carbon(cap)) tCO2e a year: the plan emits \(NumberFormat.carbon(t.carbon)), leaving \(NumberFormat.carbon(left))"
            if let least = closed.min(by: { $0.carbon < $1.carbon }) {
                line += least.carbon > left + 0.0005
                    ? "; every closing building emits more than that, so the cap binds."
                    : "; \(least.name) (\(NumberFormat.carbon(least.carbon)) tCO2e) would fit, so the cap is not what closes it."
            } else {
                line += "."
            }
            lines.append(line)
        }
        if let most = c["sites_max"], let least = c["sites_min"], most == least {
            lines.append("Exactly \(Int(most)) sites: the plan keeps \(t.sitesKept).")
        } else {
            if let most = c["sites_max"] {
                lines.append("At most \(Int(most)) sites: the plan keeps \(t.sitesKept)" + (t.sitesKept >= Int(most) ? ", the limit (it binds)." : "."))
            }
            if let least = c["sites_min"] {
                lines.append("At least \(Int(least)) sites: the plan keeps \(t.sitesKept)" + (t.sitesKept <= Int(least) ? ", the minimum (it binds)." : "."))
            }
        }
        let districts = districtFigures(record)
        if let k = c["min_per_district"], let fewest = districts.min(by: { ($0.figures.sitesKept, $0.name) < ($1.figures.sitesKept, $1.name) }) {
            let atLimit = districts.filter { $0.figures.sitesKept <= Int(k) && $0.figures.sitesKept + $0.figures.sitesClosed > 0 }.map(\.name)
            var line = "At least \(Int(k)) kept per district: the fewest kept in any district is \(fewest.figures.sitesKept) (\(fewest.name))"
            line += atLimit.isEmpty ? "." : "; at the minimum: \(atLimit.joined(separator: ", "))."
            lines.append(line)
        }
        if let floor = c["min_coverage"] {
            lines.append("At least \(NumberFormat.percent(floor)) of need covered county-wide: the plan covers \(NumberFormat.percent(t.coverage))"
                + (t.coverage - floor < 5e-4 ? " (it binds)." : "."))
        }
        if let floor = c["min_district_coverage"], let lowest = districts.min(by: { ($0.figures.coverage, $0.name) < ($1.figures.coverage, $1.name) }) {
            lines.append("At least \(NumberFormat.percent(floor)) of need covered in every district: the lowest is \(lowest.name) at "
                + NumberFormat.percent(lowest.figures.coverage) + (lowest.figures.coverage - floor < 5e-4 ? " (it binds)." : "."))
        }
        if let floor = c["min_deprived_coverage"] {
            // summary.json writes the share with the floor; a hand-edited one falls back to the scenario default.
            let share = c["deprived_share"] ?? Constraints().deprivedShare
            var line = "At least \(NumberFormat.percent(floor)) of the need of the most deprived \(NumberFormat.percent(share)) of areas covered"
            if let achieved = deprivedCoverage(record, share: share) {
                line += ": the plan covers \(NumberFormat.percent(achieved))" + (achieved - floor < 5e-4 ? " (it binds)." : ".")
            } else {
                line += " (held by the solver; equality.csv tabulates the 10% and 20% groups)."
            }
            lines.append(line)
        }
        if let limit = c["max_minutes"] {
            let worst = record.areas.compactMap(\.minutes).max()
            lines.append("A building within \(NumberFormat.decimal(limit)) minutes of every area: the longest trip is "
                + (worst.map { NumberFormat.minutes($0) + " minutes" } ?? "none") + ".")
        }
        return lines
    }

    /// Each district's figures, as the report's district table computes them.
    private static func districtFigures(_ record: PlanRecord) -> [(name: String, figures: DistrictFigures)] {
        let sites = record.sites.sorted { $0.id < $1.id }, areas = record.areas.sorted { $0.id < $1.id }
        let names = Array(Set(sites.map(\.district) + areas.map(\.district))).sorted()
        return Comparison.districtRows(sites: [sites], areas: [areas], equality: [record.equality], districts: names)
            .filter { $0.district != Comparison.totalLabel }.map { ($0.district, $0.figures[0]) }
    }

    /// The need coverage of the most deprived `share` of areas, when `equality.csv` has that row.
    private static func deprivedCoverage(_ record: PlanRecord, share: Double) -> Double? {
        let header = record.equality.header
        guard let group = header.firstIndex(of: "group"), let label = header.firstIndex(of: "label"),
              let value = header.firstIndex(of: "weight_coverage") else { return nil }
        let percent = share * 100
        guard percent == percent.rounded() else { return nil }
        let wanted = "\(Int(percent))%"
        return record.equality.rows.first { $0[group] == "most_deprived" && $0[label] == wanted }.flatMap { Double($0[value]) }
    }
}
