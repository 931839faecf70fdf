/// One service a v2 scenario plans (`services:` in FORMAT.md): whom it serves, its coverage
/// standard, the minimum coverage it must reach, its weight in `max_coverage` and its running cost.
public struct ServiceDefinition: Sendable, Hashable {
    /// The code sites list in their `services` cell (e.g. `early_years`).
    public var code: String
    /// What outputs call it (`name:`, an extension of FORMAT.md, which names services only by
    /// code); `nil` takes `ServiceDefinition.name(forCode:)`. Use `displayName`.
    public var name: String?
    /// The `areas.csv` column counting the people it serves (default `children`).
    public var population: String
    /// Minutes within which a site offering it covers an area; `nil` takes the scenario's.
    public var coverageMinutes: Double?
    /// Share (0...1) of its need-weighted population to cover county-wide; `nil` takes the top level's.
    public var minCoverage: Double?
    /// The same share in every district; `nil` takes the top level's.
    public var minDistrictCoverage: Double?
    /// Every area has a kept site offering it within this many minutes; `nil` takes the top level's.
    public var maxMinutes: Double?
    /// Its weight in `max_coverage` (default 1).
    public var weight: Double
    /// Yearly cost of running it at one site, GBP (default 0).
    public var costPerSite: Double

    /// The population column every service serves unless it names another.
    public static let defaultPopulation = "children"

    /// The name every output (terminal, report, map, workbook) gives the service.
    public var displayName: String { name ?? Self.name(forCode: code) }

    /// A service without a `name:` is called by its code in words, underscores as spaces
    /// ("parent_education" -> "parent education"): the one rule, for scenarios and for plan
    /// folders written before names were recorded.
    public static func name(forCode code: String) -> String {
        code.replacingOccurrences(of: "_", with: " ")
    }

    public init(code: String, name: String? = nil, population: String = ServiceDefinition.defaultPopulation, coverageMinutes: Double? = nil,
                minCoverage: Double? = nil, minDistrictCoverage: Double? = nil, maxMinutes: Double? = nil,
                weight: Double = 1, costPerSite: Double = 0) {
        self.code = code
        self.name = name
        self.population = population
        self.coverageMinutes = coverageMinutes
        self.minCoverage = minCoverage
        self.minDistrictCoverage = minDistrictCoverage
        self.maxMinutes = maxMinutes
        self.weight = weight
        self.costPerSite = costPerSite
    }
}

/// `family_hubs:`: a Family Hub offers every core service; each district keeps at least
/// `perDistrict` of them (the Family Hub Network's promise of a hub in every district).
public struct FamilyHubSettings: Sendable, Hashable {
    /// Codes of the services a Family Hub offers, all of them.
    public var core: [String]
    /// Family Hubs at least, per district that has a site able to host every core service (default 1).
    public var perDistrict: Int

    public init(core: [String], perDistrict: Int = 1) {
        self.core = core
        self.perDistrict = perDistrict
    }
}

/// `outreach:`: families reached where no kept building covers them, at a cost per person.
public struct OutreachSettings: Sendable, Hashable {
    /// Yearly cost per person of the service's population reached (GBP), not need-weighted.
    public var costPerPerson: Double
    /// Codes of the services outreach may deliver; `nil` means every service of the scenario.
    public var services: [String]?
    /// How much an outreach-reached person counts as covered (0...1, default 1).
    public var value: Double

    public init(costPerPerson: Double, services: [String]? = nil, value: Double = 1) {
        self.costPerPerson = costPerPerson
        self.services = services
        self.value = value
    }

    /// Whether outreach may deliver `code`.
    public func delivers(_ code: String) -> Bool { services?.contains(code) ?? true }
}
