import Estate

/// A district's figures as `districts.csv` gives them (`DistrictRow`), and as a comparison sets
/// them side by side for each option.
public struct DistrictFigures: Sendable, Equatable {
    /// Sites kept (must-keep included).
    public var sitesKept: Int
    /// Sites closed.
    public var sitesClosed: Int
    /// GBP per year of kept sites.
    public var cost: Double
    /// tCO2e per year of kept sites.
    public var carbon: Double
    /// Need weight of the areas (this option's needs framework).
    public var need: Double
    /// Share of that need covered within the option's coverage time (1 when there is no need).
    public var coverage: Double
    /// Median minutes to the serving hub over areas that have one.
    public var medianMinutes: Double?
    /// Largest minutes to the serving hub over areas that have one.
    public var worstMinutes: Double?

    public init(sitesKept: Int, sitesClosed: Int, cost: Double, carbon: Double, need: Double, coverage: Double,
                medianMinutes: Double?, worstMinutes: Double?) {
        self.sitesKept = sitesKept
        self.sitesClosed = sitesClosed
        self.cost = cost
        self.carbon = carbon
        self.need = need
        self.coverage = coverage
        self.medianMinutes = medianMinutes
        self.worstMinutes = worstMinutes
    }
}

extension DistrictFigures {
    /// The figures of a group of sites and areas, as `districts.csv` defines them, written once
    /// for a plan's own tables (from the planning instance) and a comparison's (from the plan
    /// folders): kept sites' count, cost and carbon; the areas' need and the share of it covered
    /// (1 when there is no need); the median and largest minutes over areas with a serving hub.
    /// Sums run in the given order, so the same figures come out to the last bit.
    init(sites: some Sequence<(open: Bool, cost: Double, carbon: Double)>,
         areas: some Sequence<(weight: Double, coveredShare: Double, minutes: Double?)>) {
        self.init(sitesKept: 0, sitesClosed: 0, cost: 0, carbon: 0, need: 0, coverage: 1, medianMinutes: nil, worstMinutes: nil)
        for site in sites {
            if site.open {
                sitesKept += 1
                cost += site.cost
                carbon += site.carbon
            } else {
                sitesClosed += 1
            }
        }
        var covered = 0.0
        var minutes: [Double] = []
        for area in areas {
            need += area.weight
            covered += area.weight * area.coveredShare
            if let m = area.minutes { minutes.append(m) }
        }
        if need > 0 { coverage = covered / need }
        minutes.sort()
        medianMinutes = minutes.medianOfSorted
        worstMinutes = minutes.last
    }
}
