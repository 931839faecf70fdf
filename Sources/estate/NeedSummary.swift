import Estate
import EstateIO

/// The short ranked summary `estate score` prints.
enum NeedSummary {
    static func text(_ report: NeedReport, services: [ServiceNeedReport] = [], dataset: Dataset, scenario: Scenario,
                     outputFolder: String) -> String {
        var lines: [String] = []
        let children = dataset.areas.reduce(0) { $0 + $1.children }
        lines.append("\(dataset.areas.count) areas, \(dataset.sites.count) sites, \(dataset.districts.count) districts, "
                     + "\(CSVWriter.format(children, decimals: 0)) children 0-19")
        let framework = scenario.needs.map { needs in
            needs.indicators.map { "\($0.column) \($0.transform.rawValue) x\(CSVWriter.format($0.weight, decimals: 2))" }
                .joined(separator: ", ") + (needs.usageWeight > 0 ? ", usage x\(CSVWriter.format(needs.usageWeight, decimals: 2))" : "")
        } ?? "none (weight = children)"
        lines.append("needs: \(framework)")
        lines.append("")
        lines.append("Districts by need per child (1.00 = county average):")
        let nameWidth = max(8, dataset.districts.map(\.count).max() ?? 8)
        lines.append("  rank  " + "district".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  need/child  share  sites")
        // A short summary: every district of a county; the top 10 and bottom 3 of larger sets.
        let ranked = report.districts.sorted(by: { $0.rank < $1.rank })
        let shown = ranked.count > 15 ? Array(ranked.prefix(10)) + Array(ranked.suffix(3)) : ranked
        for (position, row) in shown.enumerated() {
            if ranked.count > 15 && position == 10 { lines.append("   ...  (\(ranked.count - 13) more in \(NeedTables.districtFile))") }
            let name = dataset.districts[row.district].padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            lines.append("  " + String(row.rank).leftPadded(4) + "  " + name + "  "
                         + CSVWriter.format(row.needPerChild, decimals: 2).leftPadded(10) + "  "
                         + (CSVWriter.format(row.shareOfNeed * 100, decimals: 1) + "%").leftPadded(5) + "  "
                         + String(row.sites).leftPadded(5))
        }
        lines.append("")
        let minutes = CSVWriter.format(report.coverageMinutes, decimals: 0)
        lines.append("Sites reaching the most need within \(minutes) minutes:")
        for row in report.sites.sorted(by: { $0.rank < $1.rank }).prefix(5) {
            let site = dataset.sites[row.site]
            lines.append("  \(site.id)  \(site.name) (\(dataset.districts[site.district])): need \(CSVWriter.format(row.need, decimals: 0))")
        }
        let unique = report.sites.filter { $0.uniqueNeed > 0 }
            .sorted { $0.uniqueNeed != $1.uniqueNeed ? $0.uniqueNeed > $1.uniqueNeed : dataset.sites[$0.site].id < dataset.sites[$1.site].id }
        if !unique.isEmpty {
            lines.append("")
            lines.append("Sites that alone reach some need within \(minutes) minutes (\(unique.count) of \(report.sites.count)):")
            for row in unique.prefix(5) {
                let site = dataset.sites[row.site]
                lines.append("  \(site.id)  \(site.name) (\(dataset.districts[site.district])): need only it reaches \(CSVWriter.format(row.uniqueNeed, decimals: 0))")
            }
        }
        if !services.isEmpty {
            lines.append("")
            lines.append("Services: the neediest district per person, and the site reaching the most need:")
            let names = scenario.serviceNames
            let nameWidth = max(7, services.map { names[$0.code].count }.max() ?? 7)
            for service in services {
                let top = service.districts.min { $0.rank < $1.rank }
                let site = service.sites.min { $0.rank < $1.rank }
                lines.append("  " + names[service.code].padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                             + (top.map { "\(dataset.districts[$0.district]) \(CSVWriter.format($0.needPerChild, decimals: 2))" } ?? "-")
                             + "; " + (site.map { "\(dataset.sites[$0.site].id) within \(CSVWriter.format(service.coverageMinutes, decimals: 0)) min" } ?? "no site can host it"))
            }
        }
        lines.append("")
        let serviceFiles = services.isEmpty ? "" : ", \(NeedTables.serviceDistrictFile), \(NeedTables.serviceSiteFile)"
        lines.append("wrote \(outputFolder)/\(NeedTables.areaFile), \(NeedTables.districtFile), \(NeedTables.siteFile)" + serviceFiles)
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
