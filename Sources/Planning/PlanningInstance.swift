import Estate

/// The planning instance in dense, index-based form: the only input the formulation reads.
///
/// Built once from a dataset, its need scores and travel times, so that the model builder,
/// the reductions and the evaluator walk contiguous arrays rather than ids and dictionaries.
/// Pairs are stored by area (compressed sparse rows), each area's pairs sorted by minutes and
/// then by site index, and hold every site reachable within the modelled horizon.
public struct PlanningInstance: Sendable {
    /// Optimiser weight of each area (need-weighted children, or children without a needs framework).
    public var areaWeight: [Double]
    /// Demand of each area in visits per year, used by capacity constraints.
    public var areaDemand: [Double]
    /// District index of each area, into `districtNames`.
    public var areaDistrict: [Int]
    /// District names, sorted; indices are shared by areas and sites.
    public var districtNames: [String]
    /// Annual running cost of each site if kept (GBP per year).
    public var siteCost: [Double]
    /// Operational emissions of each site if kept (tCO2e per year).
    public var siteCarbon: [Double]
    /// Visits per year each site can serve; `nil` means unlimited.
    public var siteCapacity: [Double?]
    /// District index of each site.
    public var siteDistrict: [Int]
    /// Fixed decisions from the data.
    public var siteStatus: [SiteStatus]
    /// `pairStart[i] ..< pairStart[i + 1]` indexes the pairs of area `i`.
    public var pairStart: [Int]
    /// Site index of each pair.
    public var pairSite: [Int]
    /// Travel minutes of each pair.
    public var pairMinutes: [Double]
    /// The services of a v2 scenario; `nil` for v1 (one implicit service offered by every kept site).
    public var services: ServiceInstance?

    public var areaCount: Int { areaWeight.count }
    public var siteCount: Int { siteCost.count }
    public var districtCount: Int { districtNames.count }

    /// Creates an instance; `pairs[i]` lists the (site, minutes) pairs of area `i` in any order.
    public init(
        areaWeight: [Double], areaDemand: [Double], areaDistrict: [Int], districtNames: [String],
        siteCost: [Double], siteCarbon: [Double], siteCapacity: [Double?], siteDistrict: [Int],
        siteStatus: [SiteStatus], pairs: [[(site: Int, minutes: Double)]]
    ) {
        self.areaWeight = areaWeight
        self.areaDemand = areaDemand
        self.areaDistrict = areaDistrict
        self.districtNames = districtNames
        self.siteCost = siteCost
        self.siteCarbon = siteCarbon
        self.siteCapacity = siteCapacity
        self.siteDistrict = siteDistrict
        self.siteStatus = siteStatus
        var start = [0]
        var sites: [Int] = []
        var minutes: [Double] = []
        start.reserveCapacity(pairs.count + 1)
        for list in pairs {
            for pair in list.sorted(by: { ($0.minutes, $0.site) < ($1.minutes, $1.site) }) {
                sites.append(pair.site)
                minutes.append(pair.minutes)
            }
            start.append(sites.count)
        }
        self.pairStart = start
        self.pairSite = sites
        self.pairMinutes = minutes
    }

    /// The pair indices of area `area`, nearest first.
    @inlinable
    public func pairs(of area: Int) -> Range<Int> { pairStart[area] ..< pairStart[area + 1] }

    /// Checks the shape of the arrays; the planner calls it before building a model.
    public func checkInvariants() throws(PlanningError) {
        let n = areaCount, m = siteCount
        guard areaDemand.count == n, areaDistrict.count == n, pairStart.count == n + 1 else {
            throw .invalidInstance("area arrays have different lengths")
        }
        guard siteCarbon.count == m, siteCapacity.count == m, siteDistrict.count == m, siteStatus.count == m else {
            throw .invalidInstance("site arrays have different lengths")
        }
        guard pairSite.count == pairMinutes.count, pairStart.last == pairSite.count else {
            throw .invalidInstance("pair arrays have different lengths")
        }
        for i in 0 ..< n where !(areaWeight[i] >= 0 && areaWeight[i].isFinite && areaDemand[i] >= 0 && areaDemand[i].isFinite) {
            throw .invalidInstance("area \(i) has a negative or non-finite weight or demand")
        }
        for d in areaDistrict + siteDistrict where !(0 ..< districtCount).contains(d) {
            throw .invalidInstance("district index \(d) out of range")
        }
        for j in 0 ..< m where !(siteCost[j] >= 0 && siteCost[j].isFinite && siteCarbon[j] >= 0 && siteCarbon[j].isFinite) {
            throw .invalidInstance("site \(j) has a negative or non-finite cost or carbon")
        }
        for p in pairSite.indices where !(0 ..< m).contains(pairSite[p]) || !(pairMinutes[p] >= 0) {
            throw .invalidInstance("pair \(p) names site \(pairSite[p]) with \(pairMinutes[p]) minutes")
        }
    }
}
