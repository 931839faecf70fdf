/// Areas that no site could ever cover: no site other than a `close` one lies within the
/// coverage standard (or within the travel horizon at all). Whatever the plan, these areas stay
/// uncovered, so a planner should see them before reading a coverage figure.
public struct UnreachableAreas: Sendable, Hashable {
    /// One area beyond the standard.
    public struct Entry: Sendable, Hashable {
        /// Area index into `Dataset.areas`.
        public var area: Int
        /// The nearest site that could be kept, when one is within the travel horizon.
        public var nearestSite: Int?
        /// Minutes to `nearestSite` (door to door), `nil` when no site is within the horizon.
        public var minutes: Double?
    }

    /// The coverage standard used (minutes, inclusive).
    public let coverageMinutes: Double
    /// Areas with no site that could be kept within `coverageMinutes`, in area order.
    public let entries: [Entry]

    /// How many of `entries` have no site at all within the travel horizon.
    public var beyondHorizon: Int { entries.count { $0.minutes == nil } }

    /// Finds the areas of `dataset` with no site whose status is not `close` within
    /// `coverageMinutes` of `travel` (a pair absent from `travel` is beyond the horizon).
    public init(dataset: Dataset, travel: TravelTimes, coverageMinutes: Double) {
        self.init(areaCount: dataset.areas.count, siteStatus: dataset.sites.map(\.status),
                  coverageMinutes: coverageMinutes) { area, body in
            for position in travel.areaOffsets[area]..<travel.areaOffsets[area + 1] {
                body(Int(travel.areaSites[position]), travel.areaMinutes[position])
            }
        }
    }

    /// The same over any store of pairs: `pairs(area, body)` calls `body(site, minutes)` for
    /// every site within the horizon of `area` (the planning instance keeps its own copy).
    public init(areaCount: Int, siteStatus: [SiteStatus], coverageMinutes: Double,
                pairs: (Int, (Int, Double) -> Void) -> Void) {
        self.coverageMinutes = coverageMinutes
        var entries: [Entry] = []
        for area in 0..<areaCount {
            var nearest: (site: Int, minutes: Double)?
            pairs(area) { site, minutes in
                guard siteStatus[site] != .close else { return }
                if nearest == nil || minutes < nearest!.minutes || (minutes == nearest!.minutes && site < nearest!.site) {
                    nearest = (site, minutes)
                }
            }
            if let nearest, nearest.minutes <= coverageMinutes { continue }
            entries.append(Entry(area: area, nearestSite: nearest?.site, minutes: nearest?.minutes))
        }
        self.entries = entries
    }
}
