import Optimisation

extension PMedianProblem {
    /// Solves to proven optimality (or to `options`' gap or time limit): merges identical
    /// clients, runs our greedy + interchange heuristic (when `heuristic`) and offers its
    /// solution to GLPK as the first incumbent, then solves `formulation` with GLPK.
    public func solve(options: SolveOptions = SolveOptions(), formulation: PMedianFormulation = .automatic,
                      heuristic: Bool = true) throws -> LocationSolution {
        try validate()
        let start = ContinuousClock.now
        let groups = ClientGroups(costs: costs, weights: weights)
        for i in 0 ..< costs.clientCount where costs.start[i] == costs.start[i + 1] {
            var result = LocationSolution(status: .infeasible, message: "client \(i) has no allowed site")
            result.seconds = start.secondsElapsed
            return result
        }
        var heuristicSites: [Int]?
        if heuristic {
            let dense = ServiceCosts.groupMatrix(costs, groups)
            heuristicSites = PMedianHeuristic(clientCount: groups.count, siteCount: costs.siteCount, dense: dense,
                                              weights: groups.weights, medians: medians, budget: budget).solve()
        }
        let built = buildModel(formulation == .automatic ? .radius : formulation, groups: groups)
        var solveOptions = options
        if let heuristicSites {
            solveOptions.incumbent = built.point(openSites: heuristicSites, costs: costs, groups: groups)
        }
        let solution = try GLPKSolver.solve(built.model, options: solveOptions)
        var result = LocationSolution(status: solution.status, solution: solution,
                                      modelSize: LocationSolution.ModelSize(built.model))
        result.heuristicObjective = heuristicSites.flatMap { evaluate(openSites: $0)?.objective }
        if solution.hasSolution, let evaluated = evaluate(openSites: built.openSites(solution.values)) {
            result.openSites = built.openSites(solution.values)
            result.assignment = evaluated.assignment
            result.objective = evaluated.objective
            if solution.status == .optimal && solution.gap == 0 { result.bound = evaluated.objective }
        }
        result.seconds = start.secondsElapsed
        return result
    }
}

extension ServiceCosts {
    /// Row-major group x site costs (+infinity where not allowed) for the heuristics.
    static func groupMatrix(_ costs: ServiceCosts, _ groups: ClientGroups) -> [Double] {
        let m = costs.siteCount
        var dense = [Double](repeating: .infinity, count: groups.count * m)
        for (g, client) in groups.representatives.enumerated() {
            for (site, cost) in costs.entries(ofClient: client) { dense[g * m + site] = cost }
        }
        return dense
    }
}
