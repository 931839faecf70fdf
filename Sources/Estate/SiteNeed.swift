/// Need and usage within one site's catchment (areas within `coverage_minutes`).
public struct SiteNeed: Sendable, Hashable {
    /// Dense index into `Dataset.sites`.
    public var site: Int
    /// Areas within the catchment.
    public var areas: Int
    /// Children 0-19 living within the catchment (persons).
    public var children: Double
    /// Need (sum of area weights) within the catchment.
    public var need: Double
    /// Need of the areas that no other site (not marked `close`) reaches within the catchment time.
    public var uniqueNeed: Double
    /// Visits per year recorded at this site (all areas).
    public var visits: Double
    /// Of `visits`, those by residents of areas within the catchment.
    public var visitsFromCatchment: Double
    /// 1 = the most need within its catchment; ties broken by site id.
    public var rank: Int
}
