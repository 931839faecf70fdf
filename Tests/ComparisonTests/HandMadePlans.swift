import Foundation
import Reports

/// A tiny estate, small enough to tabulate by hand: three sites (S3 must stay open) and four
/// areas in two districts, coverage within 20 minutes.
///
/// | site | district | cost | carbon |      | area | district | children = weight |
/// |------|----------|------|--------|------|------|----------|-------------------|
/// | S1   | North    | 100  | 1      |      | N1   | North    | 10                |
/// | S2   | North    | 200  | 2      |      | N2   | North    | 20                |
/// | S3   | South    | 300  | 3      |      | Sa   | South    | 30                |
/// |      |          |      |        |      | Sb   | South    | 40                |
enum HandMade {
    struct AreaOutcome {
        var site: String?
        var minutes: Double?
        var covered: Bool
    }

    static let siteRows: [(id: String, name: String, kind: String, district: String, cost: Double, carbon: Double, status: String)] = [
        ("S1", "North Centre", "childrens_centre", "North", 100, 1, "candidate"),
        ("S2", "North Hub", "youth_hub", "North", 200, 2, "candidate"),
        ("S3", "South Hub", "family_hub", "South", 300, 3, "keep"),
    ]
    static let areaRows: [(id: String, district: String, children: Double)] = [
        ("N1", "North", 10), ("N2", "North", 20), ("Sa", "South", 30), ("Sb", "South", 40),
    ]
    static let positions: [String: (lat: Double, lon: Double)] = [
        "S1": (51.30, 0.50), "S2": (51.32, 0.55), "S3": (51.10, 0.60),
        "N1": (51.31, 0.51), "N2": (51.33, 0.56), "Sa": (51.11, 0.61), "Sb": (51.05, 0.70),
    ]

    /// A keeps S1 and S3: N1 covered (5 min), N2 not (25 min to S1), Sa covered, Sb not (30 min).
    /// Median minutes (as `equality.csv` gives them): all areas 17.5 (10 and 25), North 15.
    static let optionA: (keep: Set<String>, areas: [AreaOutcome], medians: (all: Double, north: Double)) = (["S1", "S3"], [
        AreaOutcome(site: "S1", minutes: 5, covered: true), AreaOutcome(site: "S1", minutes: 25, covered: false),
        AreaOutcome(site: "S3", minutes: 10, covered: true), AreaOutcome(site: "S3", minutes: 30, covered: false),
    ], (17.5, 15))
    /// B keeps S2 and S3: N1 loses coverage (22 min), N2 gains it (8 min). Medians: all 16 (10
    /// and 22), North 15.
    static let optionB: (keep: Set<String>, areas: [AreaOutcome], medians: (all: Double, north: Double)) = (["S2", "S3"], [
        AreaOutcome(site: "S2", minutes: 22, covered: false), AreaOutcome(site: "S2", minutes: 8, covered: true),
        AreaOutcome(site: "S3", minutes: 10, covered: true), AreaOutcome(site: "S3", minutes: 30, covered: false),
    ], (16, 15))
    /// C keeps every site: N1 and N2 both covered. Medians: all 9 (8 and 10), North 6.5.
    static let optionC: (keep: Set<String>, areas: [AreaOutcome], medians: (all: Double, north: Double)) = (["S1", "S2", "S3"], [
        AreaOutcome(site: "S1", minutes: 5, covered: true), AreaOutcome(site: "S2", minutes: 8, covered: true),
        AreaOutcome(site: "S3", minutes: 10, covered: true), AreaOutcome(site: "S3", minutes: 30, covered: false),
    ], (9, 6.5))

    /// The files `estate plan` would write for an option (the subset a comparison reads).
    static func files(_ option: (keep: Set<String>, areas: [AreaOutcome], medians: (all: Double, north: Double)), coverageOfAll: String = "0.5") -> [String: [UInt8]] {
        let kept = siteRows.filter { option.keep.contains($0.id) }
        let cost = kept.reduce(0) { $0 + $1.cost }, carbon = kept.reduce(0) { $0 + $1.carbon }
        var covered = 0.0
        for (i, area) in areaRows.enumerated() where option.areas[i].covered { covered += area.children }
        let summary = """
            {"engine": "test", "scenario": {"file": "hand.yaml", "dataset": "hand", "coverage_minutes": 20},
             "status": "optimal", "objective_name": "max_coverage", "objective": \(covered), "bound": \(covered), "gap": 0,
             "seconds": 0.01, "totals": {"sites_kept": \(kept.count), "sites_closed": \(3 - kept.count), "cost": \(cost),
             "saving": \(600 - cost), "carbon": \(carbon), "carbon_saving": \(6 - carbon), "coverage": \(covered / 100),
             "covered_weight": \(covered), "total_weight": 100, "weighted_minutes": 0, "visits_displaced": 0}}
            """
        var sites = "site_id,name,kind,district,decision,status,annual_cost,carbon\n"
        for s in siteRows {
            sites += "\(s.id),\(s.name),\(s.kind),\(s.district),\(option.keep.contains(s.id) ? "kept" : "closed"),\(s.status),\(s.cost),\(s.carbon)\n"
        }
        var areas = "area_id,district,children,weight,site_id,minutes,covered,covered_share\n"
        for (i, a) in areaRows.enumerated() {
            let o = option.areas[i]
            areas += "\(a.id),\(a.district),\(a.children),\(a.children),\(o.site ?? ""),\(o.minutes.map { "\($0)" } ?? ""),\(o.covered),\(o.covered ? 1 : 0)\n"
        }
        var features: [String] = []
        for s in siteRows {
            let p = positions[s.id]!
            features.append(#"{"type":"Feature","geometry":{"type":"Point","coordinates":[\#(p.lon),\#(p.lat)]},"properties":{"feature":"site","site_id":"\#(s.id)"}}"#)
        }
        for a in areaRows {
            let p = positions[a.id]!
            features.append(#"{"type":"Feature","geometry":{"type":"Point","coordinates":[\#(p.lon),\#(p.lat)]},"properties":{"feature":"area","area_id":"\#(a.id)"}}"#)
        }
        let geojson = #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
        let equality = """
            group,label,areas,children,coverage,weight_coverage,median_minutes,mean_minutes,worst_minutes,unreachable_areas,visits_displaced,displaced_share
            all,all areas,4,100,\(coverageOfAll),0.5,\(option.medians.all),17.0,30.0,0,0.0,
            district,North,2,30,0.6667,0.6667,\(option.medians.north),12.7,22.0,0,0.0,

            """
        return ["summary.json": Array(summary.utf8), "sites.csv": Array(sites.utf8), "areas.csv": Array(areas.utf8),
                "estate.geojson": Array(geojson.utf8), "equality.csv": Array(equality.utf8)]
    }

    static func record(_ name: String, _ files: [String: [UInt8]]) throws -> PlanRecord {
        try PlanFolderReader.read(files: files, location: name, name: name, source: name)
    }

    /// `files` with one file's text edited.
    static func edited(_ files: [String: [UInt8]], _ name: String, _ edit: (String) -> String) -> [String: [UInt8]] {
        var copy = files
        copy[name] = Array(edit(String(decoding: files[name]!, as: UTF8.self)).utf8)
        return copy
    }
}
