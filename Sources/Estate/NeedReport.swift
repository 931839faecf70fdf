/// The needs framework's full result: area scores and their district and site aggregates.
public struct NeedReport: Sendable {
    /// Per-area scores and weights.
    public let scores: NeedScores
    /// One row per district, in `Dataset.districts` order.
    public let districts: [DistrictNeed]
    /// One row per site, in `Dataset.sites` order.
    public let sites: [SiteNeed]
    /// The catchment radius used for `sites`, minutes (inclusive).
    public let coverageMinutes: Double

    /// Aggregates `scores` to districts and to site catchments (`travel` pairs with
    /// `minutes <= coverageMinutes`).
    public init(dataset: Dataset, scores: NeedScores, travel: TravelTimes, coverageMinutes: Double) {
        self.scores = scores
        self.coverageMinutes = coverageMinutes
        let basis = NeedReport.Basis(population: dataset.children, weight: scores.weight, visits: scores.visits,
                                     usage: dataset.usage, sites: Array(repeating: true, count: dataset.sites.count))
        (districts, sites) = NeedReport.aggregate(basis, dataset: dataset, score: scores.score, travel: travel,
                                                  coverageMinutes: coverageMinutes)
    }

    /// What need is aggregated over: every child and site (the v1 tables), or one service's
    /// population, weights, usage rows and the sites that can host it (`ServiceNeedReport`).
    public struct Basis: Sendable {
        /// People per area (`children`, or a service's population column).
        public var population: [Double]
        /// The optimiser's weight per area.
        public var weight: [Double]
        /// Visits per year per area.
        public var visits: [Double]
        /// The usage rows that count (a service's own).
        public var usage: [UsageRecord]
        /// Which sites count (those able to host the service); the others are left out of the
        /// district counts, the catchments and the site rows.
        public var sites: [Bool]

        public init(population: [Double], weight: [Double], visits: [Double], usage: [UsageRecord], sites: [Bool]) {
            self.population = population
            self.weight = weight
            self.visits = visits
            self.usage = usage
            self.sites = sites
        }
    }

    /// District and site rows of `basis` (site rows only for its sites, in dataset order). One
    /// implementation for the v1 tables and the per-service ones.
    public static func aggregate(_ basis: Basis, dataset: Dataset, score: [Double], travel: TravelTimes,
                                 coverageMinutes: Double) -> (districts: [DistrictNeed], sites: [SiteNeed]) {
        let districtCount = dataset.districts.count
        var rows = (0..<districtCount).map {
            DistrictNeed(district: $0, areas: 0, children: 0, need: 0, needPerChild: 0, shareOfNeed: 0,
                         meanScore: 0, visits: 0, sites: 0, rank: 0)
        }
        var totalNeed = 0.0
        for (index, area) in dataset.areas.enumerated() {
            rows[area.district].areas += 1
            rows[area.district].children += basis.population[index]
            rows[area.district].need += basis.weight[index]
            rows[area.district].meanScore += basis.population[index] * score[index]
            rows[area.district].visits += basis.visits[index]
            totalNeed += basis.weight[index]
        }
        for (index, site) in dataset.sites.enumerated() where basis.sites[index] { rows[site.district].sites += 1 }
        for index in rows.indices {
            let children = rows[index].children
            rows[index].needPerChild = children > 0 ? rows[index].need / children : 0
            rows[index].meanScore = children > 0 ? rows[index].meanScore / children : 0
            rows[index].shareOfNeed = totalNeed > 0 ? rows[index].need / totalNeed : 0
        }
        let districtOrder = rows.indices.sorted {
            rows[$0].needPerChild != rows[$1].needPerChild ? rows[$0].needPerChild > rows[$1].needPerChild
                : dataset.districts[$0] < dataset.districts[$1]
        }
        for (position, index) in districtOrder.enumerated() { rows[index].rank = position + 1 }

        // Sites: walk each site's CSR row once; count, per area, the open-able sites reaching it.
        let siteCount = dataset.sites.count
        var reach = [Int32](repeating: 0, count: dataset.areas.count)
        for site in 0..<siteCount where basis.sites[site] && dataset.sites[site].status != .close {
            for position in travel.entries(ofSite: site) where travel.siteMinutes[position] <= coverageMinutes {
                reach[Int(travel.siteAreas[position])] += 1
            }
        }
        var inCatchment = [Bool](repeating: false, count: dataset.areas.count)
        var visitsBySiteArea: [[(area: Int, visits: Double)]] = Array(repeating: [], count: siteCount)
        for record in basis.usage { visitsBySiteArea[record.site].append((record.area, record.visits)) }
        var siteRows: [SiteNeed] = []
        siteRows.reserveCapacity(siteCount)
        for site in 0..<siteCount where basis.sites[site] {
            var row = SiteNeed(site: site, areas: 0, children: 0, need: 0, uniqueNeed: 0, visits: 0,
                               visitsFromCatchment: 0, rank: 0)
            let entries = travel.entries(ofSite: site)
            for position in entries where travel.siteMinutes[position] <= coverageMinutes {
                let area = Int(travel.siteAreas[position])
                inCatchment[area] = true
                row.areas += 1
                row.children += basis.population[area]
                row.need += basis.weight[area]
                if dataset.sites[site].status != .close && reach[area] == 1 { row.uniqueNeed += basis.weight[area] }
            }
            for (area, visits) in visitsBySiteArea[site] {
                row.visits += visits
                if inCatchment[area] { row.visitsFromCatchment += visits }
            }
            for position in entries { inCatchment[Int(travel.siteAreas[position])] = false }
            siteRows.append(row)
        }
        let siteOrder = siteRows.indices.sorted {
            siteRows[$0].need != siteRows[$1].need ? siteRows[$0].need > siteRows[$1].need
                : dataset.sites[siteRows[$0].site].id < dataset.sites[siteRows[$1].site].id
        }
        for (position, index) in siteOrder.enumerated() { siteRows[index].rank = position + 1 }
        return (rows, siteRows)
    }
}
