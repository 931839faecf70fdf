/// The covering structure of MCLP and LSCP after the classic reductions, so that the
/// MILP only holds what can matter:
/// - clients no site covers are dropped (MCLP: never covered; LSCP: reported infeasible);
/// - clients with the same covering set are merged into one row with their summed weight;
/// - a site whose covered clients are a subset of another site's, at no lower site cost,
///   is dropped (dominated column; among equals the lowest index stays);
/// - for set covering only, a client whose covering set contains another client's is
///   dropped (covering the smaller set covers it too: dominated row).
struct CoverageReduction {
    /// Kept sites (original indices, ascending).
    var sites: [Int] = []
    /// Per kept row: the positions in `sites` that cover it, ascending.
    var rows: [[Int]] = []
    /// Per kept row: the summed weight of the clients it stands for.
    var rowWeights: [Double] = []
    /// Clients that no site covers.
    var uncoverable: [Int] = []

    init(costs: ServiceCosts, radius: Double, weights: [Double], siteCosts: [Double]?, dropZeroWeight: Bool,
         dropDominatedRows: Bool) {
        // 1. Covering sets per client, merged when identical.
        var index: [[Int]: Int] = [:]
        var sets: [[Int]] = []
        var setWeights: [Double] = []
        for i in 0 ..< costs.clientCount {
            let covering = costs.entries(ofClient: i).filter { $0.1 <= radius }.map(\.0)
            if covering.isEmpty { uncoverable.append(i); continue }
            if dropZeroWeight && weights[i] == 0 { continue }
            if let g = index[covering] { setWeights[g] += weights[i] } else {
                index[covering] = sets.count
                sets.append(covering)
                setWeights.append(weights[i])
            }
        }
        // 2. Dominated sites, as bitsets over the merged rows.
        let m = costs.siteCount, words = (sets.count + 63) / 64
        var columns = [UInt64](repeating: 0, count: m * max(words, 1))
        var used = [Bool](repeating: false, count: m)
        for (g, set) in sets.enumerated() {
            for j in set { columns[j * words + g / 64] |= 1 << UInt64(g % 64); used[j] = true }
        }
        func subset(_ a: Int, _ b: Int) -> Bool {
            for w in 0 ..< words where columns[a * words + w] & ~columns[b * words + w] != 0 { return false }
            return true
        }
        let cost = { (j: Int) in siteCosts?[j] ?? 0 }
        var kept = [Bool](repeating: false, count: m)
        for j in 0 ..< m where used[j] {
            kept[j] = !(0 ..< m).contains { k in
                guard k != j, used[k], cost(k) <= cost(j), subset(j, k) else { return false }
                // Equal sets at equal cost: keep the lowest index only.
                return !(subset(k, j) && cost(k) == cost(j) && k > j)
            }
        }
        sites = (0 ..< m).filter { kept[$0] }
        var position = [Int](repeating: -1, count: m)
        for (p, j) in sites.enumerated() { position[j] = p }
        var reducedRows = sets.map { $0.compactMap { position[$0] >= 0 ? position[$0] : nil } }
        var reducedWeights = setWeights
        // 3. Set covering: drop rows whose covering set contains another row's (and re-merge equals).
        if dropDominatedRows {
            let siteWords = (sites.count + 63) / 64
            let bits = reducedRows.map { row -> [UInt64] in
                var b = [UInt64](repeating: 0, count: siteWords)
                for p in row { b[p / 64] |= 1 << UInt64(p % 64) }
                return b
            }
            let order = reducedRows.indices.sorted { (reducedRows[$0].count, $0) < (reducedRows[$1].count, $1) }
            var keep: [Int] = []
            for g in order {
                let dominated = keep.contains { h in
                    (0 ..< siteWords).allSatisfy { bits[h][$0] & ~bits[g][$0] == 0 }
                }
                if !dominated { keep.append(g) }
            }
            keep.sort()
            reducedRows = keep.map { reducedRows[$0] }
            reducedWeights = keep.map { reducedWeights[$0] }
        }
        rows = reducedRows
        rowWeights = reducedWeights
    }
}

/// What a set of open sites covers: the covered weight and, per client, its cheapest
/// covering open site (-1 when none).
func coverage(costs: ServiceCosts, radius: Double, weights: [Double], openSites: [Int]) -> (weight: Double, assignment: [Int]) {
    let isOpen = Set(openSites)
    var total = 0.0
    var assignment = [Int](repeating: -1, count: costs.clientCount)
    for i in 0 ..< costs.clientCount {
        var best = Double.infinity
        for (site, cost) in costs.entries(ofClient: i) where cost <= radius && cost < best && isOpen.contains(site) {
            best = cost
            assignment[i] = site
        }
        if assignment[i] >= 0 { total += weights[i] }
    }
    return (total, assignment)
}
