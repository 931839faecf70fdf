/// Travel times between areas and sites within the modelled horizon, stored twice as
/// compressed sparse rows: by area (each area's reachable sites) and by site (each site's
/// reachable areas). A pair that is absent is "not reachable within the horizon".
///
/// Row `a` of the by-area view is `areaSites[areaOffsets[a] ..< areaOffsets[a + 1]]` with the
/// matching `areaMinutes`; sites within a row are ascending, and so are areas within a row of
/// the by-site view. Minutes are door-to-door travel minutes.
public struct TravelTimes: Sendable, Hashable {
    /// Number of areas (rows of the by-area view).
    public let areaCount: Int
    /// Number of sites (rows of the by-site view).
    public let siteCount: Int
    /// By area: row starts, `areaCount + 1` entries.
    public let areaOffsets: [Int]
    /// By area: site index of each entry.
    public let areaSites: [Int32]
    /// By area: minutes of each entry.
    public let areaMinutes: [Double]
    /// By site: row starts, `siteCount + 1` entries.
    public let siteOffsets: [Int]
    /// By site: area index of each entry.
    public let siteAreas: [Int32]
    /// By site: minutes of each entry.
    public let siteMinutes: [Double]
    /// For estimated times, the horizon (minutes) within which pairs were kept; `nil` when the
    /// pairs came from `travel.csv` (then the file's pairs define what is reachable).
    public let horizonMinutes: Double?

    /// Number of stored pairs.
    public var pairCount: Int { areaSites.count }

    /// Two pairs for the same (area, site): reported by the reader with both rows.
    public struct DuplicatePair: Error, Sendable, Hashable {
        /// Position (0-based) in the input arrays of the first occurrence.
        public var firstRow: Int
        /// Position (0-based) in the input arrays of the repeat.
        public var secondRow: Int
    }

    /// Builds both views from pairs given column-wise, in any order (e.g. the rows of
    /// `travel.csv`). Indices must be in range and minutes finite and >= 0 (readers check).
    /// Throws `DuplicatePair` when a pair occurs twice.
    public init(areaCount: Int, siteCount: Int, pairAreas: [Int32], pairSites: [Int32], pairMinutes: [Double],
                horizonMinutes: Double? = nil) throws(DuplicatePair) {
        precondition(pairAreas.count == pairSites.count && pairSites.count == pairMinutes.count)
        let count = pairAreas.count
        // Files are usually written by area then site: then the columns already are the by-area
        // view and are adopted as they are (no sort, no copy).
        var ordered = true
        var row = 1
        while row < count {
            let previousArea = pairAreas[row - 1], area = pairAreas[row]
            if area < previousArea || (area == previousArea && pairSites[row] <= pairSites[row - 1]) {
                ordered = false
                break
            }
            row += 1
        }
        if ordered {
            var offsets = [Int](repeating: 0, count: areaCount + 1)
            for area in pairAreas { offsets[Int(area) + 1] += 1 }
            for index in 0..<areaCount { offsets[index + 1] += offsets[index] }
            self.init(areaCount: areaCount, siteCount: siteCount, areaOffsets: offsets, areaSites: pairSites,
                      areaMinutes: pairMinutes, horizonMinutes: horizonMinutes)
            return
        }
        // Counting sort by area, keeping input order within an area.
        var offsets = [Int](repeating: 0, count: areaCount + 1)
        for area in pairAreas { offsets[Int(area) + 1] += 1 }
        for index in 0..<areaCount { offsets[index + 1] += offsets[index] }
        var cursor = offsets
        var order = [Int32](repeating: 0, count: count)
        for row in 0..<count {
            let area = Int(pairAreas[row])
            order[cursor[area]] = Int32(row)
            cursor[area] += 1
        }
        var sites = [Int32](repeating: 0, count: count)
        var minutes = [Double](repeating: 0, count: count)
        for area in 0..<areaCount {
            let start = offsets[area], end = offsets[area + 1]
            // Rows are usually already sorted by site (files are written that way); sort only if not.
            var sorted = true
            var index = start + 1
            while index < end {
                if pairSites[Int(order[index])] <= pairSites[Int(order[index - 1])] { sorted = false; break }
                index += 1
            }
            if !sorted {
                order[start..<end].sort { left, right in
                    let a = pairSites[Int(left)], b = pairSites[Int(right)]
                    return a != b ? a < b : left < right
                }
                for position in (start + 1)..<end where pairSites[Int(order[position])] == pairSites[Int(order[position - 1])] {
                    throw DuplicatePair(firstRow: Int(order[position - 1]), secondRow: Int(order[position]))
                }
            }
            for position in start..<end {
                let row = Int(order[position])
                sites[position] = pairSites[row]
                minutes[position] = pairMinutes[row]
            }
        }
        self.init(areaCount: areaCount, siteCount: siteCount, areaOffsets: offsets, areaSites: sites,
                  areaMinutes: minutes, horizonMinutes: horizonMinutes)
    }

    /// Builds the by-site view from an already valid by-area view (sites ascending in each row).
    public init(areaCount: Int, siteCount: Int, areaOffsets: [Int], areaSites: [Int32], areaMinutes: [Double],
                horizonMinutes: Double?) {
        precondition(areaOffsets.count == areaCount + 1 && areaSites.count == areaMinutes.count)
        self.areaCount = areaCount
        self.siteCount = siteCount
        self.areaOffsets = areaOffsets
        self.areaSites = areaSites
        self.areaMinutes = areaMinutes
        self.horizonMinutes = horizonMinutes
        let count = areaSites.count
        var offsets = [Int](repeating: 0, count: siteCount + 1)
        for site in areaSites { offsets[Int(site) + 1] += 1 }
        for index in 0..<siteCount { offsets[index + 1] += offsets[index] }
        var cursor = offsets
        var areas = [Int32](repeating: 0, count: count)
        var minutes = [Double](repeating: 0, count: count)
        for area in 0..<areaCount {
            for position in areaOffsets[area]..<areaOffsets[area + 1] {
                let site = Int(areaSites[position])
                areas[cursor[site]] = Int32(area)
                minutes[cursor[site]] = areaMinutes[position]
                cursor[site] += 1
            }
        }
        siteOffsets = offsets
        siteAreas = areas
        siteMinutes = minutes
    }

    /// The entries of area `area`'s row: positions into `areaSites` / `areaMinutes`.
    @inlinable
    public func entries(ofArea area: Int) -> Range<Int> { areaOffsets[area]..<areaOffsets[area + 1] }

    /// The entries of site `site`'s row: positions into `siteAreas` / `siteMinutes`.
    @inlinable
    public func entries(ofSite site: Int) -> Range<Int> { siteOffsets[site]..<siteOffsets[site + 1] }

    /// Minutes from `area` to `site`, or `nil` when the pair is not stored (binary search).
    public func minutes(area: Int, site: Int) -> Double? {
        var low = areaOffsets[area], high = areaOffsets[area + 1]
        let target = Int32(site)
        while low < high {
            let middle = (low + high) / 2
            if areaSites[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low < areaOffsets[area + 1] && areaSites[low] == target ? areaMinutes[low] : nil
    }

    /// A copy keeping only pairs with `minutes <= limit` (e.g. `max_minutes` or a coverage
    /// radius), whose horizon is then at most `limit`.
    public func restricted(toMinutes limit: Double) -> TravelTimes {
        var offsets = [Int](repeating: 0, count: areaCount + 1)
        var sites: [Int32] = []
        var minutes: [Double] = []
        for area in 0..<areaCount {
            for position in entries(ofArea: area) where areaMinutes[position] <= limit {
                sites.append(areaSites[position])
                minutes.append(areaMinutes[position])
            }
            offsets[area + 1] = sites.count
        }
        let horizon = min(horizonMinutes ?? limit, limit)
        return TravelTimes(areaCount: areaCount, siteCount: siteCount, areaOffsets: offsets, areaSites: sites,
                           areaMinutes: minutes, horizonMinutes: horizon)
    }

    /// Checks both views agree, rows are sorted and minutes are finite and >= 0; returns the violations.
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        if areaOffsets.count != areaCount + 1 || siteOffsets.count != siteCount + 1 { return ["offset arrays have the wrong length"] }
        if areaOffsets.last != areaSites.count || siteOffsets.last != siteAreas.count || areaSites.count != siteAreas.count {
            return ["offsets do not match the entry arrays"]
        }
        for area in 0..<areaCount {
            let row = entries(ofArea: area)
            for position in row {
                let site = Int(areaSites[position])
                if site < 0 || site >= siteCount { problems.append("area \(area) has site \(site) out of range"); continue }
                if position > row.lowerBound && areaSites[position - 1] >= areaSites[position] {
                    problems.append("area \(area)'s row is not strictly ascending")
                }
                if !(areaMinutes[position] >= 0) || !areaMinutes[position].isFinite {
                    problems.append("area \(area) to site \(site) has minutes \(areaMinutes[position])")
                }
            }
        }
        for site in 0..<siteCount {
            for position in entries(ofSite: site) {
                let area = Int(siteAreas[position])
                if area < 0 || area >= areaCount { problems.append("site \(site) has area \(area) out of range"); continue }
                if minutes(area: area, site: site) != siteMinutes[position] {
                    problems.append("the by-site entry (\(area), \(site)) disagrees with the by-area view")
                }
            }
        }
        return problems
    }
}
