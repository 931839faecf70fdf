extension Comparison {
    /// The short terminal table: one column per option, one line per headline figure, then how
    /// each option differs from the first.
    public func consoleText() -> String {
        let first = options[0].name
        var rows: [[String]] = [[""] + options.map(\.name)]
        func line(_ label: String, _ value: (PlanRecord) -> String) { rows.append([label] + options.map(value)) }
        let total = districtRows.last!.figures
        line("status") { o in o.summary.status.rawValue + (o.summary.gap.map(Self.gapText) ?? "") }
        line("objective") { o in o.summary.objectiveName }
        line("sites kept") { o in "\(o.summary.totals.sitesKept) of \(o.summary.totals.sitesKept + o.summary.totals.sitesClosed)" }
        rows += PlanCosts.rows(options) { $0.lowercased() }
        line("carbon (tCO2e)") { o in NumberFormat.carbon(o.summary.totals.carbon) }
        rows += PlanCoverage.rows(options).map { [$0.label.lowercased()] + $0.values }
        rows.append(["median / worst min"] + total.map { f in
            (NumberFormat.minutes(f.medianMinutes)) + " / " + (NumberFormat.minutes(f.worstMinutes))
        })
        line("visits displaced") { o in NumberFormat.grouped(o.summary.totals.visitsDisplaced) }
        rows += serviceConsoleRows()
        let differences = (1 ..< options.count).map(difference)
        rows.append(["sites closed / opened vs \(first)", "-"] + differences.map { "\($0.sitesClosed) / \($0.sitesOpened)" })
        rows.append(["areas losing / gaining vs \(first)", "-"] + differences.map { "\($0.areasLost) / \($0.areasGained)" })

        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        var lines = ["Estate comparison: \(options.count) options, \(sites[0].count) sites, \(areas[0].count) areas"]
        for row in rows {
            let cells = row.indices.map { c in
                c == 0 ? row[c].padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - row[c].count) + row[c]
            }
            lines.append("  " + cells.joined(separator: "  "))
        }
        lines.append("  \(differingSites.count) site(s) differ and \(changedAreas.count) area(s) change coverage between the options")
        for k in 1 ..< options.count { lines += serviceShiftLines(k) }
        for option in options {
            for limit in option.summary.limitsThatChangedNothing {
                lines.append("  \(option.name): \(limit) changed nothing (the plan stays optimal without it)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// ", gap 1.25%" for a positive relative gap (", gap <0.01%" below that), "" for none.
    static func gapText(_ gap: Double) -> String {
        gap > 0 ? ", gap " + NumberFormat.gap(gap) : ""
    }
}
