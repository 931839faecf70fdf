import Optimisation

/// The p-median problem: open exactly `medians` sites and serve every client from its
/// cheapest open site, minimising the total weighted cost (e.g. person-minutes of travel).
/// An optional ``SiteBudget`` also caps the summed cost of the open sites.
///
/// A planner's constraints ride on top: ``leastOpen`` makes the count a range (at least that
/// many, at most `medians`), ``siteRows`` add linear limits on the open sites (budget, carbon,
/// per-district minimums) and ``fixedOpen`` sites must open. The heuristic, the formulation,
/// reduced-cost fixing and widening all honour them, so the planner's `min_travel` and the
/// library are one implementation.
public struct PMedianProblem: Sendable {
    /// Costs (distances, travel times) from each client to each allowed site.
    public var costs: ServiceCosts
    /// Demand weight of each client (people, visits); 1 each by default.
    public var weights: [Double]
    /// The number of sites to open (p).
    public var medians: Int
    /// An optional cap on the summed cost of the open sites.
    public var budget: SiteBudget?
    /// When set, at least this many sites open and at most `medians`; nil: exactly `medians`.
    public var leastOpen: Int?
    /// Further linear limits on the open sites.
    public var siteRows: [SiteRow]
    /// Sites that must open (counted among the open sites).
    public var fixedOpen: [Int]

    public init(costs: ServiceCosts, weights: [Double]? = nil, medians: Int, budget: SiteBudget? = nil,
                leastOpen: Int? = nil, siteRows: [SiteRow] = [], fixedOpen: [Int] = []) {
        self.costs = costs
        self.weights = weights ?? Array(repeating: 1, count: costs.clientCount)
        self.medians = medians
        self.budget = budget
        self.leastOpen = leastOpen
        self.siteRows = siteRows
        self.fixedOpen = fixedOpen
    }

    /// The fewest sites that may open.
    var minimumOpen: Int { leastOpen ?? medians }

    /// Every limit on the open sites as rows: the budget and ``siteRows``.
    var limitRows: [SiteRow] { (budget.map { [$0.row] } ?? []) + siteRows }

    /// Whether `openSites` respects the count, the fixed sites and every row (clients aside).
    func admits(_ openSites: [Int]) -> Bool {
        guard (minimumOpen ... medians).contains(openSites.count) else { return false }
        let open = Set(openSites)
        guard fixedOpen.allSatisfy(open.contains) else { return false }
        return limitRows.allSatisfy { row in row.admits(openSites.reduce(0.0) { $0 + row.coefficients[$1] }) }
    }

    /// The same problem over `kept` sites only (in that order), which must hold every fixed site.
    func restricted(to kept: [Int]) throws -> PMedianProblem {
        var position = [Int](repeating: -1, count: costs.siteCount)
        for (k, j) in kept.enumerated() { position[j] = k }
        var entries: [(client: Int, site: Int, cost: Double)] = []
        for i in 0 ..< costs.clientCount {
            for (site, cost) in costs.entries(ofClient: i) where position[site] >= 0 { entries.append((i, position[site], cost)) }
        }
        return PMedianProblem(
            costs: try ServiceCosts(clientCount: costs.clientCount, siteCount: kept.count, entries: entries),
            weights: weights, medians: medians,
            budget: budget.map { b in SiteBudget(siteCosts: kept.map { b.siteCosts[$0] }, budget: b.budget) },
            leastOpen: leastOpen, siteRows: siteRows.map { $0.restricted(to: kept) },
            fixedOpen: fixedOpen.map { position[$0] })
    }

    /// Throws a ``LocationModelError`` for mismatched counts, bad weights, p or budget.
    public func validate() throws {
        try validateWeights(weights, clientCount: costs.clientCount)
        guard medians >= 1, medians <= costs.siteCount else {
            throw LocationModelError.invalidFacilityCount(value: medians, siteCount: costs.siteCount)
        }
        if let leastOpen, !(1 ... medians).contains(leastOpen) {
            throw LocationModelError.invalidFacilityCount(value: leastOpen, siteCount: costs.siteCount)
        }
        try budget?.validate(siteCount: costs.siteCount)
        for row in siteRows { try row.validate(siteCount: costs.siteCount) }
        for j in fixedOpen where !(0 ..< costs.siteCount).contains(j) {
            throw LocationModelError.indexOutOfRange(client: 0, site: j, clientCount: costs.clientCount, siteCount: costs.siteCount)
        }
        guard Set(fixedOpen).count <= medians else {
            throw LocationModelError.invalidFacilityCount(value: Set(fixedOpen).count, siteCount: costs.siteCount)
        }
    }

    /// The total weighted cost of serving every client from its cheapest site among
    /// `openSites`, with that site per client; nil when some client has no allowed open site.
    public func evaluate(openSites: [Int]) -> (objective: Double, assignment: [Int])? {
        var total = 0.0
        var assignment = [Int](repeating: -1, count: costs.clientCount)
        let isOpen = Set(openSites)
        for i in 0 ..< costs.clientCount {
            var best = Double.infinity
            for (site, cost) in costs.entries(ofClient: i) where cost < best && isOpen.contains(site) {
                best = cost
                assignment[i] = site
            }
            guard assignment[i] >= 0 else { return nil }
            total += weights[i] * best
        }
        return (total, assignment)
    }
}
