/// Need aggregated to one district.
public struct DistrictNeed: Sendable, Hashable {
    /// Dense index into `Dataset.districts`.
    public var district: Int
    /// Number of areas in the district.
    public var areas: Int
    /// Resident children 0-19 (persons).
    public var children: Double
    /// Sum of area weights (need-weighted children).
    public var need: Double
    /// `need / children`: above 1 means needier than the county average per child.
    public var needPerChild: Double
    /// The district's share (0...1) of the county's need.
    public var shareOfNeed: Double
    /// Children-weighted mean composite need score.
    public var meanScore: Double
    /// Observed visits per year by the district's residents.
    public var visits: Double
    /// Number of sites in the district.
    public var sites: Int
    /// 1 = the highest need per child; ties broken by district name.
    public var rank: Int
}
