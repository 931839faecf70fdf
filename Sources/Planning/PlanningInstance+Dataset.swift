import Estate

extension PlanningInstance {
    /// The dense instance of a dataset: need weights from `scores`, pairs from `travel`, and each
    /// area's demand in visits per year for capacity (its `usage.csv` visits, or
    /// `children x visitsPerChild` where it has none; FORMAT.md).
    public init(dataset: Dataset, scores: NeedScores, travel: TravelTimes, visitsPerChild: Double) {
        let visits = dataset.visitsByArea
        var pairs: [[(site: Int, minutes: Double)]] = []
        pairs.reserveCapacity(dataset.areas.count)
        for i in dataset.areas.indices {
            pairs.append(travel.entries(ofArea: i).map { (Int(travel.areaSites[$0]), travel.areaMinutes[$0]) })
        }
        self.init(
            areaWeight: scores.weight,
            areaDemand: dataset.areas.indices.map { visits[$0] > 0 ? visits[$0] : dataset.areas[$0].children * visitsPerChild },
            areaDistrict: dataset.areas.map(\.district),
            districtNames: dataset.districts,
            siteCost: dataset.sites.map(\.annualCost),
            siteCarbon: dataset.sites.map(\.carbon),
            siteCapacity: dataset.sites.map(\.capacity),
            siteDistrict: dataset.sites.map(\.district),
            siteStatus: dataset.sites.map(\.status),
            pairs: pairs)
    }
}
