/// A whole dataset in memory: areas, sites, usage and (optionally) observed travel times.
///
/// Ids are mapped to dense indices once, when the dataset is built, so that every later
/// computation walks plain arrays. Districts are the sorted distinct districts of the areas;
/// `Area.district` and `Site.district` index into `districts`.
public struct Dataset: Sendable {
    /// Where the dataset came from (a folder path or a generator's name), for messages only.
    public var source: String
    /// What the dataset declares about itself (`dataset.yaml`): illustrative or real, caveats.
    public var provenance = DatasetProvenance()
    /// Each area's outline (`Dataset.areas` order; `nil` where the boundary file has none), or
    /// empty when the dataset has no boundaries: maps and GIS layers then draw points.
    public var boundaries: [Boundary?] = []
    /// Towns to label on maps (`places.csv`), empty when the dataset names none.
    public var places: [Place] = []
    /// District names, sorted ascending (byte order), unique.
    public let districts: [String]
    /// The small areas, in file order.
    public let areas: [Area]
    /// The buildings, in file order.
    public let sites: [Site]
    /// Observed usage (`usage.csv`), in file order; empty when the file is absent.
    public let usage: [UsageRecord]
    /// Numeric indicator columns of `areas.csv` (everything but the required columns).
    public let indicators: IndicatorTable
    /// Travel times read from `travel.csv`, or `nil` when they are to be estimated.
    public let travel: TravelTimes?

    /// Builds a dataset; preconditions check only what the types cannot (dense indices in range,
    /// unique ids, sorted districts). Readers validate user input before calling this.
    public init(source: String = "", districts: [String], areas: [Area], sites: [Site],
                usage: [UsageRecord] = [], indicators: IndicatorTable = IndicatorTable(),
                travel: TravelTimes? = nil) {
        self.source = source
        self.districts = districts
        self.areas = areas
        self.sites = sites
        self.usage = usage
        self.indicators = indicators
        self.travel = travel
        precondition(Set(districts).count == districts.count, "district names must be unique")
        precondition(Set(areas.map(\.id)).count == areas.count, "area ids must be unique")
        precondition(Set(sites.map(\.id)).count == sites.count, "site ids must be unique")
    }

    /// Builds the sorted district list from the districts named by areas (what readers do).
    public static func districtList<S: Sequence>(from names: S) -> [String] where S.Element == String {
        Array(Set(names)).sorted()
    }

    /// Children per area, as one contiguous array (persons).
    public var children: [Double] { areas.map(\.children) }

    /// Area indices of each district, ascending.
    public var areasByDistrict: [[Int]] {
        var lists = [[Int]](repeating: [], count: districts.count)
        for (index, area) in areas.enumerated() { lists[area.district].append(index) }
        return lists
    }

    /// Site indices of each district, ascending.
    public var sitesByDistrict: [[Int]] {
        var lists = [[Int]](repeating: [], count: districts.count)
        for (index, site) in sites.enumerated() { lists[site.district].append(index) }
        return lists
    }

    /// Observed visits per year by the residents of each area (sum over sites and services).
    public var visitsByArea: [Double] {
        var totals = [Double](repeating: 0, count: areas.count)
        for record in usage { totals[record.area] += record.visits }
        return totals
    }

    /// Whether any usage figures were given.
    public var hasUsage: Bool { !usage.isEmpty }
}
