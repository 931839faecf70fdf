/// Greedy construction followed by best-improvement interchange (Teitz and Bart's swap,
/// evaluated in O(clients + p) per candidate with nearest and second-nearest open sites,
/// as in Whitaker's fast interchange). Its result is offered to GLPK as the first
/// incumbent, which lets branch and bound prune from the start.
struct PMedianHeuristic {
    let clientCount: Int
    let siteCount: Int
    /// Row-major client x site costs, +infinity where not allowed.
    let dense: [Double]
    let weights: [Double]
    let medians: Int
    let budget: SiteBudget?

    /// Open sites in ascending order, or nil when no feasible set was found.
    func solve() -> [Int]? {
        guard var open = greedy() else { return nil }
        interchange(&open)
        return open.sorted()
    }

    /// Adds the site that lowers the total cost most, p times (unserved clients count as very costly).
    func greedy() -> [Int]? {
        let unserved = 1e15
        var current = [Double](repeating: unserved, count: clientCount)
        var isOpen = [Bool](repeating: false, count: siteCount)
        var open: [Int] = []
        var spent = 0.0
        for _ in 0 ..< medians {
            var bestSite = -1, bestGain = -1.0
            for j in 0 ..< siteCount where !isOpen[j] {
                if let budget, spent + budget.siteCosts[j] > budget.budget * (1 + 1e-12) + 1e-9 { continue }
                var gain = 0.0
                for i in 0 ..< clientCount {
                    let d = dense[i * siteCount + j]
                    if d < current[i] { gain += (current[i] == unserved ? 1 : weights[i]) * (current[i] - d) }
                }
                if gain > bestGain { bestGain = gain; bestSite = j }
            }
            guard bestSite >= 0 else { return nil }
            isOpen[bestSite] = true
            open.append(bestSite)
            spent += budget?.siteCosts[bestSite] ?? 0
            for i in 0 ..< clientCount { current[i] = min(current[i], dense[i * siteCount + bestSite]) }
        }
        return current.allSatisfy({ $0 < unserved }) ? open : nil
    }

    /// Swaps one open site for one closed site while that lowers the total cost.
    func interchange(_ open: inout [Int]) {
        var isOpen = [Bool](repeating: false, count: siteCount)
        for j in open { isOpen[j] = true }
        var nearest = [Int](repeating: 0, count: clientCount)
        var d1 = [Double](repeating: 0, count: clientCount)
        var d2 = [Double](repeating: 0, count: clientCount)
        var loss = [Double](repeating: 0, count: siteCount)
        var spent = budget.map { b in open.reduce(0.0) { $0 + b.siteCosts[$1] } } ?? 0
        while true {
            for i in 0 ..< clientCount {
                var best = Double.infinity, second = Double.infinity, at = -1
                for j in open {
                    let d = dense[i * siteCount + j]
                    if d < best { second = best; best = d; at = j } else if d < second { second = d }
                }
                nearest[i] = at
                d1[i] = best
                d2[i] = second
            }
            var bestDelta = -1e-9 * max(1, d1.indices.reduce(0.0) { $0 + weights[$1] * d1[$1] })
            var bestIn = -1, bestOut = -1
            for j in 0 ..< siteCount where !isOpen[j] {
                for r in open { loss[r] = 0 }
                var gain = 0.0
                for i in 0 ..< clientCount {
                    let d = dense[i * siteCount + j]
                    let w = weights[i]
                    if d < d1[i] {
                        gain += w * (d1[i] - d)
                    } else {
                        let fallback = min(d, d2[i])
                        if fallback == .infinity {
                            loss[nearest[i]] = .infinity // closing its only site would strand the client
                        } else if w > 0 {
                            loss[nearest[i]] += w * (fallback - d1[i])
                        }
                    }
                }
                for r in open {
                    if let budget, spent - budget.siteCosts[r] + budget.siteCosts[j] > budget.budget * (1 + 1e-12) + 1e-9 {
                        continue
                    }
                    let delta = loss[r] - gain
                    if delta < bestDelta { bestDelta = delta; bestIn = j; bestOut = r }
                }
            }
            guard bestIn >= 0 else { return }
            isOpen[bestOut] = false
            isOpen[bestIn] = true
            open[open.firstIndex(of: bestOut)!] = bestIn
            if let budget { spent += budget.siteCosts[bestIn] - budget.siteCosts[bestOut] }
        }
    }
}
