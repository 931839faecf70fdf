import Estate

/// The per-service data of a v2 instance (FORMAT.md, "Services, Family Hubs and outreach"):
/// for each service `k`, each area's need-weighted population `w_ik`, its population `pop_ik`
/// (what outreach costs are counted in) and its demand in visits (capacity), and which sites
/// can host `k`. Layered on `PlanningInstance`, whose travel pairs it shares.
public struct ServiceInstance: Sendable {
    /// Service codes, in scenario order; `k` indexes every array below.
    public var codes: [String]
    /// `w_ik`: the need-weighted population of the service (`ServiceNeed.weight`, `[k][i]`).
    public var areaWeight: [[Double]]
    /// `pop_ik`: the service's population column (`[k][i]`, persons).
    public var areaPopulation: [[Double]]
    /// Demand in visits per year (`[k][i]`): the area's `usage.csv` visits for the service, or
    /// `pop_ik x visits_per_child` where it has none.
    public var areaDemand: [[Double]]
    /// Whether site `j` can host service `k` (`[k][j]`).
    public var siteHosts: [[Bool]]

    public var serviceCount: Int { codes.count }

    public init(codes: [String], areaWeight: [[Double]], areaPopulation: [[Double]], areaDemand: [[Double]],
                siteHosts: [[Bool]]) {
        self.codes = codes
        self.areaWeight = areaWeight
        self.areaPopulation = areaPopulation
        self.areaDemand = areaDemand
        self.siteHosts = siteHosts
    }

    /// The services of `services` on `dataset` (`ServiceNeed`: populations from `areas.csv`,
    /// weights from the needs framework and each service's own usage), demand from `usage.csv`
    /// rows of the service, or `pop_ik x visitsPerChild` where an area has none.
    public init(services: [ServiceDefinition], dataset: Dataset, scores: NeedScores,
                visitsPerChild: Double) throws(InputErrors) {
        let needs = try ServiceNeed.all(services, dataset: dataset, scores: scores)
        codes = needs.map(\.code)
        areaWeight = needs.map(\.weight)
        areaPopulation = needs.map(\.population)
        areaDemand = needs.map { need in
            zip(need.visits, need.population).map { visits, population in visits > 0 ? visits : population * visitsPerChild }
        }
        siteHosts = needs.map(\.hostedBy)
    }
}

/// The v2 rules of one service, every top-level default already applied
/// (`PlanPipeline.specification` resolves them once).
public struct ServiceRule: Sendable, Equatable {
    public var coverageMinutes: Double
    public var minCoverage: Double?
    public var minDistrictCoverage: Double?
    /// Share of the need weight of the specification's most deprived areas to cover.
    public var minDeprivedCoverage: Double?
    public var maxMinutes: Double?
    public var weight: Double
    public var costPerSite: Double
    /// Whether outreach may deliver it.
    public var outreach: Bool

    public init(coverageMinutes: Double, minCoverage: Double? = nil, minDistrictCoverage: Double? = nil,
                minDeprivedCoverage: Double? = nil, maxMinutes: Double? = nil, weight: Double = 1,
                costPerSite: Double = 0, outreach: Bool = false) {
        self.coverageMinutes = coverageMinutes
        self.minCoverage = minCoverage
        self.minDistrictCoverage = minDistrictCoverage
        self.minDeprivedCoverage = minDeprivedCoverage
        self.maxMinutes = maxMinutes
        self.weight = weight
        self.costPerSite = costPerSite
        self.outreach = outreach
    }
}

/// The v2 part of a planning question: per-service rules, Family Hubs and outreach.
public struct ServiceRules: Sendable, Equatable {
    /// One rule per service of the instance's `ServiceInstance`, same order.
    public var services: [ServiceRule]
    /// Indices of the core services a Family Hub offers; `nil` without `family_hubs:`.
    public var familyHubCore: [Int]?
    /// Family Hubs at least per district able to have one.
    public var familyHubsPerDistrict: Int
    /// Yearly cost per person reached by outreach (GBP).
    public var outreachCostPerPerson: Double
    /// How much an outreach-reached person counts as covered (0...1).
    public var outreachValue: Double

    public init(services: [ServiceRule], familyHubCore: [Int]? = nil, familyHubsPerDistrict: Int = 1,
                outreachCostPerPerson: Double = 0, outreachValue: Double = 1) {
        self.services = services
        self.familyHubCore = familyHubCore
        self.familyHubsPerDistrict = familyHubsPerDistrict
        self.outreachCostPerPerson = outreachCostPerPerson
        self.outreachValue = outreachValue
    }
}
