import Quantities
import Batch
import Estate
import Reports

/// A criterion a Pareto frontier trades off, read from a plan's totals. Each has a
/// direction, an objective that optimises it, and (except travel) a scenario
/// constraint that bounds it, which is how the epsilon-constraint method holds it.
public enum FrontierCriterion: String, CaseIterable, Sendable {
    /// Total annual cost of kept sites (GBP per year); bounded by `constraints.budget`.
    case cost
    /// Total carbon of kept sites (tCO2e per year); bounded by `constraints.carbon`.
    case carbon
    /// Number of kept sites; bounded by `constraints.sites.max`.
    case sites
    /// Share (0...1) of need-weighted demand covered; bounded below by `constraints.min_coverage`.
    /// With services (v2), the services' weighted share (`totals.coverage`, what `max_coverage`
    /// maximises), bounded below as that same aggregate (`Constraints.minWeightedCoverage`);
    /// each service's own minimums stay as the scenario sets them.
    case coverage
    /// Need-weighted mean minutes from an area to its hub (`min_travel`'s objective over
    /// the total weight); it cannot be bounded, so it is only ever optimised (y).
    case travel

    /// Whether smaller or larger is better.
    public var sense: OptimizationSense {
        self == .coverage ? .maximize : .minimize
    }

    /// The planner objective that optimises this criterion.
    public var objective: Objective {
        switch self {
        case .cost: .minCost
        case .carbon: .minCarbon
        case .sites: .minSites
        case .coverage: .maxCoverage
        case .travel: .minTravel
        }
    }

    /// Whether a scenario constraint bounds it, so it can be the constrained axis (x).
    public var canConstrain: Bool { self != .travel }

    /// Axis title with units, in a planner's words.
    public var title: String {
        switch self {
        case .cost: "annual cost, what the budget bounds (£ a year)"
        case .carbon: "carbon of the kept buildings (tCO2e a year)"
        case .sites: "buildings kept"
        case .coverage: "need covered (% of need-weighted children within reach)"
        case .travel: "need-weighted mean travel (minutes)"
        }
    }

    /// The precision at which tables, the chart and the terminal write this criterion.
    public var quantity: Quantity {
        switch self {
        case .cost: .money
        case .carbon: .carbon
        case .sites: .count
        case .coverage: .share
        case .travel: .minutes
        }
    }

    /// A value of this criterion as people read it (`Quantity.display`): £4,468,500, 93.9%.
    public func display(_ value: Double) -> String { quantity.display(value) }

    /// Smallest epsilon step worth separating: sites are whole, costs whole pounds.
    var resolution: Double? {
        switch self {
        case .sites, .cost: 1
        case .carbon: 0.001
        case .coverage: 1e-6
        case .travel: nil
        }
    }

    /// The criterion's value for a plan with these totals, in the units of `title`.
    public func value(_ totals: PlanTotals) -> Double {
        switch self {
        case .cost: totals.cost
        case .carbon: totals.carbon
        case .sites: Double(totals.sitesKept)
        case .coverage: totals.coverage
        case .travel: totals.meanMinutes
        }
    }

    /// Bounds the criterion by `epsilon` (at most, or at least for coverage). A relative
    /// slack of 1e-9 keeps a plan whose total equals epsilon feasible despite rounding
    /// in the sums; site counts are whole, so the bound is rounded down.
    func constrain(_ scenario: inout Scenario, to epsilon: Double) {
        let slack = 1e-9 * max(1, abs(epsilon))
        let v2 = !scenario.services.isEmpty
        switch self {
        case .cost: scenario.constraints.budget = epsilon + slack
        case .carbon: scenario.constraints.carbon = epsilon + slack
        case .sites:
            scenario.constraints.sites = SiteCountLimit(minimum: scenario.constraints.sites?.minimum,
                                                        maximum: Int((epsilon + 1e-9).rounded(.down)))
        case .coverage:
            let share = min(1, max(0, epsilon - slack))
            if v2 { scenario.constraints.minWeightedCoverage = share } else { scenario.constraints.minCoverage = share }
        case .travel: break
        }
    }

    /// Removes the scenario's own bound on the criterion: on a frontier, a criterion
    /// is either swept (x) or optimised (y), never held at the scenario's value. On a v2
    /// scenario the top-level `min_coverage` is each service's minimum, a standard the
    /// frontier's points all keep, so only the aggregate bound is lifted.
    func release(_ scenario: inout Scenario) {
        switch self {
        case .cost: scenario.constraints.budget = nil
        case .carbon: scenario.constraints.carbon = nil
        case .sites: scenario.constraints.sites?.maximum = nil
        case .coverage:
            scenario.constraints.minWeightedCoverage = nil
            if scenario.services.isEmpty { scenario.constraints.minCoverage = nil }
        case .travel: break
        }
    }
}
