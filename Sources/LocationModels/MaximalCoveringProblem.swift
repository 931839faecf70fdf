import Optimisation

/// The maximal covering location problem (Church and ReVelle 1974): open at most
/// `facilities` sites to maximise the weight of clients within `radius` of an open site.
/// An optional ``SiteBudget`` also caps the summed cost of the open sites.
public struct MaximalCoveringProblem: Sendable {
    /// Costs (distances, travel times) from each client to each allowed site.
    public var costs: ServiceCosts
    /// Demand weight of each client (people, visits); 1 each by default.
    public var weights: [Double]
    /// A client is covered by a site when their cost is at most this (same unit as `costs`).
    public var radius: Double
    /// The most sites that may open (p).
    public var facilities: Int
    /// An optional cap on the summed cost of the open sites.
    public var budget: SiteBudget?

    public init(costs: ServiceCosts, weights: [Double]? = nil, radius: Double, facilities: Int, budget: SiteBudget? = nil) {
        self.costs = costs
        self.weights = weights ?? Array(repeating: 1, count: costs.clientCount)
        self.radius = radius
        self.facilities = facilities
        self.budget = budget
    }

    /// Throws a ``LocationModelError`` for mismatched counts, bad weights, radius, p or budget.
    public func validate() throws {
        try validateWeights(weights, clientCount: costs.clientCount)
        guard radius >= 0, radius.isFinite else { throw LocationModelError.invalidParameter(name: "radius", value: radius) }
        guard facilities >= 1, facilities <= costs.siteCount else {
            throw LocationModelError.invalidFacilityCount(value: facilities, siteCount: costs.siteCount)
        }
        try budget?.validate(siteCount: costs.siteCount)
    }

    /// The weight covered by `openSites` and each client's cheapest covering open site (-1 if none).
    public func evaluate(openSites: [Int]) -> (coveredWeight: Double, assignment: [Int]) {
        let result = coverage(costs: costs, radius: radius, weights: weights, openSites: openSites)
        return (result.weight, result.assignment)
    }

    /// Solves to proven optimality (or to `options`' limits) after the coverage reductions,
    /// offering a greedy solution (when `heuristic`) to GLPK as the first incumbent; `formulation`
    /// writes the links z_g <= Σ y_j out or generates them (``CoverageBenders``, the planner's too).
    public func solve(options: SolveOptions = SolveOptions(), heuristic: Bool = true,
                      formulation: CoverageFormulation = .automatic) throws -> LocationSolution {
        try validate()
        let start = ContinuousClock.now
        let reduced = CoverageReduction(costs: costs, radius: radius, weights: weights, siteCosts: budget?.siteCosts,
                                        dropZeroWeight: true, dropDominatedRows: false)
        let n = reduced.sites.count
        var model = LinearModel(sense: .maximise)
        let y = model.addVariables(n, kind: .binary)
        model.addRow(columns: Array(y), coefficients: Array(repeating: 1, count: n), upper: Double(facilities),
                     name: "at most p open")
        if let budget {
            model.addRow(columns: Array(y), coefficients: reduced.sites.map { budget.siteCosts[$0] }, upper: budget.budget,
                         name: "budget")
        }
        let u = model.addVariables(reduced.rows.count, kind: .continuous, upper: 1)
        for (g, weight) in reduced.rowWeights.enumerated() { model.setObjectiveCoefficient(u.lowerBound + g, weight) }
        let cuts = CoverageCuts(share: Array(u), covering: reduced.rows)
        let benders = CoverageBenders.chosen(formulation, groups: reduced.rows.count, sites: n)
        if !benders {
            for g in reduced.rows.indices {
                let row = cuts.row(g)
                model.addRow(columns: row.columns, coefficients: row.coefficients, upper: row.upper)
            }
        }
        var solveOptions = options
        var heuristicObjective: Double?
        if heuristic, let chosen = greedy(reduced) {
            var point = [Double](repeating: 0, count: model.variableCount)
            for p in chosen { point[p] = 1 }
            for (g, row) in reduced.rows.enumerated() where row.contains(where: { point[$0] == 1 }) { point[u.lowerBound + g] = 1 }
            solveOptions.incumbent = point
            heuristicObjective = evaluate(openSites: chosen.map { reduced.sites[$0] }).coveredWeight
        }
        let integral = IntegralObjective.isIntegral(weights)
        if integral && options.relativeGap == 0 {
            solveOptions = IntegralObjective.options(solveOptions, largest: weights.reduce(0, +))
        }
        var size = LocationSolution.ModelSize(model)
        let solution: Solution
        if benders {
            let solved = try CoverageBenders.solve(master: model, cuts: cuts, incumbent: solveOptions.incumbent, options: solveOptions)
            solution = solved.solution
            size.rows = solved.rows
        } else {
            solution = try GLPKSolver.solve(model, options: solveOptions)
        }
        var result = LocationSolution(status: solution.status, solution: solution, modelSize: size)
        result.heuristicObjective = heuristicObjective
        result.coverageFormulation = benders ? .benders : .compact
        result.generatedRows = solution.generatedRows
        if solution.hasSolution {
            result.openSites = (0 ..< n).filter { solution[$0] > 0.5 }.map { reduced.sites[$0] }
            let evaluated = evaluate(openSites: result.openSites)
            result.objective = evaluated.coveredWeight
            result.assignment = evaluated.assignment
            if solution.status == .optimal
                && (solution.gap == 0 || integral && IntegralObjective.proves(objective: evaluated.coveredWeight, bound: solution.bound)) {
                result.bound = evaluated.coveredWeight
                result.gap = 0
            }
        }
        result.seconds = start.secondsElapsed
        return result
    }

    /// Adds the site covering the most uncovered weight (within the budget) until p are open
    /// or nothing more is gained. Positions in `reduced.sites`.
    private func greedy(_ reduced: CoverageReduction) -> [Int]? {
        var covering = [[Int]](repeating: [], count: reduced.sites.count)
        for (g, row) in reduced.rows.enumerated() { for p in row { covering[p].append(g) } }
        var covered = [Bool](repeating: false, count: reduced.rows.count)
        var chosen: [Int] = []
        var spent = 0.0
        while chosen.count < facilities {
            var best = -1, bestGain = 0.0
            for p in covering.indices where !chosen.contains(p) {
                if let budget, spent + budget.siteCosts[reduced.sites[p]] > budget.budget * (1 + 1e-12) + 1e-9 { continue }
                let gain = covering[p].reduce(0.0) { covered[$1] ? $0 : $0 + reduced.rowWeights[$1] }
                if gain > bestGain { bestGain = gain; best = p }
            }
            guard best >= 0 else { break }
            chosen.append(best)
            spent += budget?.siteCosts[reduced.sites[best]] ?? 0
            for g in covering[best] { covered[g] = true }
        }
        return chosen
    }
}
