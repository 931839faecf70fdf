import Estate

/// The per-service data of a v2 instance (FORMAT.md, "Services, Family Hubs and outreach"):
/// for each service `k`, each area's need-weighted population `w_ik`, its population `pop_ik`
/// (what outreach costs are counted in) and its demand in visits (capacity), and which sites
/// can host `k`. Layered on `PlanningInstance`, whose travel pairs it shares.
public struct ServiceInstance: Sendable {
    /// Service codes, in scenario order; `k` indexes every array below.
    public var codes: [String]
    /// `w_ik`: the area's need multiplier x the service's population column (`[k][i]`).
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

    /// The services of `services` on `dataset`: populations from `areas.csv` (`children` or a
    /// numeric column; a blank cell is an error naming its line), weights scaled by the need
    /// multipliers of `scores`, demand from `usage.csv` rows of the service.
    public init(services: [ServiceDefinition], dataset: Dataset, scores: NeedScores,
                visitsPerChild: Double) throws(InputErrors) {
        let n = dataset.areas.count
        var errors: [InputError] = []
        codes = services.map(\.code)
        areaWeight = []
        areaPopulation = []
        areaDemand = []
        siteHosts = []
        for service in services {
            var population: [Double]
            if service.population == ServiceDefinition.defaultPopulation {
                population = dataset.children
            } else if let column = dataset.indicators[service.population] {
                population = column
            } else {
                population = Array(repeating: 0, count: n)   // reported by Scenario.missingColumnErrors
            }
            for i in 0 ..< n where !(population[i] >= 0) {
                errors.append(InputError(file: "areas.csv", line: nil, column: service.population,
                                         value: population[i].isNaN ? "" : String(population[i]),
                                         expected: "a population >= 0 for area \(dataset.areas[i].id) (service \(service.code))"))
                population[i] = 0
            }
            var visits = Array(repeating: 0.0, count: n)
            for record in dataset.usage where record.service == service.code { visits[record.area] += record.visits }
            areaPopulation.append(population)
            areaWeight.append((0 ..< n).map { scores.multiplier[$0] * population[$0] })
            areaDemand.append((0 ..< n).map { visits[$0] > 0 ? visits[$0] : population[$0] * visitsPerChild })
            // A site with no `services` cell can host every service of the scenario.
            siteHosts.append(dataset.sites.map { $0.services.isEmpty || $0.services.contains(service.code) })
        }
        if !errors.isEmpty { throw InputErrors(errors) }
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
