import Estate
import Planning

/// What a capacitated plan means for the buildings that stay: each kept hub's load against its
/// capacity (`hubs.csv`), and where the visits of each closing site go (`displaced.csv`). Written
/// only when the scenario applies capacity, where assignments (not nearness) decide who goes where.
public struct CapacityTables: Sendable {
    /// One kept site: the demand assigned to it against what it can take.
    public struct Hub: Sendable, Equatable {
        public var site: Int
        /// Visits per year the site can serve; nil for unlimited.
        public var capacity: Double?
        /// Visits per year assigned to it (areas' demand times their share at this site).
        public var load: Double
        /// Areas assigned to it (in part, where demand is split).
        public var areas: Int
    }

    /// Visits of a closing site's users (from `usage.csv`) that move to one receiving hub
    /// (nil: to no hub, where their area is left unassigned).
    public struct Displacement: Sendable, Equatable {
        public var closedSite: Int
        public var receivingSite: Int?
        public var visits: Double
    }

    public var hubs: [Hub]
    public var displaced: [Displacement]

    public init(_ context: PlanContext) {
        let plan = context.plan, instance = context.instance
        var load = Array(repeating: 0.0, count: instance.siteCount)
        var areas = Array(repeating: 0, count: instance.siteCount)
        // Each usage record's (site, share) list: the area's assignment (v1), or the area's
        // assignment for the record's service (v2; none for a service the scenario does not plan).
        let shares: (UsageRecord) -> [(site: Int, share: Double)]
        if let outcome = plan.services, let services = context.instance.services {
            let assignment = outcome.assignment ?? []
            for i in 0 ..< instance.areaCount {
                var sites = Set<Int>()
                for k in assignment.indices {
                    for (site, share) in assignment[k][i] {
                        load[site] += share * services.areaDemand[k][i]
                        sites.insert(site)
                    }
                }
                for site in sites { areas[site] += 1 }
            }
            shares = { record in outcome.codes.firstIndex(of: record.service).map { k in assignment.isEmpty ? [] : assignment[k][record.area] } ?? [] }
        } else {
            for i in plan.areaAssignment.indices {
                for (site, share) in plan.areaAssignment[i] {
                    load[site] += share * instance.areaDemand[i]
                    areas[site] += 1
                }
            }
            shares = { record in plan.areaAssignment.indices.contains(record.area) ? plan.areaAssignment[record.area] : [] }
        }
        hubs = (0 ..< instance.siteCount).filter { plan.keep[$0] }.map {
            Hub(site: $0, capacity: instance.siteCapacity[$0], load: load[$0], areas: areas[$0])
        }
        var moved: [Int: [Int?: Double]] = [:]
        for record in context.dataset.usage where record.visits > 0 && !plan.keep[record.site] {
            let shares = shares(record)
            let assigned = shares.reduce(0) { $0 + $1.share }
            for (site, share) in shares { moved[record.site, default: [:]][site, default: 0] += record.visits * share }
            if assigned < 1 - 1e-9 { moved[record.site, default: [:]][nil, default: 0] += record.visits * (1 - assigned) }
        }
        displaced = moved.keys.sorted().flatMap { closed in
            moved[closed]!.sorted { ($0.key ?? Int.max) < ($1.key ?? Int.max) }.map {
                Displacement(closedSite: closed, receivingSite: $0.key, visits: $0.value)
            }
        }
    }
}
