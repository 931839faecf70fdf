import Optimisation

/// The p-median problem: open exactly `medians` sites and serve every client from its
/// cheapest open site, minimising the total weighted cost (e.g. person-minutes of travel).
/// An optional ``SiteBudget`` also caps the summed cost of the open sites.
public struct PMedianProblem: Sendable {
    /// Costs (distances, travel times) from each client to each allowed site.
    public var costs: ServiceCosts
    /// Demand weight of each client (people, visits); 1 each by default.
    public var weights: [Double]
    /// The number of sites to open (p).
    public var medians: Int
    /// An optional cap on the summed cost of the open sites.
    public var budget: SiteBudget?

    public init(costs: ServiceCosts, weights: [Double]? = nil, medians: Int, budget: SiteBudget? = nil) {
        self.costs = costs
        self.weights = weights ?? Array(repeating: 1, count: costs.clientCount)
        self.medians = medians
        self.budget = budget
    }

    /// Throws a ``LocationModelError`` for mismatched counts, bad weights, p or budget.
    public func validate() throws {
        try validateWeights(weights, clientCount: costs.clientCount)
        guard medians >= 1, medians <= costs.siteCount else {
            throw LocationModelError.invalidFacilityCount(value: medians, siteCount: costs.siteCount)
        }
        try budget?.validate(siteCount: costs.siteCount)
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
