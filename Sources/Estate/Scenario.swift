/// What the optimiser optimises (`objective` in a scenario).
public enum Objective: String, Sendable, Hashable, CaseIterable {
    /// Maximise the need-weighted demand within `coverage_minutes` of a kept site.
    case maxCoverage = "max_coverage"
    /// Minimise the total annual cost of kept sites (GBP/year).
    case minCost = "min_cost"
    /// Minimise the need-weighted travel minutes from every area to its site.
    case minTravel = "min_travel"
    /// Minimise the total carbon of kept sites (tCO2e/year).
    case minCarbon = "min_carbon"
    /// Minimise the number of kept sites.
    case minSites = "min_sites"
}

/// Travel settings: how minutes are estimated without `travel.csv`, and how far.
public struct TravelSettings: Sendable, Hashable {
    /// Speed and circuity (`speed_kmh`, `circuity`).
    public var model: TravelModel
    /// The estimated horizon (`horizon_minutes`, default 60): pairs beyond it are not computed.
    /// The effective horizon is never below `coverage_minutes` or `max_minutes`
    /// (`Scenario.effectiveHorizonMinutes`). With `travel.csv` it applies only when given
    /// (`Scenario.travelFileHorizonMinutes`).
    public var horizonMinutes: Double {
        didSet { horizonIsGiven = true }
    }
    /// `horizon_minutes` was set (by the scenario file or a caller), not left at its default.
    public private(set) var horizonIsGiven = false

    /// Default `horizon_minutes`: an hour, beyond which no family is expected to travel.
    public static let defaultHorizonMinutes = 60.0

    /// Travel settings; defaults 30 km/h, circuity 1.3, a 60-minute horizon (not given).
    public init(model: TravelModel = TravelModel(), horizonMinutes: Double? = nil) {
        self.model = model
        self.horizonMinutes = horizonMinutes ?? TravelSettings.defaultHorizonMinutes
        horizonIsGiven = horizonMinutes != nil
    }
}

/// Bounds on the number of kept sites (`sites: {max: n}`, `{min: n}`, `{exactly: n}`, or min and max).
public struct SiteCountLimit: Sendable, Hashable {
    /// At least this many sites kept.
    public var minimum: Int?
    /// At most this many sites kept.
    public var maximum: Int?
    /// Bounds on the kept-site count; `nil` leaves a side open.
    public init(minimum: Int? = nil, maximum: Int? = nil) {
        self.minimum = minimum
        self.maximum = maximum
    }
    /// `exactly: n` is min = max = n.
    public static func exactly(_ count: Int) -> SiteCountLimit { SiteCountLimit(minimum: count, maximum: count) }
    /// The exact count when min = max.
    public var exactly: Int? { minimum != nil && minimum == maximum ? minimum : nil }
}

/// The constraints of a scenario; `nil` means "not constrained".
public struct Constraints: Sendable, Hashable {
    /// Total annual cost of kept sites <= budget, GBP/year.
    public var budget: Double?
    /// Total carbon of kept sites <= cap, tCO2e/year.
    public var carbon: Double?
    /// Bounds on the number of kept sites.
    public var sites: SiteCountLimit?
    /// At least this many kept sites in every district that has a site.
    public var minPerDistrict: Int?
    /// Share (0...1) of need-weighted demand covered, county-wide.
    public var minCoverage: Double?
    /// Share (0...1) of need-weighted demand covered within every district (equity).
    public var minDistrictCoverage: Double?
    /// Share (0...1) of the need weight of the most deprived areas (`deprivedShare` of the areas,
    /// ranked by deprivation) that must be covered: the equality duty as a constraint.
    public var minDeprivedCoverage: Double?
    /// Which areas count as "most deprived" for `minDeprivedCoverage`: this share of all areas,
    /// the most deprived first (default 0.2, the IMD's "most deprived 20%").
    public var deprivedShare: Double
    /// Every area has a kept site within this many minutes.
    public var maxMinutes: Double?
    /// Assignment of demand (visits/year) to kept sites respects site capacity: `nil` (the
    /// default, `capacity: false`) ignores capacity.
    public var capacity: CapacityAssignment?
    /// Visits per year per child where an area has no usage figures (default 1.0).
    public var visitsPerChild: Double
    /// With `services:` (v2): share (0...1) of the services' weighted need covered, summed over
    /// services as `max_coverage` weighs them (summary.json's `totals.coverage`). No scenario
    /// key sets it: it is the bound `estate frontier --x coverage` sweeps on a v2 scenario,
    /// where the top-level `min_coverage` means a minimum for each service (FORMAT.md).
    public var minWeightedCoverage: Double?

    public init(budget: Double? = nil, carbon: Double? = nil, sites: SiteCountLimit? = nil, minPerDistrict: Int? = nil,
                minCoverage: Double? = nil, minDistrictCoverage: Double? = nil, minDeprivedCoverage: Double? = nil,
                deprivedShare: Double = 0.2, maxMinutes: Double? = nil, capacity: CapacityAssignment? = nil,
                visitsPerChild: Double = 1.0) {
        self.budget = budget
        self.carbon = carbon
        self.sites = sites
        self.minPerDistrict = minPerDistrict
        self.minCoverage = minCoverage
        self.minDistrictCoverage = minDistrictCoverage
        self.minDeprivedCoverage = minDeprivedCoverage
        self.deprivedShare = deprivedShare
        self.maxMinutes = maxMinutes
        self.capacity = capacity
        self.visitsPerChild = visitsPerChild
    }
}

/// How an area's demand may be assigned to kept sites under `capacity` (FORMAT.md).
public enum CapacityAssignment: String, Sendable, Hashable, CaseIterable {
    /// `capacity: true` or `split`: an area's demand may be shared between kept sites (a
    /// fractional assignment, the capacitated MCLP's relaxation; right for visits).
    case split
    /// `capacity: single`: each area's whole demand goes to exactly one kept site, as a family
    /// goes to one hub (single sourcing, as in the capacitated p-median).
    case single
}

/// Solver limits (`solver: {time_limit_s, mip_gap}`).
public struct SolverSettings: Sendable, Hashable {
    /// Wall-clock limit, seconds; `nil` for none. Default 60.
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which to stop; 0 proves optimality (the default).
    public var mipGap: Double
    /// Solver limits; defaults 60 s and a gap of 0 (prove optimality).
    public init(timeLimitSeconds: Double? = 60, mipGap: Double = 0) {
        self.timeLimitSeconds = timeLimitSeconds
        self.mipGap = mipGap
    }
}

/// A scenario: which dataset, how need is measured, what to optimise under which constraints.
/// Every field of FORMAT.md's scenario file; defaults are those documented on each field.
public struct Scenario: Sendable, Hashable {
    /// The file the scenario came from (for messages), or a description such as `<defaults>`.
    public var file: String
    /// The option's name as a cabinet paper gives it (`name:`, e.g. "Option 4: Family Hub
    /// Network"); `nil` when the file has none, and then `title` falls back to the file name.
    public var name: String?
    /// A sentence or two on what the option is and why (`description:`), shown under the title.
    public var description: String?
    /// The dataset folder as written in the file (relative to the scenario file).
    public var dataset: String
    /// The needs framework; `nil` means an area's weight is its `children`.
    public var needs: NeedsFramework?
    /// Travel estimation settings.
    public var travel: TravelSettings
    /// What to optimise (default `max_coverage`).
    public var objective: Objective
    /// An area is covered when a kept site is within this many minutes, inclusive (default 20).
    public var coverageMinutes: Double
    /// Constraints (all optional).
    public var constraints: Constraints
    /// Solver limits.
    public var solver: SolverSettings
    /// The services to plan (`services:`); empty for a v1 scenario, which plans buildings for
    /// one implicit service whose population is `children`.
    public var services: [ServiceDefinition] = []
    /// Family Hubs (`family_hubs:`), only with `services`.
    public var familyHubs: FamilyHubSettings?
    /// Outreach (`outreach:`), only with `services`.
    public var outreach: OutreachSettings?
    /// The whole document as parsed, so that errors found after decoding can point into the file.
    public var document: ScenarioNode

    /// Default `coverage_minutes`.
    public static let defaultCoverageMinutes = 20.0

    /// A scenario from its parts; every default is FORMAT.md's (see the properties).
    public init(file: String = "<defaults>", dataset: String = ".", needs: NeedsFramework? = nil,
                travel: TravelSettings = TravelSettings(), objective: Objective = .maxCoverage,
                coverageMinutes: Double = Scenario.defaultCoverageMinutes, constraints: Constraints = Constraints(),
                solver: SolverSettings = SolverSettings(),
                document: ScenarioNode = ScenarioNode(.map([]))) {
        self.file = file
        self.dataset = dataset
        self.needs = needs
        self.travel = travel
        self.objective = objective
        self.coverageMinutes = coverageMinutes
        self.constraints = constraints
        self.solver = solver
        self.document = document
    }

    /// What every map, report and workbook calls this option: its `name:`, or else the scenario
    /// file's name without folder and extension (`tight` for `plans/tight.yaml`).
    public var title: String {
        if let name { return name }
        let last = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }

    /// The horizon actually used for estimated travel: `max(horizon_minutes, coverage_minutes,
    /// max_minutes)`, so every pair a constraint or the objective looks at exists.
    public var effectiveHorizonMinutes: Double {
        let serviceMinutes = services.map { max($0.coverageMinutes ?? 0, $0.maxMinutes ?? 0) }.max() ?? 0
        return max(travel.horizonMinutes, coverageMinutes, constraints.maxMinutes ?? 0, serviceMinutes)
    }

    /// The horizon for `travel.csv`: `effectiveHorizonMinutes` when the scenario gives
    /// `horizon_minutes`, otherwise none (every pair of the file is kept). Opt-in, because rows
    /// beyond it are dropped while reading, and with them each area's minutes to a hub farther
    /// away in the outputs; a 15-minute plan on a national file needs a few percent of its rows.
    public var travelFileHorizonMinutes: Double? {
        travel.horizonIsGiven ? effectiveHorizonMinutes : nil
    }
}
