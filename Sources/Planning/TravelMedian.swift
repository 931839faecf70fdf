import Estate
import LocationModels
import Optimisation

/// `min_travel` without capacity or coverage shares is a p-median problem with side limits, so
/// it is solved by the location library's p-median (greedy + interchange incumbent, reduced-cost
/// fixing, branch-and-Benders-cut), ties broken on the same master: one implementation of the model,
/// with the planner's site counts, budget, carbon cap, per-district minimums and kept and closed
/// sites on top. Measured on generated counties (benchmarks/planning/min_travel_highs.py).
enum TravelMedian {
    /// The share of the proof's simplex iterations the tie-break may take (see ``solve(_:options:)``).
    static let tieBreakShare = 0.1

    /// Whether the specification is such a problem.
    static func applies(to model: PlanningModel) -> Bool {
        let spec = model.specification, c = spec.constraints
        return spec.objective == .minTravel && c.capacity == nil && c.minCoverage == nil
            && c.minDistrictCoverage == nil && c.minDeprivedCoverage == nil
    }

    /// The solution, its ties broken (``Planner/tiesCanDiffer(_:)``), as a point of the planner's own
    /// formulation (so the decoding reads it like any other), with the p-median's status, bound and gap; nil when the limits
    /// leave no count of sites to open (the planner's model then explains why).
    static func solve(_ model: PlanningModel, options: SolveOptions) throws -> (solution: Solution, report: PMedianReport)? {
        let instance = model.instance, c = model.specification.constraints
        let limit = c.maxMinutes ?? .infinity
        let usable = (0 ..< instance.siteCount).filter { !model.siteFixedClosed[$0] }
        var position = [Int](repeating: -1, count: instance.siteCount)
        for (k, j) in usable.enumerated() { position[j] = k }
        var entries: [(client: Int, site: Int, cost: Double)] = []
        var weights: [Double] = []
        for i in 0 ..< instance.areaCount {
            let before = entries.count
            for p in instance.pairs(of: i) where instance.pairMinutes[p] <= limit && position[instance.pairSite[p]] >= 0 {
                entries.append((weights.count, position[instance.pairSite[p]], instance.pairMinutes[p]))
            }
            if entries.count > before { weights.append(instance.areaWeight[i]) }
        }
        let fixed = usable.indices.filter { model.siteFixedOpen[usable[$0]] }
        let most = min(c.maxSites ?? usable.count, usable.count)
        let least = max(1, c.minSites ?? 1, fixed.count)
        guard !weights.isEmpty, least <= most else { return nil }
        var rows: [SiteRow] = []
        if let budget = c.budget { rows.append(SiteRow(coefficients: usable.map { instance.siteCost[$0] }, upper: budget)) }
        if let cap = c.carbon { rows.append(SiteRow(coefficients: usable.map { instance.siteCarbon[$0] }, upper: cap)) }
        if let k = c.minPerDistrict {
            for d in 0 ..< instance.districtCount where instance.siteDistrict.contains(d) {
                rows.append(SiteRow(coefficients: usable.map { instance.siteDistrict[$0] == d ? 1 : 0 }, lower: Double(k)))
            }
        }
        let problem = PMedianProblem(
            costs: try ServiceCosts(clientCount: weights.count, siteCount: usable.count, entries: entries),
            weights: weights, medians: most, leastOpen: least, siteRows: rows, fixedOpen: fixed)
        // The planner's cut families (MIR only) here too: on 1,500 areas x 160 sites, p = 20, the
        // whole run took 19 s of CPU with them, 33 s with every family and 29 s without cuts.
        let result = try problem.solve(options: options)
        let report = PMedianReport(result)
        guard !result.openSites.isEmpty else {
            return (Solution(status: result.status, bound: result.bound, seconds: result.seconds, message: result.message), report)
        }
        // The planner's tie-break, on the p-median's own master: the cheapest of the optimal plans.
        // Minutes rarely tie, and proving that no other plan reaches the optimum is a proof of its
        // own: on the generated counties (benchmarks `counties --tie-break`) it took most of the
        // proof's time again (0.40 against 0.47 CPU s on 1,000 x 110, 2.1 against 2.8 on 1,500 x
        // 160, after reduced-cost fixing against the optimum) and found the optimum unique. So it
        // gets a tenth of the proof's simplex iterations (``TieBreak/iterations(proof:share:)``),
        // a count, so that which optimum is reported does not depend on how busy the machine is;
        // the time the run has left stops it only as a backstop.
        var open = result.openSites
        if result.status == .optimal, let optimum = result.objective, Planner.tiesCanDiffer(model) {
            var tieOptions = options
            tieOptions.iterationLimit = TieBreak.iterations(proof: result.iterations, share: tieBreakShare)
            if let limit = options.timeLimit { tieOptions.timeLimit = max(0, limit - result.seconds) }
            let values = Planner.tieBreakerValues(model)
            open = try problem.cheapestOptimum(optimum: optimum, openSites: open, siteCosts: usable.map { values[$0] },
                                               options: tieOptions)
        }
        var keep = [Bool](repeating: false, count: instance.siteCount)
        for k in open { keep[usable[k]] = true }
        guard let point = try PlanHeuristic.point(keep: keep, model: model, options: options) else {
            return (Solution(status: .error, seconds: result.seconds,
                             message: "the p-median's sites break a row of the planning model"), report)
        }
        return (Solution(status: result.status, objective: point.objective, bound: result.bound, gap: result.gap,
                         seconds: result.seconds, values: point.values, message: result.message), report)
    }
}
