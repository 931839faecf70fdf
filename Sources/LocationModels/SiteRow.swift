/// A linear limit on which sites open: `lower <= sum_j coefficients[j] * open_j <= upper`
/// (a budget, a carbon cap, a minimum number of sites in a district), so that a location model
/// carries a planner's constraints on top of its own.
public struct SiteRow: Sendable, Equatable {
    /// One coefficient per site (cost, carbon, 1 for the sites of a district, ...).
    public var coefficients: [Double]
    public var lower: Double
    public var upper: Double

    public init(coefficients: [Double], lower: Double = -.infinity, upper: Double = .infinity) {
        self.coefficients = coefficients
        self.lower = lower
        self.upper = upper
    }

    func validate(siteCount: Int) throws {
        guard coefficients.count == siteCount else {
            throw LocationModelError.countMismatch(what: "site row coefficients", expected: siteCount, actual: coefficients.count)
        }
        for (j, a) in coefficients.enumerated() where !a.isFinite {
            throw LocationModelError.invalidSiteCost(site: j, value: a)
        }
        guard !lower.isNaN, !upper.isNaN, lower < .infinity, upper > -.infinity else {
            throw LocationModelError.invalidParameter(name: "site row bound", value: lower.isNaN ? lower : upper)
        }
    }

    /// Whether `value` (the row's sum for some open sites) lies within the limits, with the same
    /// relative tolerance as ``SiteBudget``.
    func admits(_ value: Double) -> Bool {
        value <= upper + 1e-12 * abs(upper) + 1e-9 && value >= lower - 1e-12 * abs(lower) - 1e-9
    }

    /// The row restricted to `sites` (in that order).
    func restricted(to sites: [Int]) -> SiteRow {
        SiteRow(coefficients: sites.map { coefficients[$0] }, lower: lower, upper: upper)
    }
}

extension SiteBudget {
    /// The budget as a row: the one way the models and heuristics see every limit on open sites.
    var row: SiteRow { SiteRow(coefficients: siteCosts, upper: budget) }
}
