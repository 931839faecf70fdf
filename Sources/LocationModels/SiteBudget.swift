/// An optional spending limit on the sites opened: the sum of `siteCosts` over open sites
/// must not exceed `budget` (both in the same money unit, e.g. GBP per year).
public struct SiteBudget: Sendable, Equatable {
    /// The cost of opening (or keeping) each site, one per site.
    public var siteCosts: [Double]
    /// The most that may be spent on open sites.
    public var budget: Double

    public init(siteCosts: [Double], budget: Double) {
        self.siteCosts = siteCosts
        self.budget = budget
    }

    func validate(siteCount: Int) throws {
        guard siteCosts.count == siteCount else {
            throw LocationModelError.countMismatch(what: "site costs", expected: siteCount, actual: siteCosts.count)
        }
        for (j, cost) in siteCosts.enumerated() where !(cost >= 0 && cost.isFinite) {
            throw LocationModelError.invalidSiteCost(site: j, value: cost)
        }
        guard budget >= 0, budget.isFinite else { throw LocationModelError.invalidParameter(name: "budget", value: budget) }
    }

    /// Whether opening `sites` stays within the budget (with a relative tolerance for rounding).
    func allows<S: Sequence>(_ sites: S) -> Bool where S.Element == Int {
        sites.reduce(0.0) { $0 + siteCosts[$1] } <= budget * (1 + 1e-12) + 1e-9
    }
}

func validateWeights(_ weights: [Double], clientCount: Int) throws {
    guard weights.count == clientCount else {
        throw LocationModelError.countMismatch(what: "client weights", expected: clientCount, actual: weights.count)
    }
    for (i, w) in weights.enumerated() where !(w >= 0 && w.isFinite) {
        throw LocationModelError.invalidWeight(client: i, value: w)
    }
}
