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
        let districtCount = dataset.districts.count
        var rows = (0..<districtCount).map {
            DistrictNeed(district: $0, areas: 0, children: 0, need: 0, needPerChild: 0, shareOfNeed: 0,
                         meanScore: 0, visits: 0, sites: 0, rank: 0)
        }
        var totalNeed = 0.0
        for (index, area) in dataset.areas.enumerated() {
            rows[area.district].areas += 1
            rows[area.district].children += area.children
            rows[area.district].need += scores.weight[index]
            rows[area.district].meanScore += area.children * scores.score[index]
            rows[area.district].visits += scores.visits[index]
            totalNeed += scores.weight[index]
        }
        for site in dataset.sites { rows[site.district].sites += 1 }
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
        districts = rows

        // Sites: walk each site's CSR row once; count, per area, the open-able sites reaching it.
        let siteCount = dataset.sites.count
        var reach = [Int32](repeating: 0, count: dataset.areas.count)
        for site in 0..<siteCount where dataset.sites[site].status != .close {
            for position in travel.entries(ofSite: site) where travel.siteMinutes[position] <= coverageMinutes {
                reach[Int(travel.siteAreas[position])] += 1
            }
        }
        var inCatchment = [Bool](repeating: false, count: dataset.areas.count)
        var visitsBySiteArea: [[(area: Int, visits: Double)]] = Array(repeating: [], count: siteCount)
        for record in dataset.usage { visitsBySiteArea[record.site].append((record.area, record.visits)) }
        var siteRows: [SiteNeed] = []
        siteRows.reserveCapacity(siteCount)
        for site in 0..<siteCount {
            var row = SiteNeed(site: site, areas: 0, children: 0, need: 0, uniqueNeed: 0, visits: 0,
                               visitsFromCatchment: 0, rank: 0)
            let entries = travel.entries(ofSite: site)
            for position in entries where travel.siteMinutes[position] <= coverageMinutes {
                let area = Int(travel.siteAreas[position])
                inCatchment[area] = true
                row.areas += 1
                row.children += dataset.areas[area].children
                row.need += scores.weight[area]
                if dataset.sites[site].status != .close && reach[area] == 1 { row.uniqueNeed += scores.weight[area] }
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
                : dataset.sites[$0].id < dataset.sites[$1].id
        }
        for (position, index) in siteOrder.enumerated() { siteRows[index].rank = position + 1 }
        sites = siteRows
    }
}
