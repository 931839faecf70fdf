import Estate
import EstateMap
import Foundation
import Seeding

/// A Kent-shaped synthetic estate as map data, without the planner: areas clustered around the
/// twelve Kent district centres, need rising towards the east coast, sites near areas, each area
/// served by its nearest open site at 30 km/h with circuity 1.3, covered within 20 minutes.
/// One copy for the map tests and the map benchmark (`benchmarks/Map`), so both draw the same estate.
public enum SyntheticEstate {
    public static let districts: [(name: String, lat: Double, lon: Double)] = [
        ("Ashford", 51.14, 0.85), ("Canterbury", 51.29, 1.08), ("Dartford", 51.43, 0.23), ("Dover", 51.17, 1.26),
        ("Folkestone & Hythe", 51.08, 1.03), ("Gravesham", 51.41, 0.37), ("Maidstone", 51.25, 0.56),
        ("Sevenoaks", 51.26, 0.18), ("Swale", 51.34, 0.80), ("Thanet", 51.36, 1.37),
        ("Tonbridge & Malling", 51.27, 0.39), ("Tunbridge Wells", 51.12, 0.31),
    ]

    /// Estimated travel minutes: great-circle kilometres x 1.3 at 30 km/h.
    public static func minutes(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        Geodesy.distanceKm(latitude1: lat1, longitude1: lon1, latitude2: lat2, longitude2: lon2) * 1.3 / 30 * 60
    }

    /// `areaCount` areas and `siteCount` sites from `seed` (the same seed, the same estate).
    public static func make(areas areaCount: Int, sites siteCount: Int, seed: UInt64) -> EstateMapData {
        var rng = SplitMix64(seed: seed)
        var areas: [MapArea] = []
        for i in 0..<areaCount {
            let d = districts[Int.random(in: 0..<districts.count, using: &rng)]
            let spread = Double.random(in: 0..<1, using: &rng) < 0.6 ? 0.025 : 0.07
            let lat = d.lat + spread * rng.normal(), lon = d.lon + spread * 1.6 * rng.normal()
            // Districts are contiguous, as real ones are: an area belongs to the nearest district centre.
            let home = districts.min { minutes(lat, lon, $0.lat, $0.lon) < minutes(lat, lon, $1.lat, $1.lon) }!
            let need = max(0, 0.5 + 0.8 * (lon - 0.2) + 0.4 * rng.normal() + (spread < 0.03 ? 0.3 : 0))
            let children = Double(Int.random(in: 150...650, using: &rng))
            areas.append(MapArea(id: String(format: "E0100%04d", i), district: home.name, lat: lat, lon: lon, need: need,
                                 weight: children * (1 + need), children: children, hub: nil, minutes: nil, covered: false))
        }
        var sites: [MapSite] = []
        for j in 0..<siteCount {
            let anchor = areas[Int.random(in: 0..<areas.count, using: &rng)]
            let roll = Double.random(in: 0..<1, using: &rng)
            let decision: SiteDecision = roll < 0.08 ? .mustKeep : roll < 0.62 ? .kept : .closed
            let kind = ["childrens_centre", "youth_hub", "family_hub", "partner"][j % 4]
            sites.append(MapSite(id: String(format: "S%03d", j), name: "\(anchor.district) \(kind.replacingOccurrences(of: "_", with: " ")) \(j)",
                                 kind: kind, district: anchor.district, lat: anchor.lat + 0.004 * rng.normal(),
                                 lon: anchor.lon + 0.006 * rng.normal(), decision: decision,
                                 annualCost: Double(Int.random(in: 40...200, using: &rng)) * 1000,
                                 carbon: Double(Int.random(in: 50...400, using: &rng)) / 10, needServed: 0))
        }
        for i in areas.indices {
            var best: (Int, Double)? = nil
            for (j, s) in sites.enumerated() where s.decision.isOpen {
                let m = minutes(areas[i].lat, areas[i].lon, s.lat, s.lon)
                if m <= 60, m < (best?.1 ?? .infinity) { best = (j, m) }
            }
            if let (j, m) = best {
                areas[i].hub = j
                areas[i].minutes = (m * 10).rounded() / 10
                areas[i].covered = m <= 20
                sites[j].needServed += areas[i].weight
            }
            areas[i].deprivationDecile = min(10, max(1, 10 - Int(areas[i].need * 4)))
        }
        let kept = sites.filter { $0.decision.isOpen }
        let rows = districts.map(\.name).sorted().map { name -> [String] in
            let inDistrict = sites.filter { $0.district == name }
            return [name, "\(inDistrict.filter { $0.decision.isOpen }.count)", "\(inDistrict.filter { !$0.decision.isOpen }.count)",
                    "£" + String(Int(inDistrict.filter { $0.decision.isOpen }.map(\.annualCost).reduce(0, +)))]
        }
        return EstateMapData(
            title: "Kent Family Hubs (synthetic)", subtitle: "Scenario: max coverage, budget £6m", status: "Solver: optimal, gap 0.00%",
            totals: [MapTotal("Sites kept", "\(kept.count) of \(sites.count)"),
                     MapTotal("Annual cost", "£" + String(Int(kept.map(\.annualCost).reduce(0, +))) + "/yr"),
                     MapTotal("Coverage", String(format: "%.1f%%", 100 * areas.filter(\.covered).map(\.weight).reduce(0, +) / areas.map(\.weight).reduce(0, +)))],
            areas: areas, sites: sites,
            districtTable: MapTable(header: ["District", "Kept", "Closed", "Cost"], rows: rows))
    }

    /// Option B of a comparison: the same estate with every `step`-th site's decision flipped.
    public static func difference(from a: EstateMapData, flipEvery step: Int) -> DifferenceMapData {
        var sitesB = a.sites
        for j in stride(from: 0, to: sitesB.count, by: step) where sitesB[j].decision != .mustKeep {
            sitesB[j].decision = sitesB[j].decision == .closed ? .kept : .closed
        }
        let areas = a.areas.map { area -> DifferenceArea in
            let best = sitesB.filter(\.decision.isOpen).map { minutes(area.lat, area.lon, $0.lat, $0.lon) }.filter { $0 <= 60 }.min()
            return DifferenceArea(id: area.id, district: area.district, lat: area.lat, lon: area.lon, children: area.children,
                                  minutesA: area.minutes, minutesB: best, coveredA: area.covered, coveredB: (best ?? .infinity) <= 20,
                                  outline: area.outline)
        }
        let sites = zip(a.sites, sitesB).map { sa, sb in
            DifferenceSite(id: sa.id, name: sa.name, kind: sa.kind, district: sa.district, lat: sa.lat, lon: sa.lon,
                           decisionA: sa.decision, decisionB: sb.decision)
        }
        return DifferenceMapData(title: "Kent Family Hubs (synthetic)", optionA: "Option A: budget £6m", optionB: "Option B: flipped sites",
                                 totals: [MapTotal("Sites changing", "\(sites.filter { $0.change == .closedInB || $0.change == .openedInB }.count)")],
                                 areas: areas, sites: sites, districtTable: a.districtTable)
    }
}
