/// Bounds on the number of kept sites (`sites: {max: n}`, `{min: n}`, `{exactly: n}`, or min and max).
public struct SiteCountLimit: Sendable, Hashable {
    /// At least this many sites kept.
    public var minimum: Int?
    /// At most this many sites kept.
    public var maximum: Int?
    /// Bounds on the kept-site count; `nil` leaves a side open.
    public init(minimum: Int? = nil, maximum: Int? = nil) {
        self.minimum = minimum
        self.maximum = maximum
    }
    /// `exactly: n` is min = max = n.
    public static func exactly(_ count: Int) -> SiteCountLimit { SiteCountLimit(minimum: count, maximum: count) }
    /// The exact count when min = max.
    public var exactly: Int? { minimum != nil && minimum == maximum ? minimum : nil }
}

/// The constraints of a scenario; `nil` means "not constrained".
public struct Constraints: Sendable, Hashable {
    /// Total annual cost of kept sites <= budget, GBP/year.
    public var budget: Double?
    /// Total carbon of kept sites <= cap, tCO2e/year.
    public var carbon: Double?
    /// Bounds on the number of kept sites.
    public var sites: SiteCountLimit?
    /// At least this many kept sites in every district that has a site.
    public var minPerDistrict: Int?
    /// Share (0...1) of need-weighted demand covered, county-wide.
    public var minCoverage: Double?
    /// Share (0...1) of need-weighted demand covered within every district (equity).
    public var minDistrictCoverage: Double?
    /// Every area has a kept site within this many minutes.
    public var maxMinutes: Double?
    /// Assignment of demand (visits/year) to kept sites respects site capacity.
    public var capacity: Bool
    /// Visits per year per child where an area has no usage figures (default 1.0).
    public var visitsPerChild: Double

    /// Constraints; every bound defaults to none, `capacity` to false, `visitsPerChild` to 1.
    public init(budget: Double? = nil, carbon: Double? = nil, sites: SiteCountLimit? = nil, minPerDistrict: Int? = nil,
                minCoverage: Double? = nil, minDistrictCoverage: Double? = nil, maxMinutes: Double? = nil,
                capacity: Bool = false, visitsPerChild: Double = 1.0) {
        self.budget = budget
        self.carbon = carbon
        self.sites = sites
        self.minPerDistrict = minPerDistrict
        self.minCoverage = minCoverage
        self.minDistrictCoverage = minDistrictCoverage
        self.maxMinutes = maxMinutes
        self.capacity = capacity
        self.visitsPerChild = visitsPerChild
    }
}
