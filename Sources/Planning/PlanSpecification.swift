import Estate
import LocationModels
import Optimisation

/// The constraints a scenario may impose; `nil` means "not imposed". Any combination is allowed.
public struct PlanConstraints: Sendable, Equatable {
    /// Total annual cost of kept sites must not exceed this (GBP per year).
    public var budget: Double?
    /// Total carbon of kept sites must not exceed this (tCO2e per year).
    public var carbon: Double?
    /// At most this many sites kept.
    public var maxSites: Int?
    /// At least this many sites kept.
    public var minSites: Int?
    /// Every district that has at least one site keeps at least this many.
    public var minPerDistrict: Int?
    /// Share (0...1) of need-weighted demand that must be covered county-wide.
    public var minCoverage: Double?
    /// Share (0...1) of need-weighted demand that must be covered within every district (equity).
    public var minDistrictCoverage: Double?
    /// Share (0...1) of the need weight of the most deprived areas (`deprivedAreas`) that must be covered.
    public var minDeprivedCoverage: Double?
    /// Every area must have a kept hub within this many minutes.
    public var maxMinutes: Double?
    /// Areas' demand (visits per year) is assigned to kept sites within their capacity, shared
    /// between sites (`split`) or each area whole to one site (`single`); `nil` ignores capacity.
    public var capacity: CapacityAssignment?

    public init(
        budget: Double? = nil, carbon: Double? = nil, maxSites: Int? = nil, minSites: Int? = nil,
        minPerDistrict: Int? = nil, minCoverage: Double? = nil, minDistrictCoverage: Double? = nil,
        minDeprivedCoverage: Double? = nil, maxMinutes: Double? = nil, capacity: CapacityAssignment? = nil
    ) {
        self.budget = budget
        self.carbon = carbon
        self.maxSites = maxSites
        self.minSites = minSites
        self.minPerDistrict = minPerDistrict
        self.minCoverage = minCoverage
        self.minDistrictCoverage = minDistrictCoverage
        self.minDeprivedCoverage = minDeprivedCoverage
        self.maxMinutes = maxMinutes
        self.capacity = capacity
    }
}

/// One planning question: objective, coverage standard, constraints and solver limits.
public struct PlanSpecification: Sendable, Equatable {
    public var objective: Objective
    /// An area is covered when a kept hub is within this many minutes (inclusive).
    public var coverageMinutes: Double
    public var constraints: PlanConstraints
    /// Areas counted as "most deprived" by `minDeprivedCoverage` (indices into the instance's areas).
    public var deprivedAreas: [Int]
    /// Wall-clock limit for one solve, in seconds; `nil` for none.
    public var timeLimit: Double?
    /// Relative MIP gap at which a solve may stop (0 proves optimality).
    public var relativeGap: Double
    /// Let GLPK print its progress log (to standard output), for analysts who want to see why a
    /// solve is slow; off by default, as GLPK must never print unasked.
    public var solverLog = false
    /// GLPK cut families for the solves. A solver setting, not part of the question: it changes
    /// how fast the optimum is proven, not the optimum. Mixed-integer rounding cuts alone by
    /// default: on 5,000 x 500 maximal covering models they proved optimality 1.5-3x faster than
    /// all four families (Gomory cuts cost more than they save on these models), on Kent alike.
    public var cutFamilies: CutFamilies = [.mixedIntegerRounding]
    /// How a model with coverage links is solved: written out whole, by branch-and-Benders-cut, or
    /// as the measured rule chooses (the default). A solver setting like ``cutFamilies``.
    public var coverageFormulation: CoverageFormulation = .automatic
    /// A neighbouring plan's ``Plan/relaxationBasis`` (the plan an explanation re-solves around),
    /// to start this model's relaxation from by the dual simplex: a limit moved or dropped changes
    /// bounds or takes rows away, not the costs, so that basis stays dual feasible and the
    /// relaxation is found again in a few iterations (on Kent, 96 against 4,200 from scratch). A
    /// solver setting like ``cutFamilies``: ignored unless the model has the same columns and every
    /// row it leaves out was basic, and it never changes the optimum's value, only how fast it is found.
    public var warmStart: RelaxationBasis?
    /// The v2 rules (services, Family Hubs, outreach); `nil` plans buildings alone (v1). Then
    /// `constraints.minCoverage`, `minDistrictCoverage`, `minDeprivedCoverage` and `maxMinutes`
    /// are already resolved into each service's rule and are not read again.
    public var services: ServiceRules?

    public init(
        objective: Objective, coverageMinutes: Double, constraints: PlanConstraints = PlanConstraints(),
        deprivedAreas: [Int] = [], timeLimit: Double? = nil, relativeGap: Double = 0, services: ServiceRules? = nil
    ) {
        self.objective = objective
        self.coverageMinutes = coverageMinutes
        self.constraints = constraints
        self.deprivedAreas = deprivedAreas
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.services = services
    }
}

/// A named group of constraints, as the scenario file names it; the unit in which
/// infeasibility is explained ("budget and min_per_district are in conflict").
public enum ConstraintGroup: String, Sendable, Codable, CaseIterable, Comparable {
    case siteStatus = "status"
    case budget = "constraints.budget"
    case carbon = "constraints.carbon"
    case sites = "constraints.sites"
    case minPerDistrict = "constraints.min_per_district"
    case minCoverage = "constraints.min_coverage"
    case minDistrictCoverage = "constraints.min_district_coverage"
    case minDeprivedCoverage = "constraints.min_deprived_coverage"
    case maxMinutes = "constraints.max_minutes"
    case capacity = "constraints.capacity"
    /// A Family Hub per district (`family_hubs.per_district`).
    case familyHubs = "family_hubs.per_district"
    /// The objective's own requirement that every area be served (min_travel).
    case serveEveryArea = "objective.min_travel"

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Why a plan could not be built from its inputs.
public enum PlanningError: Error, CustomStringConvertible, Equatable {
    /// The dense instance is malformed (a programming error upstream, never user data).
    case invalidInstance(String)
    /// The specification contradicts itself before any solve (e.g. a share above 1).
    case invalidSpecification(String)

    public var description: String {
        switch self {
        case .invalidInstance(let s): "invalid planning instance: \(s)"
        case .invalidSpecification(let s): "invalid scenario: \(s)"
        }
    }
}
