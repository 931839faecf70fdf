import Estate
import EstateMap
import Foundation
import Seeding
import SyntheticMapData

/// The England-sized instance of the map benchmark; the Kent-shaped one is the map tests' own
/// (`SyntheticEstate` of SyntheticMapData), so the benchmark measures the estate the tests draw.
enum Synthetic {
    /// An England-sized plan whose areas have outlines shaped like ONS's full-resolution LSOA
    /// boundaries: `columns` x `rows` cells over England's extent, each a ring of about 96
    /// points (every border cut into 24 wiggly pieces), neighbours sharing their border's points
    /// exactly; districts are blocks of 10 x 12 cells (about 300, as England has).
    static func outlined(columns: Int, rows: Int, sites siteCount: Int, seed: UInt64) -> EstateMapData {
        let west = -5.5, south = 50.0, width = 7.2 / Double(columns), height = 5.6 / Double(rows)
        func noise(_ a: Int, _ b: Int, _ c: Int) -> Double {
            var h = UInt64(truncatingIfNeeded: (a &* 73_856_093) ^ (b &* 19_349_663) ^ (c &* 83_492_791)) &+ seed &* 0x9E37_79B9_7F4A_7C15
            h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
            return Double((h ^ (h >> 29)) >> 11) * 0x1p-53 - 0.5
        }
        func corner(_ i: Int, _ j: Int) -> (Double, Double) {
            (west + width * (Double(i) + 0.3 * noise(i, j, 1)), south + height * (Double(j) + 0.3 * noise(i, j, 2)))
        }
        func border(_ a: (Int, Int), _ b: (Int, Int)) -> [(Double, Double)] {
            let forward = a < b
            let (p, q) = forward ? (a, b) : (b, a)
            let s = corner(p.0, p.1), e = corner(q.0, q.1)
            var points = [s]
            for k in 1..<24 {
                let t = Double(k) / 24, w = 0.08 * sin(Double(k) * 0.7 + 6 * noise(p.0 * 4096 + q.0, p.1 * 4096 + q.1, 0))
                points.append((s.0 + t * (e.0 - s.0) - w * (e.1 - s.1), s.1 + t * (e.1 - s.1) + w * (e.0 - s.0)))
            }
            points.append(e)
            return forward ? points : points.reversed()
        }
        var rng = SplitMix64(seed: seed)
        var areas: [MapArea] = []
        for j in 0..<rows {
            for i in 0..<columns {
                let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1), (i, j)]
                var ring: [Double] = []
                for k in 0..<4 {
                    for point in (k == 0 ? border(corners[k], corners[k + 1]) : Array(border(corners[k], corners[k + 1]).dropFirst())) {
                        ring += [(point.0 * 1e7).rounded() / 1e7, (point.1 * 1e7).rounded() / 1e7]
                    }
                }
                let lon = west + width * (Double(i) + 0.5), lat = south + height * (Double(j) + 0.5)
                let need = max(0, 0.5 + 0.3 * sin(lon * 3) + 0.3 * cos(lat * 4) + 0.3 * rng.normal())
                let children = Double(Int.random(in: 150...650, using: &rng))
                areas.append(MapArea(id: "E01" + String(1_000_000 + areas.count).dropFirst(), district: "District \(i / 10)-\(j / 12)",
                                     lat: lat, lon: lon, need: need, weight: children * (1 + need), children: children,
                                     hub: nil, minutes: nil, covered: false,
                                     outline: Boundary(polygons: [[Boundary.Ring(coordinates: ring)]])))
            }
        }
        var sites: [MapSite] = []
        for j in 0..<siteCount {
            let anchor = areas[Int.random(in: 0..<areas.count, using: &rng)]
            let decision: SiteDecision = Double.random(in: 0..<1, using: &rng) < 0.6 ? .kept : .closed
            sites.append(MapSite(id: "S" + String(10_000 + j).dropFirst(), name: "Hub \(j)", kind: "family_hub", district: anchor.district,
                                 lat: anchor.lat, lon: anchor.lon, decision: decision, annualCost: 100_000, carbon: 20, needServed: 0))
        }
        // Each area served by the nearest open site in a coarse bucket search (enough for a map).
        let open = sites.indices.filter { sites[$0].decision.isOpen }
        var buckets: [Int: [Int]] = [:]
        for s in open { buckets[Int((sites[s].lon + 10) * 2) * 1000 + Int(sites[s].lat * 2), default: []].append(s) }
        for i in areas.indices {
            var best = -1, bestMinutes = Double.infinity
            let bx = Int((areas[i].lon + 10) * 2), by = Int(areas[i].lat * 2)
            for dx in -1...1 { for dy in -1...1 { for s in buckets[(bx + dx) * 1000 + by + dy] ?? [] {
                let m = SyntheticEstate.minutes(areas[i].lat, areas[i].lon, sites[s].lat, sites[s].lon)
                if m < bestMinutes { best = s; bestMinutes = m }
            } } }
            if best >= 0 {
                areas[i].hub = best
                areas[i].minutes = (bestMinutes * 10).rounded() / 10
                areas[i].covered = bestMinutes <= 20
                sites[best].needServed += areas[i].weight
            }
        }
        let names = Array(Set(areas.map(\.district))).sorted()
        return EstateMapData(
            title: "Synthetic England, \(areas.count) outlined areas", subtitle: "Benchmark instance (seed \(seed))",
            status: "Solver: optimal, gap 0.00%", totals: [MapTotal("Sites kept", "\(open.count) of \(sites.count)")],
            areas: areas, sites: sites, districtTable: MapTable(header: ["District"], rows: names.map { [$0] }))
    }
}
