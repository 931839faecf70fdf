import Optimisation

extension PMedianProblem {
    /// Solves to proven optimality (or to `options`' gap or time limit): merges identical
    /// clients, runs our greedy + interchange heuristic (when `heuristic`) and offers its
    /// solution to GLPK as the first incumbent, then solves `formulation` with GLPK.
    public func solve(options: SolveOptions = SolveOptions(), formulation: PMedianFormulation = .automatic,
                      heuristic: Bool = true) throws -> LocationSolution {
        try solve(options: options, formulation: formulation, heuristic: heuristic, initialRank: nil)
    }

    /// `initialRank` overrides ⌈2m/p⌉ in ``initialLimits(groups:heuristicSites:rank:)`` (tests force widening with it).
    func solve(options: SolveOptions, formulation: PMedianFormulation, heuristic: Bool,
               initialRank: Int?) throws -> LocationSolution {
        try validate()
        let start = ContinuousClock.now
        for i in 0 ..< costs.clientCount where costs.start[i] == costs.start[i + 1] {
            var result = LocationSolution(status: .infeasible, message: "client \(i) has no allowed site")
            result.seconds = start.secondsElapsed
            return result
        }
        let groups = ClientGroups(costs: costs, weights: weights)
        var heuristicSites: [Int]?
        if heuristic {
            let dense = ServiceCosts.groupMatrix(costs, groups)
            heuristicSites = PMedianHeuristic(problem: self, groups: groups, dense: dense).solve()
        }
        let heuristicSeconds = start.secondsElapsed
        let chosen = formulation == .automatic ? automaticFormulation : formulation
        if chosen == .benders || chosen == .incrementalRadius, let incumbent = heuristicSites,
           var result = try solveWithFixedSites(chosen, options: options, incumbent: incumbent, initialRank: initialRank,
                                                start: start) {
            result.seconds = start.secondsElapsed
            result.heuristicSeconds = heuristic ? heuristicSeconds : 0
            result.formulation = chosen
            return result
        }
        var result = chosen == .benders
            ? try solveBenders(options: options, groups: groups, heuristicSites: heuristicSites, start: start)
            : try solveRounds(options: options, formulation: chosen, groups: groups, heuristicSites: heuristicSites,
                              initialRank: initialRank, start: start)
        result.seconds = start.secondsElapsed
        result.heuristicSeconds = heuristic ? heuristicSeconds : 0
        result.formulation = chosen
        return result
    }

    /// What ``PMedianFormulation/automatic`` solves, by measurement (see there).
    var automaticFormulation: PMedianFormulation { .benders }

    /// Reduced-cost fixing: solves the LP relaxation of `formulation` (the incremental radius
    /// model, or the Benders master by cutting planes); a site at 0 whose reduced cost is at least
    /// (incumbent - LP bound) can only open in solutions no better than the incumbent, so it is
    /// removed and the smaller problem solved with the incumbent (and, for Benders, the LP's cuts).
    /// Returns nil when nothing could be removed.
    func solveWithFixedSites(_ formulation: PMedianFormulation, options: SolveOptions, incumbent heuristicSites: [Int],
                             initialRank: Int?, start: ContinuousClock.Instant) throws -> LocationSolution? {
        let groups = ClientGroups(costs: costs, weights: weights)
        guard var upper = evaluate(openSites: heuristicSites)?.objective, costs.siteCount > heuristicSites.count else { return nil }
        var incumbent = heuristicSites
        let lp: Solution
        var bendersCuts: [BendersCut] = []
        if formulation == .benders {
            guard let relaxation = try bendersRelaxation(options: options, groups: groups, seeds: [incumbent], start: start)
            else { return nil }
            lp = relaxation.lp
            bendersCuts = relaxation.cuts
        } else {
            let limits = initialLimits(groups: groups, heuristicSites: incumbent, rank: initialRank)
            let built = buildModel(.radius, groups: groups, limits: limits)
            var lpOptions = options
            lpOptions.incumbent = nil
            if let limit = options.timeLimit { lpOptions.timeLimit = max(0, limit - start.secondsElapsed) }
            lp = try GLPKSolver.solve(built.model.relaxed(), options: lpOptions)
        }
        guard lp.status == .optimal, let lower = lp.objective, lp.reducedCosts.count >= costs.siteCount else {
            return nil
        }
        // A second start for the interchange, from the p sites the LP opens most: a better
        // incumbent fixes more sites.
        // (Fixed sites first, then as many as the incumbent opens.)
        let fixed = Set(fixedOpen)
        let byLP = (0 ..< costs.siteCount).filter { !fixed.contains($0) }.sorted { (lp.values[$0], -$0) > (lp.values[$1], -$1) }
        var seed = Array(fixed) + byLP.prefix(max(0, incumbent.count - fixed.count))
        if admits(seed) {
            PMedianHeuristic(problem: self, groups: groups, dense: ServiceCosts.groupMatrix(costs, groups)).interchange(&seed)
            if let value = evaluate(openSites: seed)?.objective, value < upper {
                incumbent = seed.sorted()
                upper = value
            }
        }
        let slack = upper - lower + 1e-9 * max(1, abs(upper))
        let inIncumbent = Set(incumbent)
        let kept = (0 ..< costs.siteCount).filter { j in
            inIncumbent.contains(j) || lp.values[j] > 1e-9 || lp.reducedCosts[j] < slack
        }
        guard kept.count < costs.siteCount else { return nil }
        // The same problem over the kept sites only.
        var position = [Int](repeating: -1, count: costs.siteCount)
        for (k, j) in kept.enumerated() { position[j] = k }
        let restricted = try self.restricted(to: kept)
        let restrictedGroups = ClientGroups(costs: restricted.costs, weights: weights)
        let restrictedIncumbent = incumbent.map { position[$0] }.sorted()
        var result: LocationSolution
        if formulation == .benders {
            // Clients alike on every site stay alike on the kept ones: a group's cuts go to its
            // representative's new group.
            let newGroup = groups.representatives.map { restrictedGroups.groupOfClient[$0] }
            let cuts = bendersCuts.map { $0.restricted(position: position, group: newGroup[$0.group]) }
            result = try restricted.solveBenders(options: options, groups: restrictedGroups, heuristicSites: restrictedIncumbent,
                                                 cuts: cuts, start: start)
        } else {
            result = try restricted.solveRounds(options: options, formulation: .incrementalRadius, groups: restrictedGroups,
                                                heuristicSites: restrictedIncumbent, initialRank: initialRank, start: start)
        }
        // Back to the original site numbers; the LP bound of the full problem is also valid.
        result.openSites = result.openSites.map { kept[$0] }
        result.assignment = result.assignment.map { $0 >= 0 ? kept[$0] : -1 }
        result.fixedSites = costs.siteCount - kept.count
        result.iterations += lp.iterations
        if let objective = result.objective, result.status != .optimal, let bound = result.bound {
            result.bound = max(bound, min(lower, objective))
            result.gap = Solution.relativeGap(objective: objective, bound: result.bound!)
        }
        return result
    }

    /// Solves `formulation`; for the incremental radius, widens under-counted clients and re-solves.
    func solveRounds(options: SolveOptions, formulation chosen: PMedianFormulation, groups: ClientGroups,
                     heuristicSites: [Int]?, initialRank: Int?, start: ContinuousClock.Instant) throws -> LocationSolution {
        var limits: [Double]?
        if chosen == .incrementalRadius { limits = initialLimits(groups: groups, heuristicSites: heuristicSites, rank: initialRank) }
        var best = heuristicSites.flatMap { sites in evaluate(openSites: sites).map { (sites, $0.objective) } }
        let heuristicObjective = best?.1
        var rounds = 0, iterations = 0
        while true {
            rounds += 1
            let built = buildModel(chosen == .assignment ? .assignment : .radius, groups: groups, limits: limits)
            var solveOptions = options
            if let best { solveOptions.incumbent = built.point(openSites: best.0, costs: costs, groups: groups) }
            if let limit = options.timeLimit { solveOptions.timeLimit = max(0, limit - start.secondsElapsed) }
            let integral = IntegralObjective.isIntegral(costs.costs) && IntegralObjective.isIntegral(weights)
            if integral && options.relativeGap == 0 {
                let largest = best?.1 ?? zip(0 ..< costs.clientCount, weights).reduce(0.0) { total, pair in
                    total + pair.1 * (costs.entries(ofClient: pair.0).map(\.1).max() ?? 0)
                }
                solveOptions = IntegralObjective.options(solveOptions, largest: largest)
            }
            let solution = try GLPKSolver.solve(built.model, options: solveOptions)
            var result = LocationSolution(status: solution.status, solution: solution, modelSize: .init(built.model))
            result.heuristicObjective = heuristicObjective
            result.rounds = rounds
            iterations += solution.iterations
            result.iterations = iterations
            if solution.hasSolution, let evaluated = evaluate(openSites: built.openSites(solution.values)),
               evaluated.objective < best?.1 ?? .infinity {
                best = (built.openSites(solution.values), evaluated.objective)
            }
            // A truncated client served beyond the level its last z is charged to was
            // under-counted: widen its levels and solve again (its true cost is then counted).
            var widened = false
            if solution.hasSolution, limits != nil {
                let open = built.openSites(solution.values)
                for g in 0 ..< groups.count {
                    guard let next = built.tailNext[g] else { continue }
                    let client = groups.representatives[g]
                    let nearest = open.compactMap { costs.cost(client: client, site: $0) }.min() ?? .infinity
                    if nearest > next {
                        limits![g] = max(nearest, 2 * limits![g])
                        widened = true
                    }
                }
            }
            if widened && solution.status == .optimal { continue }
            if widened || solution.status == .limitWithoutSolution, let best {
                // Stopped at a limit: the best true solution so far, with the relaxation's bound.
                result.status = .feasible
                result.bound = solution.bound.map { min($0, best.1) }
            }
            if solution.hasSolution || result.status == .feasible, let best {
                let evaluated = evaluate(openSites: best.0)!
                result.openSites = best.0
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

    /// Per group, the cost up to which the incremental radius formulation first keeps levels:
    /// the farther of its heuristic cost and its ⌈2m/p⌉-th nearest site (with p medians a
    /// client's own median is typically among its m/p nearest sites).
    func initialLimits(groups: ClientGroups, heuristicSites: [Int]?, rank: Int? = nil) -> [Double] {
        let rank = max(1, min(costs.siteCount, rank ?? (2 * costs.siteCount + medians - 1) / medians))
        return groups.representatives.map { client in
            let sorted = costs.entries(ofClient: client).map(\.1).sorted()
            var limit = sorted[min(rank, sorted.count) - 1]
            if let heuristicSites {
                let served = heuristicSites.compactMap { costs.cost(client: client, site: $0) }.min() ?? .infinity
                limit = max(limit, served)
            }
            return limit
        }
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
