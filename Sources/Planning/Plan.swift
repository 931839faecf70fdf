import Estate

/// A set of constraints that cannot hold together, and what it would take to satisfy them.
public struct Conflict: Sendable, Codable, Equatable {
    /// The constraint group, named as in the scenario file (e.g. `constraints.budget`).
    public var constraint: ConstraintGroup
    /// Human-readable reasons found in the data (e.g. an area with no site within max_minutes).
    public var details: [String]
    /// The smallest total violation of this group alone, the other conflicting groups held, in the
    /// group's own unit (GBP, tCO2e, sites, need weight, areas); nil where it was not computed.
    public var minimumViolation: Double?
    /// The scenario's value of the group (GBP, tCO2e, a share), where it is one number.
    public var limit: Double?
    /// The best this group's measure can reach with every other constraint held (a re-solve
    /// that violates only this group, as little as possible): the least budget or carbon cap
    /// that allows a plan, the highest county or most-deprived coverage share; nil where the
    /// group is not one number or that re-solve did not finish.
    public var best: Double?
    /// The facts in the data behind a coverage floor that cannot be met: areas beyond the
    /// coverage time of every building that may open.
    public var outOfReach: [OutOfReach] = []
    /// For a group with one floor per district or service: each floor the plan closest to
    /// meeting them all leaves short, with the most it can reach on its own.
    public var floors: [FloorReach] = []

    public init(constraint: ConstraintGroup, details: [String] = [], minimumViolation: Double? = nil) {
        self.constraint = constraint
        self.details = details
        self.minimumViolation = minimumViolation
    }
}

/// One floor of a group that sets one per district or service, alone: the most its measure can
/// reach with every other constraint of the scenario held and the group's other floors dropped
/// (a re-solve in which only this floor may fall short, by as little as possible). Each floor's
/// own best, so a test can repeat it by planning for that floor alone.
public struct FloorReach: Sendable, Codable, Equatable {
    /// What the floor measures.
    public enum Measure: String, Sendable, Codable {
        /// A share (0...1) of need covered.
        case coverage
        /// Sites kept.
        case sites
        /// Family Hubs kept.
        case familyHubs = "family_hubs"
    }

    /// The floor in words: a district's name, or a service and where ("youth_activities in Swale").
    public var floor: String
    public var measure: Measure
    /// The floor asked.
    public var asked: Double
    /// The most the floor's measure can reach alone, no more than `asked`: equal to it when the
    /// floor can be met on its own but not together with the group's other floors.
    public var best: Double

    public init(floor: String, measure: Measure, asked: Double, best: Double) {
        self.floor = floor
        self.measure = measure
        self.asked = asked
        self.best = best
    }

    /// Whether the floor can be met when the group's other floors are dropped.
    public var reachableAlone: Bool { best >= asked - 1e-9 }
}

/// Areas of one group (all areas, the most deprived, a district) that no building that may open
/// reaches within the coverage time, whatever the plan: why a coverage floor cannot be met.
public struct OutOfReach: Sendable, Codable, Equatable {
    /// `all areas`, `most deprived areas`, or a district's name.
    public var group: String
    /// Areas in the group.
    public var areas: Int
    /// Areas with no building that may open within the coverage time.
    public var beyond: Int
    /// Those areas' share (0...1) of the group's need weight.
    public var beyondShare: Double
    /// The share of the group's need covered with every building that may open kept: the most any
    /// plan can cover.
    public var ceiling: Double
    /// The coverage time, minutes.
    public var minutes: Double
    /// Up to ten of those areas' ids, most need first.
    public var examples: [String]

    public init(group: String, areas: Int, beyond: Int, beyondShare: Double, ceiling: Double, minutes: Double, examples: [String]) {
        self.group = group
        self.areas = areas
        self.beyond = beyond
        self.beyondShare = beyondShare
        self.ceiling = ceiling
        self.minutes = minutes
        self.examples = examples
    }
}

/// The result of planning one scenario: the decisions, how good they are proven to be, and, per
/// area, where its families would go.
public struct Plan: Sendable {
    public var status: PlanStatus
    /// The objective as FORMAT.md defines it, evaluated on the decisions (not read from the solver).
    public var objective: Double?
    /// The best bound the solver proved on that objective.
    public var bound: Double?
    /// Relative gap between objective and bound (0 when proven optimal).
    public var gap: Double?
    /// Wall-clock seconds spent building and solving.
    public var seconds: Double
    /// Of `seconds`, those spent building the model (the rest is the heuristic, GLPK and the
    /// tie-break), so that a run can report its phases.
    public var modelSeconds = 0.0
    /// Whether each site is kept; empty when there is no plan.
    public var keep: [Bool]
    /// For each area: the kept site that serves it (nearest; or the largest assignment under capacity).
    public var areaSite: [Int?]
    /// For each area: minutes to its serving site (the assignment-weighted mean under capacity).
    public var areaMinutes: [Double?]
    /// For each area: the share of its demand covered within the coverage time (0 or 1 without capacity).
    public var areaCoveredShare: [Double]
    /// With capacity: each area's assignment as (site, share of its demand).
    public var areaAssignment: [[(site: Int, share: Double)]]
    /// When infeasible: the constraints in conflict.
    public var conflicts: [Conflict]
    /// What the reductions removed.
    public var reductions: ReductionReport
    /// A note from the solver (limits, errors).
    public var message: String?
    /// With `capacity: single`: the formulation, its reductions, heuristic and LP bound.
    public var singleSource: SingleSourceReport?
    /// `min_travel` solved as a p-median: the formulation chosen and what it did.
    public var pMedian: PMedianReport?
    /// A model with coverage links: whether it was solved whole or by branch-and-Benders-cut.
    public var coverage: CoverageReport?
    /// With `services:` (v2): which services each kept site offers, Family Hubs, outreach.
    public var services: ServiceOutcome?
    /// The basis the solve ended its model's relaxation at (the root LP's optimum; the heuristic
    /// plan's LP when that plan was proven optimal without one), where GLPK solved the whole
    /// model: a neighbouring question starts there (``PlanSpecification/warmStart``).
    public var relaxationBasis: RelaxationBasis?

    /// A plan with no decisions, for runs that ended without one.
    static func empty(status: PlanStatus, seconds: Double, reductions: ReductionReport, message: String?) -> Plan {
        Plan(status: status, objective: nil, bound: nil, gap: nil, seconds: seconds, keep: [], areaSite: [],
             areaMinutes: [], areaCoveredShare: [], areaAssignment: [], conflicts: [], reductions: reductions,
             message: message)
    }
}
