import Estate
import Planning
import TestSupport

/// The seeded generator all test targets share, named for every file of this target.
typealias SplitMix64 = TestSupport.SplitMix64

/// A random planning instance on a unit square: integer minutes from Euclidean distance,
/// pairs kept within `horizon` minutes.
func randomInstance(seed: UInt64, areas n: Int, sites m: Int, districts: Int = 2, horizon: Double = 40,
                    statuses: Bool = false, capacities: Bool = false) -> PlanningInstance {
    var rng = SplitMix64(seed: seed)
    let areaXY = (0 ..< n).map { _ in (Double.random(in: 0 ... 1, using: &rng), Double.random(in: 0 ... 1, using: &rng)) }
    let siteXY = (0 ..< m).map { _ in (Double.random(in: 0 ... 1, using: &rng), Double.random(in: 0 ... 1, using: &rng)) }
    var pairs: [[(site: Int, minutes: Double)]] = []
    for (ax, ay) in areaXY {
        var list: [(site: Int, minutes: Double)] = []
        for (j, (sx, sy)) in siteXY.enumerated() {
            let minutes = (((ax - sx) * (ax - sx) + (ay - sy) * (ay - sy)).squareRoot() * 50).rounded()
            if minutes <= horizon { list.append((j, minutes)) }
        }
        pairs.append(list)
    }
    let status: [SiteStatus] = (0 ..< m).map { _ in
        guard statuses else { return .candidate }
        let r = Int.random(in: 0 ..< 10, using: &rng)
        return r == 0 ? .keep : (r == 1 ? .close : .candidate)
    }
    return PlanningInstance(
        areaWeight: (0 ..< n).map { _ in Double(Int.random(in: 1 ... 20, using: &rng)) },
        areaDemand: (0 ..< n).map { _ in Double(Int.random(in: 1 ... 10, using: &rng)) },
        areaDistrict: areaXY.map { min(districts - 1, Int($0.0 * Double(districts))) },
        districtNames: (0 ..< districts).map { "D\($0)" },
        siteCost: (0 ..< m).map { _ in Double(Int.random(in: 1 ... 9, using: &rng) * 100) },
        siteCarbon: (0 ..< m).map { _ in Double(Int.random(in: 1 ... 9, using: &rng)) },
        siteCapacity: (0 ..< m).map { _ in capacities ? Double(Int.random(in: 5 ... 30, using: &rng)) : nil },
        siteDistrict: siteXY.map { min(districts - 1, Int($0.0 * Double(districts))) },
        siteStatus: status,
        pairs: pairs)
}
