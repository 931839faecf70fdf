/// What the optimiser optimises (`objective` in a scenario).
public enum Objective: String, Sendable, Hashable, CaseIterable {
    /// Maximise the need-weighted demand within `coverage_minutes` of a kept site.
    case maxCoverage = "max_coverage"
    /// Minimise the total annual cost of kept sites (GBP/year).
    case minCost = "min_cost"
    /// Minimise the need-weighted travel minutes from every area to its site.
    case minTravel = "min_travel"
    /// Minimise the total carbon of kept sites (tCO2e/year).
    case minCarbon = "min_carbon"
    /// Minimise the number of kept sites.
    case minSites = "min_sites"
}
