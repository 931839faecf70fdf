/// Greedy construction followed by best-improvement interchange (Teitz and Bart's swap,
/// evaluated in O(clients + p) per candidate with nearest and second-nearest open sites,
/// as in Whitaker's fast interchange). Its result is offered to GLPK as the first
/// incumbent, which lets branch and bound prune from the start.
///
/// Side limits (``PMedianProblem/limitRows``, fixed sites, a range of open counts) are kept:
/// the greedy first opens sites that lift rows below their lower limit (per-district minimums),
/// never breaks an upper limit, and a swap is taken only when every row still holds.
struct PMedianHeuristic {
    let clientCount: Int
    let siteCount: Int
    /// Row-major client x site costs, +infinity where not allowed.
    let dense: [Double]
    let weights: [Double]
    /// The most sites that open, and the fewest.
    let medians: Int
    let leastOpen: Int
    let rows: [SiteRow]
    let fixedOpen: [Int]

    init(problem: PMedianProblem, groups: ClientGroups, dense: [Double]) {
        clientCount = groups.count
        siteCount = problem.costs.siteCount
        self.dense = dense
        weights = groups.weights
        medians = problem.medians
        leastOpen = problem.minimumOpen
        rows = problem.limitRows
        fixedOpen = Array(Set(problem.fixedOpen)).sorted()
    }

    /// Each row's sum over `open`.
    private func rowValues(_ open: [Int]) -> [Double] {
        rows.map { row in open.reduce(0.0) { $0 + row.coefficients[$1] } }
    }

    private func fitsAdding(_ j: Int, to values: [Double]) -> Bool {
        rows.indices.allSatisfy { r in values[r] + rows[r].coefficients[j] <= rows[r].upper + 1e-12 * abs(rows[r].upper) + 1e-9 }
    }

    /// Open sites in ascending order, or nil when no feasible set was found.
    ///
    /// The greedy may leave clients without an allowed open site (with p = 12 on the generated
    /// 1,000-area county with pairs within 45 minutes it left some): the interchange then starts
    /// from it anyway, charging an unserved client ``unservedCost``, and most often repairs it.
    func solve() -> [Int]? {
        guard var open = greedy() else { return nil }
        interchange(&open)
        return serves(open) ? open.sorted() : nil
    }

    /// Whether every client has an allowed site among `open`.
    func serves(_ open: [Int]) -> Bool {
        (0 ..< clientCount).allSatisfy { i in open.contains { dense[i * siteCount + $0] < .infinity } }
    }

    /// What the interchange charges a client per unit of weight when no open site may serve it:
    /// above any allowed cost, so that serving it always pays, yet finite so that swaps compare.
    var unservedCost: Double {
        10 * (1 + (dense.lazy.filter { $0 < .infinity }.max() ?? 0))
    }

    /// Opens the fixed sites, then the site that lowers the total cost most (unserved clients
    /// count as very costly), first among sites that lift a row still below its lower limit, until
    /// every row is met and `medians` are open (or, above the fewest allowed, no site gains). Nil
    /// when the rows or the count cannot be met; clients may remain unserved.
    func greedy() -> [Int]? {
        let unserved = 1e15
        var current = [Double](repeating: unserved, count: clientCount)
        var isOpen = [Bool](repeating: false, count: siteCount)
        var open: [Int] = []
        var values = rowValues([])
        func openSite(_ j: Int) {
            isOpen[j] = true
            open.append(j)
            for r in rows.indices { values[r] += rows[r].coefficients[j] }
            for i in 0 ..< clientCount { current[i] = min(current[i], dense[i * siteCount + j]) }
        }
        for j in fixedOpen { openSite(j) }
        while open.count < medians {
            let short = rows.indices.filter { values[$0] < rows[$0].lower - 1e-12 * abs(rows[$0].lower) - 1e-9 }
            var bestSite = -1, bestGain = -1.0
            for j in 0 ..< siteCount where !isOpen[j] && fitsAdding(j, to: values) {
                if !short.isEmpty && !short.contains(where: { rows[$0].coefficients[j] > 0 }) { continue }
                var gain = 0.0
                for i in 0 ..< clientCount {
                    let d = dense[i * siteCount + j]
                    if d < current[i] { gain += (current[i] == unserved ? 1 : weights[i]) * (current[i] - d) }
                }
                if gain > bestGain { bestGain = gain; bestSite = j }
            }
            guard bestSite >= 0 else { break }
            if short.isEmpty && open.count >= leastOpen && bestGain <= 0 { break }
            openSite(bestSite)
        }
        guard open.count >= leastOpen, rows.indices.allSatisfy({ rows[$0].admits(values[$0]) }) else { return nil }
        return open
    }

    /// Swaps one open site for one closed site while that lowers the total cost (a client without
    /// an allowed open site costs ``unservedCost``).
    func interchange(_ open: inout [Int]) {
        let unserved = unservedCost
        @inline(__always) func cost(_ i: Int, _ j: Int) -> Double {
            let d = dense[i * siteCount + j]
            return d < .infinity ? d : unserved
        }
        /// Client i's share of the total at cost d: an unserved client is charged once more, so
        /// that stranding even a weightless client never pays.
        @inline(__always) func charge(_ i: Int, _ d: Double) -> Double {
            weights[i] * d + (d == unserved ? unserved : 0)
        }
        var isOpen = [Bool](repeating: false, count: siteCount)
        for j in open { isOpen[j] = true }
        var nearest = [Int](repeating: 0, count: clientCount)
        var d1 = [Double](repeating: 0, count: clientCount)
        var d2 = [Double](repeating: 0, count: clientCount)
        var loss = [Double](repeating: 0, count: siteCount)
        var values = rowValues(open)
        let fixed = Set(fixedOpen)
        while true {
            for i in 0 ..< clientCount {
                var best = Double.infinity, second = Double.infinity, at = -1
                for j in open {
                    let d = cost(i, j)
                    if d < best { second = best; best = d; at = j } else if d < second { second = d }
                }
                nearest[i] = at
                d1[i] = best
                d2[i] = second
            }
            var bestDelta = -1e-9 * max(1, d1.indices.reduce(0.0) { $0 + charge($1, d1[$1]) })
            var bestIn = -1, bestOut = -1
            for j in 0 ..< siteCount where !isOpen[j] {
                for r in open { loss[r] = 0 }
                var gain = 0.0
                for i in 0 ..< clientCount {
                    let d = cost(i, j)
                    if d < d1[i] {
                        gain += charge(i, d1[i]) - charge(i, d)
                    } else if nearest[i] >= 0 {
                        loss[nearest[i]] += charge(i, min(d, d2[i])) - charge(i, d1[i])
                    }
                }
                for r in open where !fixed.contains(r) {
                    if !rows.indices.allSatisfy({ k in
                        rows[k].admits(values[k] - rows[k].coefficients[r] + rows[k].coefficients[j])
                    }) { continue }
                    let delta = loss[r] - gain
                    if delta < bestDelta { bestDelta = delta; bestIn = j; bestOut = r }
                }
            }
            guard bestIn >= 0 else { return }
            isOpen[bestOut] = false
            isOpen[bestIn] = true
            open[open.firstIndex(of: bestOut)!] = bestIn
            for k in rows.indices { values[k] += rows[k].coefficients[bestIn] - rows[k].coefficients[bestOut] }
        }
    }
}
