import Estate

/// The needs framework's tables as CSV: `area_need.csv`, `district_need.csv`, `site_need.csv`,
/// and for a v2 scenario `district_service_need.csv` and `site_service_need.csv`.
/// Rows follow the dataset's order for areas and sites and district name order; numbers have
/// fixed decimals, so identical inputs give identical bytes.
public enum NeedTables {
    /// File name of the per-area table.
    public static let areaFile = "area_need.csv"
    /// File name of the per-district table.
    public static let districtFile = "district_need.csv"
    /// File name of the per-site table.
    public static let siteFile = "site_need.csv"

    /// `area_id,district,children,<indicator>_t...,need_score,multiplier,weight,visits`.
    public static func areas(_ report: NeedReport, dataset: Dataset) -> [UInt8] {
        let scores = report.scores
        var writer = CSVWriter(header: ["area_id", "district", "children"] + scores.indicatorNames.map { "\($0)_t" }
            + ["need_score", "multiplier", "weight", "visits"])
        for (index, area) in dataset.areas.enumerated() {
            var cells = [area.id, dataset.districts[area.district], CSVWriter.format(area.children, decimals: 0)]
            for column in scores.transformed { cells.append(CSVWriter.format(column[index], decimals: 6)) }
            cells.append(CSVWriter.format(scores.score[index], decimals: 6))
            cells.append(CSVWriter.format(scores.multiplier[index], decimals: 6))
            cells.append(CSVWriter.format(scores.weight[index], decimals: 3))
            cells.append(CSVWriter.format(scores.visits[index], decimals: 0))
            writer.row(cells)
        }
        return writer.bytes
    }

    /// `rank,district,areas,sites,children,need,need_per_child,share_of_need,mean_score,visits`, by rank.
    public static func districts(_ report: NeedReport, dataset: Dataset) -> [UInt8] {
        var writer = CSVWriter(header: ["rank", "district", "areas", "sites", "children", "need", "need_per_child",
                                        "share_of_need", "mean_score", "visits"])
        for row in report.districts.sorted(by: { $0.rank < $1.rank }) {
            writer.row([String(row.rank), dataset.districts[row.district], String(row.areas), String(row.sites),
                        CSVWriter.format(row.children, decimals: 0), CSVWriter.format(row.need, decimals: 1),
                        CSVWriter.format(row.needPerChild, decimals: 4), CSVWriter.format(row.shareOfNeed, decimals: 4),
                        CSVWriter.format(row.meanScore, decimals: 4), CSVWriter.format(row.visits, decimals: 0)])
        }
        return writer.bytes
    }

    /// `rank,site_id,name,kind,district,status,areas_in_catchment,children_in_catchment,need_in_catchment,
    /// unique_need,visits,visits_from_catchment,annual_cost,carbon`, by rank.
    public static func sites(_ report: NeedReport, dataset: Dataset) -> [UInt8] {
        var writer = CSVWriter(header: ["rank", "site_id", "name", "kind", "district", "status", "areas_in_catchment",
                                        "children_in_catchment", "need_in_catchment", "unique_need", "visits",
                                        "visits_from_catchment", "annual_cost", "carbon"])
        for row in report.sites.sorted(by: { $0.rank < $1.rank }) {
            let site = dataset.sites[row.site]
            writer.row([String(row.rank), site.id, site.name, site.kind, dataset.districts[site.district], site.status.rawValue,
                        String(row.areas), CSVWriter.format(row.children, decimals: 0), CSVWriter.format(row.need, decimals: 1),
                        CSVWriter.format(row.uniqueNeed, decimals: 1), CSVWriter.format(row.visits, decimals: 0),
                        CSVWriter.format(row.visitsFromCatchment, decimals: 0), CSVWriter.format(site.annualCost, decimals: 0),
                        CSVWriter.format(site.carbon, decimals: 1)])
        }
        return writer.bytes
    }

    /// File name of the per-service district table (v2 scenarios).
    public static let serviceDistrictFile = "district_service_need.csv"
    /// File name of the per-service site table (v2 scenarios).
    public static let serviceSiteFile = "site_service_need.csv"

    /// `service,rank,district,areas,sites_able,population,need,need_per_person,share_of_need,mean_score,visits`:
    /// per service (scenario order), its districts by rank of need per person.
    public static func serviceDistricts(_ reports: [ServiceNeedReport], dataset: Dataset) -> [UInt8] {
        var writer = CSVWriter(header: ["service", "rank", "district", "areas", "sites_able", "population", "need",
                                        "need_per_person", "share_of_need", "mean_score", "visits"])
        for report in reports {
            for row in report.districts.sorted(by: { $0.rank < $1.rank }) {
                writer.row([report.code, String(row.rank), dataset.districts[row.district], String(row.areas), String(row.sites),
                            CSVWriter.format(row.children, decimals: 0), CSVWriter.format(row.need, decimals: 1),
                            CSVWriter.format(row.needPerChild, decimals: 4), CSVWriter.format(row.shareOfNeed, decimals: 4),
                            CSVWriter.format(row.meanScore, decimals: 4), CSVWriter.format(row.visits, decimals: 0)])
            }
        }
        return writer.bytes
    }

    /// `service,rank,site_id,name,kind,district,status,coverage_minutes,areas_in_catchment,
    /// population_in_catchment,need_in_catchment,unique_need,visits,visits_from_catchment`: per
    /// service, the sites able to host it by rank of need within the service's coverage time.
    public static func serviceSites(_ reports: [ServiceNeedReport], dataset: Dataset) -> [UInt8] {
        var writer = CSVWriter(header: ["service", "rank", "site_id", "name", "kind", "district", "status", "coverage_minutes",
                                        "areas_in_catchment", "population_in_catchment", "need_in_catchment", "unique_need",
                                        "visits", "visits_from_catchment"])
        for report in reports {
            for row in report.sites.sorted(by: { $0.rank < $1.rank }) {
                let site = dataset.sites[row.site]
                writer.row([report.code, String(row.rank), site.id, site.name, site.kind, dataset.districts[site.district],
                            site.status.rawValue, CSVWriter.format(report.coverageMinutes, decimals: 0), String(row.areas),
                            CSVWriter.format(row.children, decimals: 0), CSVWriter.format(row.need, decimals: 1),
                            CSVWriter.format(row.uniqueNeed, decimals: 1), CSVWriter.format(row.visits, decimals: 0),
                            CSVWriter.format(row.visitsFromCatchment, decimals: 0)])
            }
        }
        return writer.bytes
    }

    /// All three tables, ready for `AtomicFolder.write`.
    /// With service reports (a v2 scenario), the two per-service tables as well.
    public static func all(_ report: NeedReport, services: [ServiceNeedReport] = [],
                           dataset: Dataset) -> [(name: String, contents: [UInt8])] {
        var files = [(areaFile, areas(report, dataset: dataset)), (districtFile, districts(report, dataset: dataset)),
                     (siteFile, sites(report, dataset: dataset))]
        if !services.isEmpty {
            files += [(serviceDistrictFile, serviceDistricts(services, dataset: dataset)),
                      (serviceSiteFile, serviceSites(services, dataset: dataset))]
        }
        return files
    }
}
