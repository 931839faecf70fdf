/// Observed use of a site by the residents of one area (one row of `usage.csv`).
public struct UsageRecord: Sendable, Hashable {
    /// Dense index into `Dataset.sites`.
    public var site: Int
    /// Dense index into `Dataset.areas`.
    public var area: Int
    /// Service code (free text; may be empty).
    public var service: String
    /// Visits per year by residents of the area to the site for the service (>= 0).
    public var visits: Double

    /// Creates a usage record; `site` and `area` are dense indices.
    public init(site: Int, area: Int, service: String, visits: Double) {
        self.site = site
        self.area = area
        self.service = service
        self.visits = visits
    }
}
