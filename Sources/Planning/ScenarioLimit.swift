/// One limit a scenario sets, as an explanation moves it: the budget, the carbon cap, each end of
/// the site count, the per-district minimum, each coverage floor, the longest trip and capacity;
/// in a services (v2) scenario also each service's own floors and longest trip (`service` below),
/// the Family Hubs per district and outreach.
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
    /// v2: Family Hubs at least per district (`family_hubs.per_district`).
    case familyHubs = "family_hubs_per_district"
    /// v2: outreach where no kept building reaches; its value is the cost per person reached. It
    /// is only dropped (every service delivered by buildings alone), never stepped.
    case outreach

    /// The scenario key, as the scenario file spells it (`constraints.budget`); a service's own
    /// limit under that service (`services.youth.min_district_coverage`), `codes` naming them.
    public func key(service: Int? = nil, codes: [String] = []) -> String {
        if let service, service < codes.count { return "services.\(codes[service]).\(rawValue)" }
        switch self {
        case .familyHubs: return "family_hubs.per_district"
        case .outreach: return "outreach"
        default: return "constraints.\(rawValue)"
        }
    }

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
        case .familyHubs, .outreach: nil
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
        case .familyHubs, .outreach: break
        }
        return c
    }

    /// +1 when a larger value loosens the limit (a ceiling: budget, carbon, most sites, longest
    /// trip), -1 when a smaller one does (a floor).
    public var loosening: Double {
        switch self {
        case .budget, .carbon, .maxSites, .maxMinutes: 1
        case .minSites, .minPerDistrict, .minCoverage, .minDistrictCoverage, .minDeprivedCoverage, .capacity, .familyHubs,
             .outreach: -1
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
        case .maxSites, .minSites, .minPerDistrict, .familyHubs: return 1
        case .minCoverage, .minDistrictCoverage, .minDeprivedCoverage: return 0.01
        case .maxMinutes: return 5
        case .capacity, .outreach: return nil
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

    /// The limits `specification` sets, in this enum's order; in a v2 specification, a
    /// service's own limits after the scenario-wide one of the same kind, in service order.
    public static func present(in specification: PlanSpecification) -> [(limit: ScenarioLimit, service: Int?)] {
        allCases.flatMap { limit -> [(limit: ScenarioLimit, service: Int?)] in
            var found: [(limit: ScenarioLimit, service: Int?)] = []
            if limit.value(in: specification, service: nil) != nil { found.append((limit, nil)) }
            if let rules = specification.services, limit.perService {
                found += rules.services.indices.filter { limit.value(in: specification, service: $0) != nil }.map { (limit, $0) }
            }
            return found
        }
    }

    /// Whether a v2 service has its own value of this limit (`ServiceRule`).
    public var perService: Bool {
        [.minCoverage, .minDistrictCoverage, .minDeprivedCoverage, .maxMinutes].contains(self)
    }

    /// The limit's value in `specification`: scenario-wide (`service` nil) or service `service`'s
    /// own. In a v2 specification the scenario-wide floors other than `minCoverage` (the services'
    /// weighted share) and the longest trip are already resolved into each service's rule.
    public func value(in specification: PlanSpecification, service: Int?) -> Double? {
        if let service {
            guard perService, let rule = specification.services?.services[service] else { return nil }
            switch self {
            case .minCoverage: return rule.minCoverage
            case .minDistrictCoverage: return rule.minDistrictCoverage
            case .minDeprivedCoverage: return rule.minDeprivedCoverage
            default: return rule.maxMinutes
            }
        }
        switch self {
        case .familyHubs:
            guard let rules = specification.services, rules.familyHubCore != nil else { return nil }
            return Double(rules.familyHubsPerDistrict)
        case .outreach:
            guard let rules = specification.services, rules.services.contains(where: \.outreach) else { return nil }
            return rules.outreachCostPerPerson
        case .minDistrictCoverage, .minDeprivedCoverage, .maxMinutes:
            return specification.services == nil ? value(in: specification.constraints) : nil
        default:
            return value(in: specification.constraints)
        }
    }

    /// `specification` with this limit (scenario-wide or `service`'s own) set to `value`; nil
    /// drops it (no Family Hubs required, no outreach, no most deprived areas for a v1 floor).
    public func setting(_ value: Double?, in specification: PlanSpecification, service: Int?) -> PlanSpecification {
        var spec = specification
        if let service, perService, var rules = spec.services {
            switch self {
            case .minCoverage: rules.services[service].minCoverage = value
            case .minDistrictCoverage: rules.services[service].minDistrictCoverage = value
            case .minDeprivedCoverage: rules.services[service].minDeprivedCoverage = value
            default: rules.services[service].maxMinutes = value
            }
            spec.services = rules
            return spec
        }
        switch self {
        case .familyHubs: spec.services?.familyHubsPerDistrict = value.map { Int($0.rounded()) } ?? 0
        case .outreach:
            if value == nil, var rules = spec.services {
                for k in rules.services.indices { rules.services[k].outreach = false }
                spec.services = rules
            }
        default:
            spec.constraints = setting(value, in: spec.constraints)
            if self == .minDeprivedCoverage && value == nil && spec.services == nil { spec.deprivedAreas = [] }
        }
        return spec
    }
}
