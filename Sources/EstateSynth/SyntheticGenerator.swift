import Estate
import Foundation

/// Generates large synthetic instances for benchmarks, e.g. England scale (33,755 areas x
/// 3,000 sites): towns scattered over a box the size of England, areas clustered around them
/// (85%) or spread between them (15%), districts of about 110 areas, sites placed at populous
/// areas. Seeded and reproducible; the figures are invented, only the scale is realistic.
public enum SyntheticGenerator {
    /// England's LSOA count (2011 geography, as in the IoD 2019).
    public static let englandAreas = 33_755
    /// The benchmark's site count at England scale.
    public static let englandSites = 3_000

    /// Generates `areaCount` areas and `siteCount` sites from `seed` (no usage, no travel file).
    public static func generate(areas areaCount: Int, sites siteCount: Int, seed: UInt64) -> Dataset {
        precondition(areaCount > 0 && siteCount > 0)
        var random = SeededRandom(seed: seed)
        // England's rough extent: 50.6-54.9 N, 3.4 W-1.6 E (the real outline is ignored).
        let south = 50.6, north = 54.9, west = -3.4, east = 1.6
        let districtCount = max(1, areaCount / 110)
        let townCount = max(1, districtCount * 2)
        var towns: [(latitude: Double, longitude: Double, weight: Double)] = []
        for _ in 0..<townCount {
            // Pareto-like town sizes: a few cities, many market towns.
            towns.append((random.uniform(south, north), random.uniform(west, east), pow(1 - random.uniform(), -0.9)))
        }
        let cumulative = cumulativeSums(towns.map(\.weight))
        // Districts group towns in latitude bands then longitude, so they are contiguous-ish.
        let townOrder = towns.indices.sorted { (Int(towns[$0].latitude * 4), towns[$0].longitude) < (Int(towns[$1].latitude * 4), towns[$1].longitude) }
        var townDistrict = [Int](repeating: 0, count: townCount)
        for (position, town) in townOrder.enumerated() { townDistrict[town] = position * districtCount / townCount }
        let width = String(districtCount).count
        let districtNames = (0..<districtCount).map { "D" + String(repeating: "0", count: width - String($0 + 1).count) + String($0 + 1) }

        var areas: [Area] = []
        areas.reserveCapacity(areaCount)
        var deprivation: [Double] = []
        let townDeprivation = towns.map { _ in random.normal() * 0.35 }
        let areaWidth = String(areaCount).count
        for index in 0..<areaCount {
            var latitude: Double, longitude: Double, town: Int
            if random.uniform() < 0.85 {
                town = random.pick(cumulative: cumulative)
                let spreadKm = 1.0 + 1.5 * pow(towns[town].weight, 0.35)
                latitude = towns[town].latitude + random.normal() * spreadKm / kmPerDegree
                longitude = towns[town].longitude + random.normal() * spreadKm / (kmPerDegree * cos(towns[town].latitude * .pi / 180))
            } else {
                latitude = random.uniform(south, north)
                longitude = random.uniform(west, east)
                town = towns.indices.min { a, b in
                    let da = hypot(towns[a].latitude - latitude, (towns[a].longitude - longitude) * 0.62)
                    let db = hypot(towns[b].latitude - latitude, (towns[b].longitude - longitude) * 0.62)
                    return (da, a) < (db, b)
                }!
            }
            latitude = min(90, max(-90, latitude))
            longitude = min(180, max(-180, longitude))
            let id = "S" + String(repeating: "0", count: areaWidth - String(index + 1).count) + String(index + 1)
            let children = (1600 * exp(0.2 * random.normal()) * 0.23).rounded()
            areas.append(Area(id: id, district: townDistrict[town], latitude: latitude, longitude: longitude, children: children))
            deprivation.append(20 * exp(townDeprivation[town] + 0.45 * random.normal()))
        }
        var indicators = IndicatorTable()
        indicators.append(name: "imd_score", values: deprivation.map { ($0 * 1000).rounded() / 1000 })
        indicators.append(name: "fsm_pct", values: deprivation.map { min(65, max(2, (0.95 * $0 * exp(0.2 * random.normal()) * 10).rounded() / 10)) })

        let areaWeights = cumulativeSums(areas.map(\.children))
        var sites: [Site] = []
        let siteWidth = String(siteCount).count
        for index in 0..<siteCount {
            let area = areas[random.pick(cumulative: areaWeights)]
            let cosLatitude = cos(area.latitude * .pi / 180)
            let size = exp(0.35 * random.normal())
            let isCentre = index % 4 != 3
            let id = "B" + String(repeating: "0", count: siteWidth - String(index + 1).count) + String(index + 1)
            sites.append(Site(id: id, name: "Building \(index + 1)", kind: isCentre ? "childrens_centre" : "youth_hub",
                              district: area.district,
                              latitude: area.latitude + random.normal() * 0.3 / kmPerDegree,
                              longitude: area.longitude + random.normal() * 0.3 / (kmPerDegree * cosLatitude),
                              annualCost: (90_000 * size / 500).rounded() * 500, carbon: (20 * size * 10).rounded() / 10,
                              capacity: (10_000 * size / 100).rounded() * 100))
        }
        // Districts are the sorted names that areas use; renumber to dense sorted indices.
        let used = Set(areas.map(\.district)).sorted()
        var remap = [Int](repeating: -1, count: districtCount)
        for (position, district) in used.enumerated() { remap[district] = position }
        let names = used.map { districtNames[$0] }
        for index in areas.indices { areas[index].district = remap[areas[index].district] }
        for index in sites.indices { sites[index].district = remap[sites[index].district] }
        return Dataset(source: "synthetic (\(areaCount) areas, \(siteCount) sites, seed \(seed))", districts: names,
                       areas: areas, sites: sites, indicators: indicators)
    }
}
