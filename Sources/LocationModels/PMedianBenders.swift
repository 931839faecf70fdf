import Optimisation

/// Branch-and-Benders-cut for the p-median (Duran-Mateluna, Ales and Elloumi, "An efficient
/// Benders decomposition for the p-median problem", EJOR 2023).
///
/// The master keeps only the sites y_j and one θ_g per client group (its cost of service); the
/// radius formulation's rows per client and cost level are projected out. For a point y and a
/// group whose sites sorted by cost are d_1 <= d_2 <= ..., the level D at which the y of the sites
/// within D first sums to 1 gives the strongest cut, θ_g + Σ_{d_gj < D} (D - d_gj) y_j >= D (the
/// dual of the group's radius subproblem, found in one pass over its sorted sites). Any level
/// gives a valid cut, and at an integral y the cut at the nearest open site's level holds θ_g at
/// the true cost, so the solutions GLPK accepts after row generation are exactly the p-median's.
/// The LP bound equals the radius formulation's, with a master a fraction of its size when p is
/// small (many levels per client).
struct PMedianBendersCuts: LazyRowGenerator {
    /// Group g's allowed sites sorted by cost are `sites[start[g] ..< start[g + 1]]`, costs alongside.
    let start: [Int]
    let sites: [Int]
    let costs: [Double]
    /// Per group, the column of its θ (nil when the group weighs nothing and needs no cut).
    let theta: [Int?]

    init(problem: PMedianProblem, groups: ClientGroups, theta: [Int?]) {
        var start = [0], sites: [Int] = [], costs: [Double] = []
        for client in groups.representatives {
            for (site, cost) in problem.costs.entries(ofClient: client).sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
                sites.append(site)
                costs.append(cost)
            }
            start.append(sites.count)
        }
        self.start = start
        self.sites = sites
        self.costs = costs
        self.theta = theta
    }

    func violatedRows(at values: [Double]) -> [LazyRow] {
        violatedCuts(at: values).map(row)
    }

    /// The groups' strongest cuts that `values` violates.
    func violatedCuts(at values: [Double]) -> [BendersCut] {
        theta.indices.compactMap { g in
            guard let column = theta[g] else { return nil }
            let cut = cut(group: g, at: values)
            let activity = zip(cut.sites, cut.coefficients).reduce(values[column]) { $0 + $1.1 * values[$1.0] }
            return cut.level - activity > 1e-6 * max(1, cut.level) ? cut : nil
        }
    }

    /// The cut as a row of the master.
    func row(_ cut: BendersCut) -> LazyRow {
        LazyRow(columns: [theta[cut.group]!] + cut.sites, coefficients: [1] + cut.coefficients, lower: cut.level)
    }

    /// The strongest cut at `values` for group `g`.
    func cut(group g: Int, at values: [Double]) -> BendersCut {
        let range = start[g] ..< start[g + 1]
        // Walking up the levels: `share` is the y of the sites within the level; the cut's
        // right-hand side at level D is D - Σ_{d < D} (D - d) y, which grows with D until the
        // share reaches 1.
        var share = 0.0, level = costs[range.lowerBound]
        var k = range.lowerBound
        while k < range.upperBound {
            level = costs[k]
            while k < range.upperBound && costs[k] == level {
                share += values[sites[k]]
                k += 1
            }
            if share >= 1 - 1e-9 { break }
        }
        var cut = BendersCut(group: g, sites: [], coefficients: [], level: level)
        for e in range where costs[e] < level {
            cut.sites.append(sites[e])
            cut.coefficients.append(level - costs[e])
        }
        return cut
    }
}

/// θ_group + Σ coefficients · y_sites >= level: a Benders optimality cut in site numbers, so that it
/// survives the master's renumbering when sites are removed (a removed site is closed, its term 0).
struct BendersCut {
    var group: Int
    var sites: [Int]
    var coefficients: [Double]
    var level: Double

    /// The same cut over `kept` sites only (`position[j]`: j's new number, -1 when removed).
    func restricted(position: [Int], group newGroup: Int) -> BendersCut {
        var cut = BendersCut(group: newGroup, sites: [], coefficients: [], level: level)
        for (j, c) in zip(sites, coefficients) where position[j] >= 0 {
            cut.sites.append(position[j])
            cut.coefficients.append(c)
        }
        return cut
    }
}

/// The cuts of an LP's row generation, kept so that the MILP after reduced-cost fixing starts
/// with them. (GLPK calls the generator on the solving thread only, one call at a time.)
final class CutRecorder: LazyRowGenerator, @unchecked Sendable {
    let cuts: PMedianBendersCuts
    private(set) var recorded: [BendersCut] = []

    init(cuts: PMedianBendersCuts) { self.cuts = cuts }

    func violatedRows(at values: [Double]) -> [LazyRow] {
        let violated = cuts.violatedCuts(at: values)
        recorded += violated
        return violated.map(cuts.row)
    }
}

/// The Benders master and what is needed to translate to and from it.
struct PMedianBendersModel {
    var model = LinearModel()
    let cuts: PMedianBendersCuts

    /// The MILP point of `openSites`: y, and each θ at its group's cost from its nearest open site.
    func point(openSites: [Int], siteCount: Int) -> [Double] {
        var values = [Double](repeating: 0, count: model.variableCount)
        for j in openSites { values[j] = 1 }
        for g in cuts.theta.indices {
            guard let column = cuts.theta[g] else { continue }
            let range = cuts.start[g] ..< cuts.start[g + 1]
            values[column] = range.first { values[cuts.sites[$0]] > 0.5 }.map { cuts.costs[$0] } ?? cuts.costs[range.lowerBound]
        }
        return values
    }
}

extension PMedianProblem {
    /// The master: y_j per site with the count, limit rows and fixed sites; θ_g per weighted group
    /// (at least its nearest cost); a group that not every choice of sites can serve needs one of
    /// its allowed sites open. The master starts with `cuts` and the cuts at each of `seeds` (sets
    /// of open sites).
    func buildBendersModel(groups: ClientGroups, seeds: [[Int]], cuts initialCuts: [BendersCut] = []) -> PMedianBendersModel {
        let m = costs.siteCount
        var model = LinearModel()
        let y = model.addVariables(m, kind: .binary)
        model.addRow(columns: Array(y), coefficients: Array(repeating: 1, count: m),
                     lower: Double(minimumOpen), upper: Double(medians), name: "open sites")
        for row in limitRows {
            let columns = y.filter { row.coefficients[$0] != 0 }
            model.addRow(columns: Array(columns), coefficients: columns.map { row.coefficients[$0] },
                         lower: row.lower, upper: row.upper)
        }
        for j in fixedOpen { model.setBounds(j, lower: 1, upper: 1) }
        var theta: [Int?] = []
        for g in 0 ..< groups.count {
            let entries = Array(costs.entries(ofClient: groups.representatives[g]))
            // Among any m - p + 1 sites one is open (p the fewest that open).
            if entries.count < m - minimumOpen + 1 {
                let allowed = entries.map(\.0)
                model.addRow(columns: allowed, coefficients: Array(repeating: 1, count: allowed.count), lower: 1)
            }
            guard groups.weights[g] > 0 else { theta.append(nil); continue }
            let nearest = entries.map(\.1).min()!
            theta.append(model.addVariable(.continuous, lower: nearest, upper: .infinity, objective: groups.weights[g]))
        }
        let built = PMedianBendersModel(model: model, cuts: PMedianBendersCuts(problem: self, groups: groups, theta: theta))
        var result = built
        var cuts = initialCuts
        for seed in seeds {
            let point = built.point(openSites: seed, siteCount: m)
            cuts += theta.indices.filter { theta[$0] != nil }.map { built.cuts.cut(group: $0, at: point) }
        }
        for cut in cuts where theta[cut.group] != nil {
            let row = built.cuts.row(cut)
            result.model.addRow(columns: row.columns, coefficients: row.coefficients, lower: row.lower)
        }
        return result
    }

    /// The LP relaxation of the master by Kelley's cutting planes (GLPK adds every group's violated
    /// cut and re-solves from its last basis until none is; a handful of rounds on OR-Library).
    /// Its bound equals the radius formulation's LP bound. Returns the LP and the cuts it generated
    /// that are tight at its optimum, or nil when the time limit or GLPK stops it first.
    func bendersRelaxation(options: SolveOptions, groups: ClientGroups, seeds: [[Int]],
                           start: ContinuousClock.Instant) throws -> (lp: Solution, cuts: [BendersCut])? {
        let built = buildBendersModel(groups: groups, seeds: seeds)
        let recorder = CutRecorder(cuts: built.cuts)
        var lpOptions = options
        lpOptions.incumbent = nil
        lpOptions.lazyRows = recorder
        if let limit = options.timeLimit { lpOptions.timeLimit = max(0, limit - start.secondsElapsed) }
        let lp = try GLPKSolver.solve(built.model.relaxed(), options: lpOptions)
        guard lp.status == .optimal else { return nil }
        // Only the cuts tight at the LP optimum go on: the others, cut off by later rounds, would
        // weigh on every node's LP without raising the bound.
        let tight = recorder.recorded.filter { cut in
            let activity = zip(cut.sites, cut.coefficients).reduce(lp.values[built.cuts.theta[cut.group]!]) { $0 + $1.1 * lp.values[$1.0] }
            return activity - cut.level <= 1e-6 * max(1, cut.level)
        }
        return (lp, tight)
    }

    /// Branch-and-Benders-cut from `heuristicSites` (GLPK's first incumbent, and the first cuts)
    /// and `cuts` found before (in this problem's sites and groups).
    func solveBenders(options: SolveOptions, groups: ClientGroups, heuristicSites: [Int]?, cuts: [BendersCut] = [],
                      start: ContinuousClock.Instant) throws -> LocationSolution {
        let built = buildBendersModel(groups: groups, seeds: heuristicSites.map { [$0] } ?? [], cuts: cuts)
        var solveOptions = options
        solveOptions.lazyRows = built.cuts
        // GLPK's own cuts off: on OR-Library pmed6, 16 and 26 (p = 5) they tripled the time.
        solveOptions.cuts = false
        let heuristicObjective = heuristicSites.flatMap { evaluate(openSites: $0)?.objective }
        if let heuristicSites { solveOptions.incumbent = built.point(openSites: heuristicSites, siteCount: costs.siteCount) }
        if let limit = options.timeLimit { solveOptions.timeLimit = max(0, limit - start.secondsElapsed) }
        let integral = IntegralObjective.isIntegral(costs.costs) && IntegralObjective.isIntegral(weights)
        if integral && options.relativeGap == 0 {
            let largest = heuristicObjective ?? zip(0 ..< costs.clientCount, weights).reduce(0.0) { total, pair in
                total + pair.1 * (costs.entries(ofClient: pair.0).map(\.1).max() ?? 0)
            }
            solveOptions = IntegralObjective.options(solveOptions, largest: largest)
        }
        let solution = try GLPKSolver.solve(built.model, options: solveOptions)
        var result = LocationSolution(status: solution.status, solution: solution, modelSize: .init(built.model))
        result.heuristicObjective = heuristicObjective
        result.formulation = .benders
        result.generatedRows = solution.generatedRows
        var open: [Int]?
        if solution.hasSolution { open = (0 ..< costs.siteCount).filter { solution.values[$0] > 0.5 } }
        if open == nil, solution.status == .limitWithoutSolution, let heuristicSites {
            open = heuristicSites
            result.status = .feasible
        }
        if let open, let evaluated = evaluate(openSites: open) {
            result.openSites = open
            result.assignment = evaluated.assignment
            result.objective = evaluated.objective
            if result.status == .optimal
                && (solution.gap == 0 || integral && IntegralObjective.proves(objective: evaluated.objective, bound: result.bound)) {
                result.bound = evaluated.objective
            }
            result.gap = result.bound.map { Solution.relativeGap(objective: evaluated.objective, bound: $0) }
        }
        return result
    }
}

extension PMedianProblem {
    /// Among the solutions that cost at most `optimum`, one whose open sites sum least on
    /// `siteCosts` (a planner's tie-break: the cheapest of the optimal plans), starting from
    /// `openSites` (an optimal solution; GLPK's first incumbent). The Benders master carries it
    /// whole: the sites' and θ's rows as before, the θ's objective held as a row at the optimum,
    /// the site costs as objective, the same cuts generated lazily. Returns `openSites` when GLPK
    /// finds nothing better within `options` (or a solution that is not optimal after all).
    ///
    /// Why here and not on the planner's own model: that model has none of the p-median's
    /// machinery (on the generated 1,500 x 160 county it used its whole allowance, as long as the
    /// proof itself), while this master is the one that just proved the optimum.
    public func cheapestOptimum(optimum: Double, openSites: [Int], siteCosts: [Double],
                                options: SolveOptions) throws -> [Int] {
        let groups = ClientGroups(costs: costs, weights: weights)
        var built = buildBendersModel(groups: groups, seeds: [openSites])
        var columns: [Int] = [], coefficients: [Double] = []
        for (g, column) in built.cuts.theta.enumerated() {
            guard let column else { continue }
            columns.append(column)
            coefficients.append(groups.weights[g])
            built.model.setObjectiveCoefficient(column, 0)
        }
        let allowance = 1e-9 * max(1, abs(optimum))
        built.model.addRow(columns: columns, coefficients: coefficients, upper: optimum + allowance, name: "held optimum")
        for j in 0 ..< costs.siteCount { built.model.setObjectiveCoefficient(j, siteCosts[j]) }
        var solveOptions = options
        solveOptions.lazyRows = built.cuts
        solveOptions.cuts = false
        solveOptions.incumbent = built.point(openSites: openSites, siteCount: costs.siteCount)
        let solution = try GLPKSolver.solve(built.model, options: solveOptions)
        guard solution.hasSolution else { return openSites }
        let open = (0 ..< costs.siteCount).filter { solution.values[$0] > 0.5 }
        guard admits(open), let value = evaluate(openSites: open)?.objective, value <= optimum + allowance else { return openSites }
        return open
    }
}
