/// The Lagrangian bound of single sourcing where every area must be served: the rows
/// `sum_j x_ij = 1` move into the objective with multipliers `u_i`, leaving one 0-1 knapsack per
/// site (which areas it would take, within its capacity) and the choice of sites by the kept-site
/// limits. Every other row (budget, coverage shares...) is dropped, which only weakens the bound.
///
/// Why: the knapsacks are solved as integers, so the bound is stronger than the LP relaxation's
/// (on OR-Library's pmedcap the LP leaves 1-2% that GLPK's branch and cut closes slowly), and the
/// same knapsacks say, for each pair, how much the bound rises if the pair is forced: a pair that
/// lifts it above the best known plan is absent from every plan at least as good (Lagrangian
/// reduced-cost fixing). Subgradient steps (Held, Wolfe and Crowder) adjust the multipliers; the
/// sites each step keeps are handed to the heuristic's assignment, which often finds better plans.
struct SingleSourceLagrangian {
    let heuristic: SingleSourceHeuristic
    /// Per site: the areas it may serve, with their cost.
    private let siteAreas: [[(area: Int, cost: Double)]]
    /// Integer knapsack weights and capacities: demand and capacity scaled so that no capacity
    /// exceeds `maximumCells`, rounded down (a relaxation: a set of areas that fits still fits).
    private let weight: [Int]
    private let capacityCells: [Int?]
    private static let maximumCells = 4000

    init(_ heuristic: SingleSourceHeuristic) {
        self.heuristic = heuristic
        var lists = [[(area: Int, cost: Double)]](repeating: [], count: heuristic.siteCount)
        for i in 0 ..< heuristic.areaCount {
            for option in heuristic.options[i] { lists[option.site].append((i, option.cost)) }
        }
        siteAreas = lists
        let largest = heuristic.capacity.filter(\.isFinite).max() ?? 1
        let scale = min(1, Double(Self.maximumCells) / max(1, largest))
        weight = heuristic.demand.map { Int(($0 * scale).rounded(.down)) }
        capacityCells = heuristic.capacity.map { $0.isFinite ? Int(($0 * scale).rounded(.down)) : nil }
    }

    /// The relaxation's value at `u`, with the sites it keeps and, per kept site, the areas it takes.
    struct Evaluation {
        var bound: Double
        /// Each site's knapsack value (the most negative sum of `cost - u_i` it can take) plus its cost.
        var siteValue: [Double]
        var keep: [Bool]
        var taken: [[Int]]
    }

    func evaluate(_ u: [Double]) -> Evaluation {
        let m = heuristic.siteCount
        var value = [Double](repeating: 0, count: m)
        var taken = [[Int]](repeating: [], count: m)
        for j in 0 ..< m where heuristic.free[j] || heuristic.fixedOpen[j] {
            let items = siteAreas[j].filter { u[$0.area] - $0.cost > 1e-12 }
            let chosen = knapsack(items.map { ($0.area, u[$0.area] - $0.cost) }, capacity: capacityCells[j])
            value[j] = heuristic.siteCost[j] - chosen.profit
            taken[j] = chosen.areas
        }
        let keep = choose(value)
        var bound = u.reduce(0, +)
        for j in 0 ..< m where keep[j] { bound += value[j] }
        return Evaluation(bound: bound, siteValue: value, keep: keep, taken: taken)
    }

    /// The kept sites that minimise the sum of site values within the limits on kept sites.
    private func choose(_ value: [Double]) -> [Bool] {
        var keep = heuristic.fixedOpen
        let fixed = keep.filter { $0 }.count
        let order = (0 ..< heuristic.siteCount).filter { heuristic.free[$0] }.sorted { (value[$0], $0) < (value[$1], $1) }
        var count = fixed
        for j in order where count < heuristic.maxOpen && (count < heuristic.minOpen || value[j] < 0) {
            keep[j] = true
            count += 1
        }
        return keep
    }

    /// 0-1 knapsack by dynamic programming over integer weights: the largest total profit and the
    /// areas taking it. Unlimited capacity takes every item.
    private func knapsack(_ items: [(area: Int, profit: Double)], capacity: Int?) -> (profit: Double, areas: [Int]) {
        guard let capacity else { return (items.reduce(0) { $0 + $1.profit }, items.map(\.area)) }
        let fitting = items.filter { weight[$0.area] <= capacity }
        guard !fitting.isEmpty else { return (0, []) }
        let width = capacity + 1
        var best = [Double](repeating: 0, count: width)
        var took = [Bool](repeating: false, count: fitting.count * width)
        for (k, item) in fitting.enumerated() {
            let w = weight[item.area]
            if w == 0 {
                for c in 0 ..< width { best[c] += item.profit; took[k * width + c] = true }
                continue
            }
            var c = capacity
            while c >= w {
                let with = best[c - w] + item.profit
                if with > best[c] { best[c] = with; took[k * width + c] = true }
                c -= 1
            }
        }
        var areas: [Int] = []
        var c = capacity
        for k in stride(from: fitting.count - 1, through: 0, by: -1) where took[k * width + c] {
            areas.append(fitting[k].area)
            c -= weight[fitting[k].area]
        }
        return (best[capacity], areas)
    }

    /// Subgradient optimisation from `start` until `deadline`; the kept sites of the steps, with the
    /// site that took each area, are offered to `improve` (which returns the best plan's cost so far).
    /// `converged` when it ended on its own (the step became negligible, the bound reached the best
    /// plan, or the relaxation's plan was feasible), not at `deadline` or its count of steps.
    func maximise(start: [Double], upper initialUpper: Double, deadline: ContinuousClock.Instant,
                  improve: ([Bool], [Int?]) -> Double) -> (bound: Double, multipliers: [Double], converged: Bool) {
        var u = start
        var best = (bound: -Double.infinity, multipliers: start, converged: false)
        var upper = initialUpper
        var step = 2.0
        var sinceImproved = 0
        var tried = Set<[Bool]>()
        for iteration in 0 ..< 3000 {
            // At least one evaluation: any multipliers give a bound, so one is always reported.
            guard iteration == 0 || ContinuousClock.now < deadline else { break }
            let evaluation = evaluate(u)
            if !best.bound.isFinite || evaluation.bound > best.bound + 1e-9 * max(1, abs(best.bound)) {
                best = (evaluation.bound, u, false)
                sinceImproved = 0
            } else {
                sinceImproved += 1
                if sinceImproved >= 30 { step /= 2; sinceImproved = 0 }
            }
            var served = [Int](repeating: 0, count: heuristic.areaCount)
            var takenBy = [Int?](repeating: nil, count: heuristic.areaCount)
            for j in 0 ..< heuristic.siteCount where evaluation.keep[j] {
                for i in evaluation.taken[j] { served[i] += 1; takenBy[i] = j }
            }
            if iteration % 10 == 0 || tried.insert(evaluation.keep).inserted {
                // The relaxation's own plan, repaired: each area to the one site that took it.
                for i in 0 ..< heuristic.areaCount where served[i] != 1 { takenBy[i] = nil }
                upper = min(upper, improve(evaluation.keep, takenBy))
            }
            if step < 1e-4 || upper - best.bound <= 1e-9 * max(1, abs(upper)) {
                best.converged = true
                break
            }
            var norm = 0.0
            for i in 0 ..< heuristic.areaCount where !heuristic.options[i].isEmpty {
                let g = Double(1 - served[i])
                norm += g * g
            }
            guard norm > 0 else { // every area served once: the relaxation's plan is feasible
                best.converged = true
                break
            }
            let length = step * (upper - evaluation.bound) / norm
            for i in 0 ..< heuristic.areaCount where !heuristic.options[i].isEmpty { u[i] += length * Double(1 - served[i]) }
        }
        return best
    }

    /// Pairs `(area, site)` and sites that, forced into the relaxation at `u`, lift its bound above
    /// `upper`: no plan at least as good as `upper` uses them; and free sites that, forced out of
    /// it, lift the bound above `upper`: every plan at least as good as `upper` keeps them.
    func provenAbsent(_ u: [Double], upper: Double) -> (pairs: Set<Pair>, sites: [Int], kept: [Int]) {
        let evaluation = evaluate(u)
        let tolerance = 1e-6 * max(1, abs(upper))
        let kept = (0 ..< heuristic.siteCount).filter { evaluation.keep[$0] }
        // The bound with site j forced open (with its value replaced): the kept sites stay, except
        // that the worst kept free site goes when the count is full, or when it was kept only to
        // reach the minimum (a positive value), which j now helps reach.
        let worst = kept.filter { heuristic.free[$0] }.map { evaluation.siteValue[$0] }.max()
        func boundWith(_ j: Int, value: Double) -> Double {
            if evaluation.keep[j] { return evaluation.bound - evaluation.siteValue[j] + value }
            let full = kept.count >= heuristic.maxOpen
            guard let worst else { return full ? .infinity : evaluation.bound + value }
            return evaluation.bound + value - (full || worst > 0 ? worst : 0)
        }
        // The bound with kept free site j forced closed: its value goes, and the best closed free
        // site comes in when the count would fall below the minimum or when its value is negative.
        let outside = (0 ..< heuristic.siteCount).filter { heuristic.free[$0] && !evaluation.keep[$0] }
            .map { evaluation.siteValue[$0] }.min()
        func boundWithout(_ j: Int) -> Double {
            let reduced = evaluation.bound - evaluation.siteValue[j]
            guard let outside else { return kept.count - 1 < heuristic.minOpen ? .infinity : reduced }
            return reduced + (kept.count - 1 < heuristic.minOpen ? outside : min(0, outside))
        }
        let keptAnyway = kept.filter { heuristic.free[$0] && boundWithout($0) > upper + tolerance }
        var pairs = Set<Pair>()
        var sites: [Int] = []
        for j in 0 ..< heuristic.siteCount where heuristic.free[j] || heuristic.fixedOpen[j] {
            if heuristic.free[j], !evaluation.keep[j], boundWith(j, value: evaluation.siteValue[j]) > upper + tolerance {
                sites.append(j)
                continue
            }
            // Forcing area i into site j's knapsack: its own term plus the best of the others
            // within the capacity left.
            let items = siteAreas[j].filter { u[$0.area] - $0.cost > 1e-12 }
            let forced = forcedValues(siteAreas[j], items: items.map { ($0.area, u[$0.area] - $0.cost) }, capacity: capacityCells[j], u: u)
            for (area, profit) in forced {
                let value = heuristic.siteCost[j] - profit
                if boundWith(j, value: value) > upper + tolerance { pairs.insert(Pair(area: area, site: j)) }
            }
        }
        return (pairs, sites, keptAnyway)
    }

    struct Pair: Hashable {
        var area: Int
        var site: Int
    }

    /// For each area of `all`, the largest knapsack profit of site j with that area forced in.
    private func forcedValues(_ all: [(area: Int, cost: Double)], items: [(area: Int, profit: Double)], capacity: Int?,
                              u: [Double]) -> [(area: Int, profit: Double)] {
        guard let capacity else {
            let total = items.reduce(0) { $0 + $1.profit }
            return all.map { entry in
                let own = u[entry.area] - entry.cost
                return (entry.area, own > 1e-12 ? total : total + own)
            }
        }
        let fitting = items.filter { weight[$0.area] <= capacity }
        let width = capacity + 1
        // prefix[k][c]: best profit of items 0..<k within c; suffix[k][c]: of items k...
        var prefix = [[Double]](repeating: [Double](repeating: 0, count: width), count: fitting.count + 1)
        for (k, item) in fitting.enumerated() {
            prefix[k + 1] = prefix[k]
            let w = weight[item.area]
            if w <= capacity { for c in w ..< width { prefix[k + 1][c] = max(prefix[k + 1][c], prefix[k][c - w] + item.profit) } }
        }
        var suffix = [[Double]](repeating: [Double](repeating: 0, count: width), count: fitting.count + 1)
        for k in stride(from: fitting.count - 1, through: 0, by: -1) {
            suffix[k] = suffix[k + 1]
            let w = weight[fitting[k].area]
            if w <= capacity { for c in w ..< width { suffix[k][c] = max(suffix[k][c], suffix[k + 1][c - w] + fitting[k].profit) } }
        }
        let position = Dictionary(uniqueKeysWithValues: fitting.enumerated().map { ($0.element.area, $0.offset) })
        return all.compactMap { entry in
            let w = weight[entry.area]
            guard w <= capacity else { return nil } // never a column: the pair is over capacity
            let own = u[entry.area] - entry.cost
            let room = capacity - w
            if let k = position[entry.area] {
                var others = 0.0
                for a in 0 ... room { others = max(others, prefix[k][a] + suffix[k + 1][room - a]) }
                return (entry.area, own + others)
            }
            return (entry.area, own + prefix[fitting.count][room])
        }
    }
}
