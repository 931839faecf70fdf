/// One limit a scenario sets, as an explanation moves it: the budget, the carbon cap, each end of
/// the site count, the per-district minimum, each coverage floor, the longest trip and capacity.
/// Each knows its value in a specification, how to set or drop it, which way loosens it, and the
/// step a planner thinks in (a budget moves by £100k, a floor by a percentage point, a site count
/// by one site), so every explanation of every plan steps the same way.
public enum ScenarioLimit: String, Sendable, CaseIterable, Codable {
    case budget
    case carbon
    case maxSites = "sites_max"
    case minSites = "sites_min"
    case minPerDistrict = "min_per_district"
    case minCoverage = "min_coverage"
    case minDistrictCoverage = "min_district_coverage"
    case minDeprivedCoverage = "min_deprived_coverage"
    case maxMinutes = "max_minutes"
    /// Capacity has no number to step; it is only dropped.
    case capacity

    /// The scenario key, as the scenario file spells it (`constraints.budget`).
    public var key: String { "constraints.\(rawValue)" }

    /// The limit's value in `constraints`, or nil when the scenario does not set it (capacity: 1 when set).
    public func value(in constraints: PlanConstraints) -> Double? {
        switch self {
        case .budget: constraints.budget
        case .carbon: constraints.carbon
        case .maxSites: constraints.maxSites.map(Double.init)
        case .minSites: constraints.minSites.map(Double.init)
        case .minPerDistrict: constraints.minPerDistrict.map(Double.init)
        case .minCoverage: constraints.minCoverage
        case .minDistrictCoverage: constraints.minDistrictCoverage
        case .minDeprivedCoverage: constraints.minDeprivedCoverage
        case .maxMinutes: constraints.maxMinutes
        case .capacity: constraints.capacity == nil ? nil : 1
        }
    }

    /// `constraints` with this limit set to `value` (nil drops it). Counts are whole numbers.
    public func setting(_ value: Double?, in constraints: PlanConstraints) -> PlanConstraints {
        var c = constraints
        let count = value.map { Int($0.rounded()) }
        switch self {
        case .budget: c.budget = value
        case .carbon: c.carbon = value
        case .maxSites: c.maxSites = count
        case .minSites: c.minSites = count
        case .minPerDistrict: c.minPerDistrict = count
        case .minCoverage: c.minCoverage = value
        case .minDistrictCoverage: c.minDistrictCoverage = value
        case .minDeprivedCoverage: c.minDeprivedCoverage = value
        case .maxMinutes: c.maxMinutes = value
        case .capacity: if value == nil { c.capacity = nil }
        }
        return c
    }

    /// +1 when a larger value loosens the limit (a ceiling: budget, carbon, most sites, longest
    /// trip), -1 when a smaller one does (a floor).
    public var loosening: Double {
        switch self {
        case .budget, .carbon, .maxSites, .maxMinutes: 1
        case .minSites, .minPerDistrict, .minCoverage, .minDistrictCoverage, .minDeprivedCoverage, .capacity: -1
        }
    }

    /// The step a planner thinks in, for a limit now at `value`: money and carbon by the largest
    /// power of ten within 5% of the limit (£100,000 on a £4.7m budget), counts by one, shares
    /// by one percentage point, minutes by five. Nil for capacity.
    public func step(at value: Double) -> Double? {
        switch self {
        case .budget, .carbon:
            guard value > 0 else { return nil }
            var step = 1.0
            while step * 10 <= 0.05 * value { step *= 10 }
            return step
        case .maxSites, .minSites, .minPerDistrict: return 1
        case .minCoverage, .minDistrictCoverage, .minDeprivedCoverage: return 0.01
        case .maxMinutes: return 5
        case .capacity: return nil
        }
    }

    /// The value `value` moved by `direction` steps (+1 looser, -1 tighter), or nil when that
    /// leaves the limit's range (a share outside 0...1, a count or money below zero).
    public func stepped(_ value: Double, direction: Double) -> Double? {
        guard let step = step(at: value) else { return nil }
        let moved = value + direction * loosening * step
        switch self {
        case .minCoverage, .minDistrictCoverage, .minDeprivedCoverage:
            guard moved >= -1e-12, moved <= 1 + 1e-12 else { return nil }
            return min(1, max(0, (moved * 100).rounded() / 100))
        default:
            return moved >= 0 ? moved : nil
        }
    }

    /// The limits `specification` sets, in this enum's order.
    public static func present(in specification: PlanSpecification) -> [ScenarioLimit] {
        allCases.filter { $0.value(in: specification.constraints) != nil }
    }
}
