import Estate
import Planning

/// One row of `sites.csv`: a site's decision and what it means for the people who use it.
public struct SiteRow: Sendable, Equatable {
    public var site: Int
    public var kept: Bool
    /// Need weight of the areas this site serves in the plan (assignment shares under capacity).
    public var needServed: Double
    /// Need weight of areas covered by this site and by no other kept site (kept sites only).
    public var uniqueNeed: Double
    /// Current visits per year recorded in `usage.csv`.
    public var visits: Double
    /// Visits per year whose site closes (closed sites only; 0 for kept ones).
    public var visitsDisplaced: Double
    /// For a closed site: the kept hub most of its users move to (visit-weighted; need-weighted over
    /// its catchment when it has no usage figures).
    public var nearestKeptSite: Int?
    /// For a closed site: the users' mean extra minutes to their new hub, over users whose trip to
    /// both sites is known.
    public var extraMinutes: Double?
}

/// One row of `districts.csv`: a district's figures and the areas it leaves without a hub.
@dynamicMemberLookup
public struct DistrictRow: Sendable, Equatable {
    public var district: Int
    /// Sites kept and closed, cost, carbon, need, coverage and minutes, by `DistrictFigures`' rule.
    public var figures: DistrictFigures
    /// Areas with no kept hub within reach.
    public var areasWithoutHub: Int

    /// A figure read as a field of the row (`row.cost`).
    public subscript<Value>(dynamicMember figure: KeyPath<DistrictFigures, Value>) -> Value { figures[keyPath: figure] }
}

/// County totals for `summary.json` and the terminal summary.
public struct PlanTotals: Sendable, Equatable, Codable {
    public var sitesKept: Int
    public var sitesClosed: Int
    /// GBP per year: what the budget bounds (buildings, and in a services plan services and
    /// outreach too). `PlanCosts` labels its parts for people.
    public var cost: Double
    /// The kept buildings' running cost alone (GBP per year); nil only in summaries written
    /// before it was (then `cost` less `serviceCost` and `outreachCost`).
    public var buildingCost: Double?
    /// Buildings only: every building's running cost less `buildingCost` (GBP per year).
    public var saving: Double
    /// tCO2e per year.
    public var carbon: Double
    /// Against keeping every site (tCO2e per year).
    public var carbonSaving: Double
    /// Share of need-weighted demand covered (with services: their weighted share).
    public var coverage: Double
    /// With services only: share of the children's need within the coverage time of any kept
    /// building, what `districts.csv`'s `coverage` gives per district (`PlanCoverage` words both).
    public var buildingCoverage: Double?
    public var coveredWeight: Double
    public var totalWeight: Double
    /// Sum of weight x minutes over areas with a hub (with services: over services too,
    /// `min_travel`'s objective, which does not weigh the services).
    public var weightedMinutes: Double
    /// v2 only: the weight `weightedMinutes` sums over, every service's `sum_i w_ik` unweighted
    /// by the services' `weight` (which `totalWeight` applies, as `max_coverage` does).
    public var travelWeight: Double?
    /// Visits per year whose site closes.
    public var visitsDisplaced: Double
    /// v2 only: kept sites offering every core service.
    public var familyHubs: Int?
    /// v2 only: running the services at their sites, and outreach (GBP per year).
    public var serviceCost: Double?
    public var outreachCost: Double?
    /// v2 only: each service's coverage and outreach shares, by code.
    public var services: [String: ServiceTotals]?

    /// Need-weighted mean minutes to the serving site: `min_travel`'s objective over the weight it
    /// sums (0 when there is none).
    public var meanMinutes: Double {
        let weight = travelWeight ?? totalWeight
        return weight > 0 ? weightedMinutes / weight : 0
    }

    enum CodingKeys: String, CodingKey {
        case sitesKept = "sites_kept", sitesClosed = "sites_closed", cost, buildingCost = "building_cost", saving, carbon
        case carbonSaving = "carbon_saving", coverage, buildingCoverage = "building_coverage", coveredWeight = "covered_weight", totalWeight = "total_weight"
        case weightedMinutes = "weighted_minutes", travelWeight = "travel_weight", visitsDisplaced = "visits_displaced"
        case familyHubs = "family_hubs", serviceCost = "service_cost", outreachCost = "outreach_cost", services
    }
}

/// The tables of a plan, computed from the decisions and the data (never from the solver's model).
public struct PlanTables: Sendable {
    public var sites: [SiteRow]
    public var districts: [DistrictRow]
    public var totals: PlanTotals

    public init(_ context: PlanContext) {
        let instance = context.instance
        let plan = context.plan
        let dataset = context.dataset
        let n = instance.areaCount, m = instance.siteCount
        let keep = plan.keep.isEmpty ? Array(repeating: false, count: m) : plan.keep
        let coverLimit = context.specification.coverageMinutes

        // Need served: assignment shares under capacity, else the serving site takes the area.
        var served = Array(repeating: 0.0, count: m)
        for i in 0 ..< n {
            if !plan.areaAssignment.isEmpty {
                for (site, share) in plan.areaAssignment[i] { served[site] += share * instance.areaWeight[i] }
            } else if i < plan.areaSite.count, let site = plan.areaSite[i] {
                served[site] += instance.areaWeight[i]
            }
        }
        // Unique need: areas whose only kept site within the coverage time is this one.
        var unique = Array(repeating: 0.0, count: m)
        for i in 0 ..< n {
            var only: Int?
            var count = 0
            for p in instance.pairs(of: i) where instance.pairMinutes[p] <= coverLimit && keep[instance.pairSite[p]] {
                count += 1
                only = instance.pairSite[p]
            }
            if count == 1, let only { unique[only] += instance.areaWeight[i] }
        }
        // Users of each site: usage records, or its natural catchment (areas nearest to it) without them.
        var users = Array(repeating: [(area: Int, amount: Double)](), count: m)
        for record in dataset.usage where record.visits > 0 { users[record.site].append((record.area, record.visits)) }
        var visits = Array(repeating: 0.0, count: m)
        for record in dataset.usage { visits[record.site] += record.visits }
        for i in 0 ..< n {
            guard let first = instance.pairs(of: i).first else { continue }
            let site = instance.pairSite[first]
            if visits[site] == 0 { users[site].append((i, instance.areaWeight[i])) }
        }
        var siteRows: [SiteRow] = []
        for j in 0 ..< m {
            var row = SiteRow(site: j, kept: keep[j], needServed: served[j], uniqueNeed: keep[j] ? unique[j] : 0,
                              visits: visits[j], visitsDisplaced: keep[j] || plan.keep.isEmpty ? 0 : visits[j],
                              nearestKeptSite: nil, extraMinutes: nil)
            if !keep[j], !plan.keep.isEmpty {
                var toHub: [Int: Double] = [:]
                var extra = 0.0, extraWeight = 0.0
                for (area, amount) in users[j] {
                    guard let hub = plan.areaSite[area] else { continue }
                    toHub[hub, default: 0] += amount
                    if let before = Self.minutes(instance, area: area, site: j), let after = plan.areaMinutes[area] {
                        extra += amount * (after - before)
                        extraWeight += amount
                    }
                }
                row.nearestKeptSite = toHub.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
                row.extraMinutes = extraWeight > 0 ? extra / extraWeight : nil
            }
            siteRows.append(row)
        }

        // Districts.
        var districtRows: [DistrictRow] = []
        for d in 0 ..< instance.districtCount {
            let siteIDs = (0 ..< m).filter { instance.siteDistrict[$0] == d }
            let areaIDs = (0 ..< n).filter { instance.areaDistrict[$0] == d }
            let minutes = areaIDs.map { plan.areaMinutes.isEmpty ? nil : plan.areaMinutes[$0] }
            let figures = DistrictFigures(
                sites: siteIDs.lazy.map { (open: keep[$0], cost: instance.siteCost[$0], carbon: instance.siteCarbon[$0]) },
                areas: areaIDs.indices.lazy.map { k in
                    (weight: instance.areaWeight[areaIDs[k]],
                     coveredShare: plan.areaCoveredShare.isEmpty ? 0 : plan.areaCoveredShare[areaIDs[k]], minutes: minutes[k])
                })
            districtRows.append(DistrictRow(district: d, figures: figures, areasWithoutHub: minutes.count { $0 == nil }))
        }

        let allCost = instance.siteCost.reduce(0, +), allCarbon = instance.siteCarbon.reduce(0, +)
        let cost = districtRows.reduce(0) { $0 + $1.cost }, carbon = districtRows.reduce(0) { $0 + $1.carbon }
        let total = instance.areaWeight.reduce(0, +)
        let coveredWeight = districtRows.reduce(0) { $0 + $1.coverage * $1.need }
        var weightedMinutes = 0.0
        for i in 0 ..< n { if i < plan.areaMinutes.count, let t = plan.areaMinutes[i] { weightedMinutes += instance.areaWeight[i] * t } }
        sites = siteRows
        districts = districtRows
        totals = PlanTotals(
            sitesKept: keep.filter { $0 }.count, sitesClosed: keep.filter { !$0 }.count, cost: cost, buildingCost: cost,
            saving: allCost - cost, carbon: carbon, carbonSaving: allCarbon - carbon,
            coverage: total > 0 ? coveredWeight / total : 1, coveredWeight: coveredWeight, totalWeight: total,
            weightedMinutes: weightedMinutes, visitsDisplaced: siteRows.reduce(0) { $0 + $1.visitsDisplaced })
        ServiceTables.addTotals(context, to: &totals)
    }

    static func minutes(_ instance: PlanningInstance, area: Int, site: Int) -> Double? {
        for p in instance.pairs(of: area) where instance.pairSite[p] == site { return instance.pairMinutes[p] }
        return nil
    }
}
