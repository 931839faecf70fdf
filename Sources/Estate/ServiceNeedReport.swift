/// The needs framework per service (issue 10's "district and site need tables per service"): for
/// one service of a v2 scenario, its need by district and within the catchment of every site
/// that can host it, aggregated by `NeedReport.aggregate` as the v1 tables are.
public struct ServiceNeedReport: Sendable {
    /// The service's code.
    public let code: String
    /// The service's catchment radius (its `coverage_minutes`, or the scenario's), inclusive.
    public let coverageMinutes: Double
    /// One row per district, in `Dataset.districts` order; `children` is the service's
    /// population and `sites` counts the sites able to host it.
    public let districts: [DistrictNeed]
    /// One row per site able to host the service, in dataset order.
    public let sites: [SiteNeed]

    /// The tables of `need` (its population, weights, own usage, hosting sites).
    public init(_ need: ServiceNeed, dataset: Dataset, scores: NeedScores, travel: TravelTimes, coverageMinutes: Double) {
        code = need.code
        self.coverageMinutes = coverageMinutes
        let basis = NeedReport.Basis(population: need.population, weight: need.weight, visits: need.visits,
                                     usage: dataset.usage.filter { $0.service == need.code }, sites: need.hostedBy)
        (districts, sites) = NeedReport.aggregate(basis, dataset: dataset, score: scores.score, travel: travel,
                                                  coverageMinutes: coverageMinutes)
    }
}

extension Scenario {
    /// One `ServiceNeedReport` per service of this scenario (none for a v1 scenario), each at
    /// the service's own coverage standard.
    public func serviceNeedReports(for dataset: Dataset, scores: NeedScores,
                                   travel: TravelTimes) throws(InputErrors) -> [ServiceNeedReport] {
        let needs = try ServiceNeed.all(services, dataset: dataset, scores: scores)
        return zip(services, needs).map { service, need in
            ServiceNeedReport(need, dataset: dataset, scores: scores, travel: travel,
                              coverageMinutes: service.coverageMinutes ?? coverageMinutes)
        }
    }
}
